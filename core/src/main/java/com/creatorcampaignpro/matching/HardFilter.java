package com.creatorcampaignpro.matching;

/** Reasons an influencer is excluded from a campaign's matches instead of scored low. */
public enum HardFilter {
    FOLLOWERS_BELOW_MIN("followers below the campaign's minimum"),
    FOLLOWERS_ABOVE_MAX("followers above the campaign's maximum"),
    ENGAGEMENT_BELOW_MIN("engagement rate below the campaign's minimum"),
    MISSING_REQUIRED_PLATFORM("no account on a platform the campaign requires"),
    UNAVAILABLE("influencer is unavailable");

    private final String description;

    HardFilter(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
