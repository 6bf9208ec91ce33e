package com.creatorcampaignpro.matching;

import com.creatorcampaignpro.social.Platform;

/**
 * Typical engagement rates (percent) per platform and follower tier: the yardstick of the engagement
 * component. An influencer at the typical rate scores 0.5, twice it 0.67, half of it 0.33.
 *
 * <p>The figures are rounded mid-points of published ranges; they differ between sources by a factor
 * of two, so they are a yardstick, not truth, and can be replaced by configuration
 * ({@code ccp.matching.benchmarks}). Sources (read 2026-12):
 * <ul>
 *   <li>Instagram: HypeAuditor, State of Influencer Marketing 2024 (via Statista: 1K-10K 2.19 %, all
 *       1.85 %); HypeAuditor help centre "average ER on Instagram 1.66 %"; growhtos.com "What's a good
 *       engagement rate in 2026" (tiers: micro 3-7 %, mid 1.5-5 %, macro 0.8-2.5 %, mega 0.3-1.2 %).</li>
 *   <li>TikTok (engagements / views): calculatecreator.com engagement-rate-by-followers 2026 (nano 8-15 %,
 *       micro 5-10 %, mid 3-6 %); Captiv8 via EMARKETER 2024 (over 1.5 M followers 4.95 %).</li>
 *   <li>YouTube: CreatorDB "Engagement rates in influencer marketing" (about 4 % across sizes, 10 %+
 *       for 10K-50K channels); CreatorIQ via Omnes Influencers 2023 (mega 1.6 %).</li>
 *   <li>Twitter / X: no tier-level source found; our estimate from CreatorIQ via Tubefilter 2019
 *       (Twitter well below 1 % at every size). Replace it as soon as synced data gives a better one.</li>
 * </ul>
 */
public final class EngagementBenchmarks {
    private static final int TIERS = FollowerTier.values().length;

    /** [platform ordinal][tier ordinal], percent. */
    private final double[] typical;

    private EngagementBenchmarks(double[] typical) {
        for (double t : typical) {
            if (!(t > 0) || !Double.isFinite(t)) {
                throw new IllegalArgumentException("typical engagement rates must be positive, was " + t);
            }
        }
        this.typical = typical.clone();
    }

    public static EngagementBenchmarks defaults() {
        double[] t = new double[Platform.values().length * TIERS];
        //                                    nano  micro  mid   macro  mega
        set(t, Platform.INSTAGRAM, new double[]{3.0, 2.0, 1.5, 1.2, 0.9});
        set(t, Platform.TIKTOK, new double[]{10.0, 7.0, 4.5, 3.5, 3.0});
        set(t, Platform.YOUTUBE, new double[]{5.0, 4.0, 3.0, 2.0, 1.6});
        set(t, Platform.TWITTER, new double[]{1.0, 0.6, 0.4, 0.3, 0.2});
        return new EngagementBenchmarks(t);
    }

    /** Defaults with one platform's five tier figures replaced (nano, micro, mid, macro, mega). */
    public EngagementBenchmarks with(Platform platform, double[] tierRates) {
        double[] t = typical.clone();
        set(t, platform, tierRates);
        return new EngagementBenchmarks(t);
    }

    private static void set(double[] t, Platform p, double[] tierRates) {
        if (tierRates.length != TIERS) {
            throw new IllegalArgumentException("need " + TIERS + " tier rates for " + p.dbValue());
        }
        System.arraycopy(tierRates, 0, t, p.ordinal() * TIERS, TIERS);
    }

    public double typical(Platform platform, long followers) {
        return typical[platform.ordinal() * TIERS + FollowerTier.of(followers).ordinal()];
    }

    double typical(int platformOrdinal, long followers) {
        return typical[platformOrdinal * TIERS + FollowerTier.of(followers).ordinal()];
    }
}
