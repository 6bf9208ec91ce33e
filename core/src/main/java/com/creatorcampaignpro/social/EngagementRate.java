package com.creatorcampaignpro.social;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Engagement rate in percent, as stored (NUMERIC(7,4)). */
public final class EngagementRate {
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(4);
    private static final BigDecimal MAX = new BigDecimal("999.9999");

    private EngagementRate() {
    }

    /** {@code interactions} over {@code posts × followers}, in percent; zero when any factor is zero. */
    public static BigDecimal of(long interactions, long posts, long followers) {
        if (posts <= 0 || followers <= 0) {
            return ZERO;
        }
        return ratio(interactions, BigDecimal.valueOf(posts).multiply(BigDecimal.valueOf(followers)));
    }

    /** {@code numerator / denominator × 100}, four decimals, half-up, capped at what the column holds. */
    static BigDecimal ratio(long numerator, BigDecimal denominator) {
        if (numerator <= 0 || denominator.signum() <= 0) {
            return ZERO;
        }
        BigDecimal rate = BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                .divide(denominator, 4, RoundingMode.HALF_UP);
        // A tiny account with a viral post can exceed what the column holds; cap rather than fail the sync.
        return rate.min(MAX);
    }
}
