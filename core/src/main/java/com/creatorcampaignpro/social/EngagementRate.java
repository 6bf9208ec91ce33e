package com.creatorcampaignpro.social;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Engagement rate in percent, as stored (NUMERIC(7,4)): interactions per post over followers. */
public final class EngagementRate {
    private static final BigDecimal MAX = new BigDecimal("999.9999");

    private EngagementRate() {
    }

    public static BigDecimal of(long interactions, long posts, long followers) {
        if (interactions <= 0 || posts <= 0 || followers <= 0) {
            return BigDecimal.ZERO.setScale(4);
        }
        BigDecimal rate = BigDecimal.valueOf(interactions)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(posts).multiply(BigDecimal.valueOf(followers)), 4, RoundingMode.HALF_UP);
        // A tiny account with a viral post can exceed what the column holds; cap rather than fail the sync.
        return rate.min(MAX);
    }
}
