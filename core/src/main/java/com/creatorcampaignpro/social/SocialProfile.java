package com.creatorcampaignpro.social;

import java.math.BigDecimal;

/**
 * One account's public numbers as the platform reports them. {@code engagementRate} (percent) and
 * {@code avgViews} come from the platform's {@link EngagementFormula}; zero where it gives no figure.
 */
public record SocialProfile(String platformUserId, String username, String profileUrl, long followers,
                            long following, long posts, long avgViews, BigDecimal engagementRate) {
}
