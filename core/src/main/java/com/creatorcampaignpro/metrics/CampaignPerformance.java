package com.creatorcampaignpro.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Ratios a marketer reads off a campaign's totals and its spend. Money stays in minor units of the
 * campaign's currency; a cost per unit can be a fraction of a minor unit, so it is a decimal with
 * {@link #COST_SCALE} places, never a double. A ratio with a zero denominator is null (undefined,
 * not zero).
 */
public final class CampaignPerformance {

    /** Decimal places of costs per engagement / per mille, in minor units (e.g. 37.5000 cents). */
    public static final int COST_SCALE = 4;
    /** Decimal places of the engagement rate, a fraction (0.0532 = 5.32 %). */
    public static final int RATE_SCALE = 6;

    private CampaignPerformance() {
    }

    /** Engagement per impression: of the times the content was shown, how often someone engaged. */
    public static BigDecimal engagementRate(long engagement, long impressions) {
        return ratio(BigDecimal.valueOf(engagement), impressions, RATE_SCALE);
    }

    /** Cost per engagement: spent / engagement, in minor units. */
    public static BigDecimal costPerEngagement(long spentMinor, long engagement) {
        return ratio(BigDecimal.valueOf(spentMinor), engagement, COST_SCALE);
    }

    /** Cost per mille (thousand impressions): spent * 1000 / impressions, in minor units. */
    public static BigDecimal costPerMille(long spentMinor, long impressions) {
        return ratio(BigDecimal.valueOf(spentMinor).multiply(BigDecimal.valueOf(1000)), impressions, COST_SCALE);
    }

    private static BigDecimal ratio(BigDecimal numerator, long denominator, int scale) {
        if (denominator <= 0) {
            return null;
        }
        return numerator.divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_EVEN);
    }
}
