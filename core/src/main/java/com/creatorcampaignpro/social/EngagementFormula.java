package com.creatorcampaignpro.social;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The declared formula behind each platform's engagement rate and average views (README, "Engagement
 * formulas"). Each takes the account's {@link #SAMPLE} most recent posts (by posting time, any age):
 * <ul>
 * <li>by followers (Instagram, X): mean over the sample of interactions per post / followers × 100,
 *     i.e. Σ interactions / (posts × followers) × 100; no figure without followers;</li>
 * <li>by views (YouTube, TikTok, where most views come from outside the follower base):
 *     Σ interactions / Σ views × 100 over the sampled posts that report views; no figure without views.</li>
 * </ul>
 * Average views is the mean of the views of the sampled posts that report them (Instagram's "views"
 * insight, YouTube's viewCount, TikTok's view_count, X's impression_count); none reported, no figure.
 * Counters a post does not report count as zero in its interactions; a post that reports none of the
 * formula's interactions is left out of the sample.
 */
public enum EngagementFormula {
    INSTAGRAM("instagram/likes+comments per post over followers/v1", Basis.FOLLOWERS,
            m -> n(m.likes()) + n(m.comments())),
    YOUTUBE("youtube/likes+comments over views/v1", Basis.VIEWS,
            m -> n(m.likes()) + n(m.comments())),
    TIKTOK("tiktok/likes+comments+shares over views/v1", Basis.VIEWS,
            m -> n(m.likes()) + n(m.comments()) + n(m.shares())),
    TWITTER("x/likes+replies+reposts+quotes per post over followers/v1", Basis.FOLLOWERS,
            m -> n(m.likes()) + n(m.comments()) + n(m.shares()));

    /** How many recent posts a figure rests on at most. */
    public static final int SAMPLE = 20;

    enum Basis { FOLLOWERS, VIEWS }

    private final String id;
    private final Basis basis;
    private final ToLongFunction<MediaItem> interactions;

    EngagementFormula(String id, Basis basis, ToLongFunction<MediaItem> interactions) {
        this.id = id;
        this.basis = basis;
        this.interactions = interactions;
    }

    public static EngagementFormula of(Platform platform) {
        return switch (platform) {
            case INSTAGRAM -> INSTAGRAM;
            case YOUTUBE -> YOUTUBE;
            case TIKTOK -> TIKTOK;
            case TWITTER -> TWITTER;
        };
    }

    /** The identifier stored beside each figure: platform, interactions, basis and version. */
    public String id() {
        return id;
    }

    public AccountMetrics compute(long followers, List<MediaItem> media) {
        List<MediaItem> sample = media.stream()
                .filter(m -> m.likes() != null || m.comments() != null || m.shares() != null)
                .sorted(Comparator.comparing(MediaItem::postedAt).reversed())
                .limit(SAMPLE)
                .toList();
        if (sample.isEmpty()) {
            return AccountMetrics.none(id);
        }
        List<MediaItem> withViews = sample.stream().filter(m -> m.views() != null).toList();
        long views = withViews.stream().mapToLong(MediaItem::views).sum();
        Long avgViews = withViews.isEmpty() ? null : Math.round((double) views / withViews.size());

        BigDecimal rate = null;
        int engagementSample = 0;
        if (basis == Basis.FOLLOWERS && followers > 0) {
            long sum = sample.stream().mapToLong(interactions).sum();
            rate = EngagementRate.of(sum, sample.size(), followers);
            engagementSample = sample.size();
        } else if (basis == Basis.VIEWS && views > 0) {
            long sum = withViews.stream().mapToLong(interactions).sum();
            rate = EngagementRate.ratio(sum, BigDecimal.valueOf(views));
            engagementSample = withViews.size();
        }
        Instant start = sample.get(sample.size() - 1).postedAt();
        Instant end = sample.get(0).postedAt();
        return new AccountMetrics(id, rate, engagementSample, avgViews, withViews.size(), start, end);
    }

    private static long n(Long value) {
        return value == null ? 0 : Math.max(0, value);
    }
}
