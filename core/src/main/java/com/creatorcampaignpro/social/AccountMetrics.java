package com.creatorcampaignpro.social;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The figures one {@link EngagementFormula} made from an account's recent media. {@code engagementRate}
 * (percent) is null when no post could be measured, {@code avgViews} null when no post reported views;
 * the sample sizes say how many posts each figure rests on, the window which posting times they span.
 */
public record AccountMetrics(String formula, BigDecimal engagementRate, int engagementSample, Long avgViews,
                             int viewsSample, Instant windowStart, Instant windowEnd) {

    public static AccountMetrics none(String formula) {
        return new AccountMetrics(formula, null, 0, null, 0, null, null);
    }
}
