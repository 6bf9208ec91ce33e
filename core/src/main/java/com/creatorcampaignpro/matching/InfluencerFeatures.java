package com.creatorcampaignpro.matching;

import com.creatorcampaignpro.content.ContentType;
import com.creatorcampaignpro.influencer.Availability;
import com.creatorcampaignpro.social.Platform;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What the scorer knows of an influencer: the scorer's own input, loaded from the profile, the
 * social accounts and the rates.
 *
 * @param avgEngagementRate percent, the profile's average (the campaign minimum is checked against it)
 * @param accounts          one entry per platform the influencer has an account on
 * @param rating            0..5
 */
public record InfluencerFeatures(
        UUID influencerId,
        Set<String> categories,
        Set<String> languages,
        String country,
        long totalFollowers,
        double avgEngagementRate,
        Map<Platform, Account> accounts,
        AudienceProfile audience,
        List<Rate> rates,
        double rating,
        int completedCampaigns,
        Availability availability,
        boolean verified) {

    public InfluencerFeatures {
        Objects.requireNonNull(influencerId, "influencerId");
        categories = Set.copyOf(categories);
        languages = Set.copyOf(languages);
        accounts = Map.copyOf(accounts);
        audience = audience == null ? AudienceProfile.UNKNOWN : audience;
        rates = List.copyOf(rates);
        Objects.requireNonNull(availability, "availability");
    }

    /** A social account's followers and engagement rate (percent). */
    public record Account(long followers, double engagementRate) {
    }

    /** The influencer's price for one unit of content, minor units of {@code currency}. */
    public record Rate(Platform platform, ContentType contentType, long amount, String currency) {
    }
}
