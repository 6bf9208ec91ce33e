package com.creatorcampaignpro.matching;

/** The follower tiers the industry benchmarks use (followers on one platform). */
public enum FollowerTier {
    /** below 10,000 */
    NANO,
    /** 10,000 to 99,999 */
    MICRO,
    /** 100,000 to 499,999 */
    MID,
    /** 500,000 to 999,999 */
    MACRO,
    /** 1,000,000 and more */
    MEGA;

    public static FollowerTier of(long followers) {
        if (followers < 10_000) {
            return NANO;
        }
        if (followers < 100_000) {
            return MICRO;
        }
        if (followers < 500_000) {
            return MID;
        }
        if (followers < 1_000_000) {
            return MACRO;
        }
        return MEGA;
    }
}
