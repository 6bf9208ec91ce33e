package com.creatorcampaignpro.influencer;

import com.creatorcampaignpro.social.Platform;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One platform's audience figures for an influencer, as last synced ({@code asOf}; null = never). */
public record SocialMetrics(
        UUID influencerId,
        Platform platform,
        String username,
        String profileUrl,
        long followers,
        BigDecimal engagementRate,
        long avgViews,
        String status,
        Instant asOf) {
}
