package com.creatorcampaignpro.influencer;

import com.creatorcampaignpro.error.ValidationException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InfluencerSearchTests {

    private static InfluencerSearch.Query query(String q, List<String> categories, Long minFollowers, Long maxFollowers,
                                                String sort, Long minRate, String currency) {
        return new InfluencerSearch.Query(q, categories, null, null, null, null, null, minFollowers, maxFollowers,
                null, null, null, null, minRate == null ? null : "reel", minRate, null, currency, sort, null, null);
    }

    @Test
    void defaultsAndNormalization() {
        InfluencerSearch search = InfluencerSearch.of(query(null, Arrays.asList(" Travel", "travel", "FOOD", " "), null, null,
                null, null, null));
        assertThat(search.categories()).containsExactly("travel", "food");
        assertThat(search.sort()).isEqualTo(InfluencerSort.FOLLOWERS);
        assertThat(search.limit()).isEqualTo(20);
        assertThat(search.fetchSize()).isEqualTo(21);
    }

    @Test
    void freeTextIsMatchedLiterally() {
        InfluencerSearch search = InfluencerSearch.of(query("50%_off\\", null, null, null, null, null, null));
        assertThat(search.textPattern()).isEqualTo("%50\\%\\_off\\\\%");
    }

    @Test
    void everyViolationNamesItsParameter() {
        assertThatThrownBy(() -> InfluencerSearch.of(query("ab", null, 10L, 5L, "newest", 100L, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.FieldViolation::field)
                        .containsExactly("q", "maxFollowers", "currency", "sort"));
        assertThatThrownBy(() -> InfluencerSearch.of(new InfluencerSearch.Query(null, null, null, null, null, null, null,
                null, null, new BigDecimal("-1"), null, null, null, null, null, null, null, null, 500, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.FieldViolation::field)
                        .containsExactly("minEngagementRate", "limit"));
    }
}
