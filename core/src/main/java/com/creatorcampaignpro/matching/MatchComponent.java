package com.creatorcampaignpro.matching;

/** The parts a match score is made of; each scores 0..1 and is weighted by {@link MatchWeights}. */
public enum MatchComponent {
    /** Share of the campaign's target categories the influencer covers. */
    CATEGORY("category"),
    /** 1 when the influencer speaks one of the campaign's languages. */
    LANGUAGE("language"),
    /** Country and audience (countries, genders, ages) against the campaign's targets and target audience. */
    AUDIENCE("audience"),
    /** Share of the platforms the campaign needs (targets and deliverables) the influencer has an account on. */
    PLATFORM("platform"),
    /** Engagement rate against the typical rate of the platform and follower tier ({@link EngagementBenchmarks}). */
    ENGAGEMENT("engagement"),
    /** Followers against the campaign's range: nearest the range's (log-scale) middle scores best. */
    FOLLOWER_TIER("followerTier"),
    /** Whether the remaining budget pays the influencer's rates for the campaign's deliverables. */
    RATE_FIT("rateFit"),
    /** Rating (0..5) and completed campaigns. */
    REPUTATION("reputation"),
    /** Available 1, busy 0.5 (unavailable is a hard filter). */
    AVAILABILITY("availability"),
    /** Verified profile. */
    VERIFIED("verified");

    private final String key;

    MatchComponent(String key) {
        this.key = key;
    }

    /** The name used in JSON (components jsonb, API). */
    public String key() {
        return key;
    }
}
