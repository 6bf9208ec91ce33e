package com.creatorcampaignpro.demo;

import java.util.Locale;

/** How much demo data to generate. */
public record DemoScale(int marketers, int influencers, int campaigns, int content) {

    public static final DemoScale SMALL = new DemoScale(20, 200, 60, 3_000);
    public static final DemoScale MEDIUM = new DemoScale(1_000, 4_000, 1_000, 100_000);
    /** The dataset of shared/FLOORS.md: 50,000 users, ~80,000 social accounts, 10,000 campaigns, 1,000,000 content. */
    public static final DemoScale LARGE = new DemoScale(10_000, 40_000, 10_000, 1_000_000);

    public static DemoScale named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "small" -> SMALL;
            case "medium" -> MEDIUM;
            case "large" -> LARGE;
            default -> throw new IllegalArgumentException("--scale must be small, medium or large, not " + name);
        };
    }

    public DemoScale {
        if (marketers < 1 || influencers < 1 || campaigns < 1 || content < 0) {
            throw new IllegalArgumentException("need at least one marketer, influencer and campaign");
        }
    }
}
