package com.creatorcampaignpro.social;

import java.util.List;

/** One read of an account: its profile, its recent media, and the declared figures made from them. */
public record AccountSnapshot(SocialProfile profile, List<MediaItem> media, AccountMetrics metrics) {

    public AccountSnapshot {
        media = List.copyOf(media);
    }

    /** Applies the platform's {@link EngagementFormula} and carries its figures into the profile too. */
    public static AccountSnapshot of(Platform platform, SocialProfile read, List<MediaItem> media) {
        AccountMetrics metrics = EngagementFormula.of(platform).compute(read.followers(), media);
        SocialProfile profile = new SocialProfile(read.platformUserId(), read.username(), read.profileUrl(),
                read.followers(), read.following(), read.posts(),
                metrics.avgViews() == null ? 0 : metrics.avgViews(),
                metrics.engagementRate() == null ? EngagementRate.ZERO : metrics.engagementRate());
        return new AccountSnapshot(profile, media, metrics);
    }
}
