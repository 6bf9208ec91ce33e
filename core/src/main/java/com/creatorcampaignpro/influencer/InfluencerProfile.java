package com.creatorcampaignpro.influencer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An influencer's public profile; {@code userId} is the influencer's id everywhere. */
public record InfluencerProfile(
        UUID userId,
        String displayName,
        String bio,
        List<String> categories,
        List<String> languages,
        String location,
        String country,
        long totalFollowers,
        BigDecimal avgEngagementRate,
        long avgViews,
        String audience,
        BigDecimal rating,
        int completedCampaigns,
        String availability,
        boolean verified,
        Instant metricsAsOf,
        Instant createdAt,
        Instant updatedAt) {
}
