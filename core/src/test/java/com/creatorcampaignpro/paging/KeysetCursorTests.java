package com.creatorcampaignpro.paging;

import com.creatorcampaignpro.error.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeysetCursorTests {

    @Test
    void roundTrips() {
        KeysetCursor cursor = new KeysetCursor(Instant.parse("2026-11-25T10:15:30.123456Z"), UUID.randomUUID());
        assertThat(KeysetCursor.decode(cursor.encode(), "after")).isEqualTo(cursor);
    }

    @Test
    void aForgedCursorOutsidePostgresRangeIsRefused() {
        for (String instant : List.of("+294277-01-01T00:00:00Z", "-4714-01-01T00:00:00Z", "+10000-01-01T00:00:00Z")) {
            String token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (instant + "|" + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThatThrownBy(() -> KeysetCursor.decode(token, "after")).as(instant)
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.violations().get(0).field()).isEqualTo("after"));
        }
    }

    @Test
    void garbageNamesTheParameter() {
        assertThatThrownBy(() -> KeysetCursor.decode("not-a-cursor", "after"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("after"));
    }

    @Test
    void pageHasNextCursorOnlyWhenMoreRowsWereFetched() {
        PageRequest request = PageRequest.of(2, null);
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        List<KeysetCursor> rows = List.of(new KeysetCursor(t, UUID.randomUUID()), new KeysetCursor(t, UUID.randomUUID()),
                new KeysetCursor(t, UUID.randomUUID()));
        Page<KeysetCursor> full = Page.fromFetched(rows, request, r -> r);
        assertThat(full.items()).hasSize(2);
        assertThat(KeysetCursor.decode(full.nextCursor(), "after")).isEqualTo(rows.get(1));
        assertThat(Page.fromFetched(rows.subList(0, 2), request, r -> r).nextCursor()).isNull();
    }

    @Test
    void limitOutOfRangeIsRefused() {
        assertThatThrownBy(() -> PageRequest.of(0, null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> PageRequest.of(101, null)).isInstanceOf(ValidationException.class);
    }
}
