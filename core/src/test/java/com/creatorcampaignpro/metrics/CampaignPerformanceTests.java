package com.creatorcampaignpro.metrics;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignPerformanceTests {

    @Test
    void ratiosAreExactDecimalsInMinorUnits() {
        assertThat(CampaignPerformance.engagementRate(532, 10_000)).isEqualByComparingTo("0.0532");
        // 1,000.00 spent on 3 engagements: 333.3333 minor units each, rounded half-even, no double drift.
        assertThat(CampaignPerformance.costPerEngagement(100_000, 3)).isEqualTo(new BigDecimal("33333.3333"));
        // 250.00 spent on 40,000 impressions: 6.25 per thousand = 625 minor units.
        assertThat(CampaignPerformance.costPerMille(25_000, 40_000)).isEqualByComparingTo("625");
    }

    @Test
    void aZeroDenominatorIsUndefinedNotZero() {
        assertThat(CampaignPerformance.engagementRate(10, 0)).isNull();
        assertThat(CampaignPerformance.costPerEngagement(100, 0)).isNull();
        assertThat(CampaignPerformance.costPerMille(100, 0)).isNull();
        assertThat(CampaignPerformance.costPerMille(0, 10)).isEqualByComparingTo("0");
    }

    @Test
    void engagementIsLikesCommentsSharesAndSaves() {
        assertThat(CampaignTotals.engagementOf(1, 2, 3, 4)).isEqualTo(10);
    }
}
