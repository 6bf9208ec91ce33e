package com.creatorcampaignpro.paging;

import com.creatorcampaignpro.error.ValidationException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RankCursorTests {

    @Test
    void roundTripsKeepingTheDecimalExactly() {
        RankCursor cursor = new RankCursor("engagement", new BigDecimal("5.2500"), UUID.randomUUID());
        RankCursor decoded = RankCursor.decode(cursor.encode(), "after", "engagement");
        assertThat(decoded).isEqualTo(cursor);
        assertThat(decoded.value().toPlainString()).isEqualTo("5.2500");
    }

    @Test
    void aCursorOfAnotherSortIsRefusedNamingTheParameter() {
        String token = new RankCursor("followers", BigDecimal.TEN, UUID.randomUUID()).encode();
        assertThatThrownBy(() -> RankCursor.decode(token, "after", "rating"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations().get(0).field()).isEqualTo("after");
                    assertThat(e.violations().get(0).message()).contains("followers");
                });
    }

    @Test
    void garbageIsRefused() {
        for (String token : new String[]{"garbage", "Zm9sbG93ZXJzfHh8eQ", ""}) {
            assertThatThrownBy(() -> RankCursor.decode(token, "after", "followers")).isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void pageOfAnyCursorHasANextTokenOnlyWhenMoreRowsWereFetched() {
        assertThat(Page.fromFetched(java.util.List.of(1, 2), 2, i -> "t" + i).nextCursor()).isNull();
        Page<Integer> page = Page.fromFetched(java.util.List.of(1, 2, 3), 2, i -> "t" + i);
        assertThat(page.items()).containsExactly(1, 2);
        assertThat(page.nextCursor()).isEqualTo("t2");
    }
}
