package com.creatorcampaignpro.influencer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SearchStatementTests {

    private static InfluencerSearch search(List<String> categories, String q, Long minFollowers, String country,
                                           String contentType, Long maxRate, String currency, String sort) {
        return InfluencerSearch.of(new InfluencerSearch.Query(q, categories, null, null, country, null, null, minFollowers,
                null, null, null, null, null, contentType, null, maxRate, currency, sort, 20, null));
    }

    @Test
    void shapesWhosePlanDependsOnTheirValuesArePlannedWithThem() {
        assertThat(SearchStatement.of(search(List.of("fashion"), null, null, null, null, null, null, null)).customPlan).isTrue();
        assertThat(SearchStatement.of(search(null, "marathon", null, null, null, null, null, null)).customPlan).isTrue();
        assertThat(SearchStatement.of(search(null, null, null, null, "reel", 50_000L, "USD", null)).customPlan).isTrue();
    }

    @Test
    void shapesWithOnePlanMayReuseAGenericPlan() {
        assertThat(SearchStatement.of(search(null, null, null, null, null, null, null, "engagement")).customPlan).isFalse();
        assertThat(SearchStatement.of(search(null, null, 10_000L, "PT", null, null, null, null)).customPlan).isFalse();
    }

    @Test
    void eachShapeIsBuiltOnceAndHoldsOnlyItsOwnConditions() {
        SearchStatement fashion = SearchStatement.of(search(List.of("fashion"), null, null, null, null, null, null, null));
        SearchStatement travel = SearchStatement.of(search(List.of("travel"), null, null, null, null, null, null, null));
        SearchStatement byRating = SearchStatement.of(search(List.of("travel"), null, null, null, null, null, null, "rating"));

        assertThat(travel).isSameAs(fashion);
        assertThat(byRating).isNotSameAs(fashion);
        assertThat(fashion.sql).contains("p.categories && :categories").doesNotContain(":languages", ":textPattern",
                ":contentType", ":afterValue", "IS NULL");
        assertThat(byRating.sql).contains("ORDER BY p.rating DESC");
        SearchStatement priced = SearchStatement.of(search(null, null, null, null, "reel", 50_000L, "USD", null));
        assertThat(priced.sql).contains("r.content_type = :contentType", "r.rate_amount <= :maxRate", "r.currency = ")
                .doesNotContain(":minRate", "r.platform");
    }
}
