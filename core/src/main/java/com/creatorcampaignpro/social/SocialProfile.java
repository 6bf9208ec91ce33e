package com.creatorcampaignpro.social;

import java.math.BigDecimal;

/**
 * One account's public numbers as the platform reports them. {@code engagementRate} is a percentage
 * (likes + comments per post over followers); zero where the profile call gives nothing to compute it.
 */
public record SocialProfile(String platformUserId, String username, String profileUrl, long followers,
                            long following, long posts, long avgViews, BigDecimal engagementRate) {
}
