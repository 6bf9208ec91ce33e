package com.creatorcampaignpro.matching;

import java.util.Map;

/**
 * An influencer's audience as platforms report it (influencer_profiles.audience jsonb:
 * {@code {"countries": {"US": 0.42, ...}, "genders": {"female": 0.6, "male": 0.38, "other": 0.02},
 * "ages": {"18-24": 0.3, ...}}}), shares in 0..1. Empty maps = not reported.
 * Age buckets: {@link #AGE_BUCKETS}.
 */
public record AudienceProfile(Map<String, Double> countries, Map<String, Double> genders, Map<String, Double> ages) {
    public static final AudienceProfile UNKNOWN = new AudienceProfile(Map.of(), Map.of(), Map.of());
    /** The buckets the platforms report (Instagram, YouTube and TikTok all use these or finer ones). */
    public static final String[] AGE_BUCKETS = {"13-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+"};
    static final int[] AGE_BUCKET_FROM = {13, 18, 25, 35, 45, 55, 65};
    static final int[] AGE_BUCKET_TO = {17, 24, 34, 44, 54, 64, 80};   // 65+ counted as 65-80 for overlaps
    public static final String[] GENDERS = {"female", "male", "other"};

    public AudienceProfile {
        countries = Map.copyOf(countries);
        genders = Map.copyOf(genders);
        ages = Map.copyOf(ages);
    }
}
