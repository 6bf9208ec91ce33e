package com.creatorcampaignpro.matching;

import com.creatorcampaignpro.influencer.Availability;
import com.creatorcampaignpro.social.Platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The match score of an influencer for a campaign: {@code 100 * sum(weight * value) / sum(weight)} over
 * the {@link MatchComponent}s, each valued 0..1, after the {@link HardFilter}s. Deterministic: the
 * same features and criteria give the same score to the last bit, whichever table they sit in.
 *
 * <p>{@link #score} is the hot path of the scoring job (no allocation); {@link #explain} computes the
 * same values through the same methods and adds the components.
 */
public final class MatchScorer {
    /** Bump when a component's formula, the benchmarks or the default weights change. */
    public static final String MODEL_VERSION = "match-v1";

    private static final MatchComponent[] COMPONENTS = MatchComponent.values();
    private static final double LN_21 = Math.log(21);

    private final double[] weight = new double[COMPONENTS.length];
    private final double weightSum;
    private final double[] weightLeft;
    private final EngagementBenchmarks benchmarks;

    public MatchScorer(MatchWeights weights, EngagementBenchmarks benchmarks) {
        double sum = 0;
        for (MatchComponent c : COMPONENTS) {
            weight[c.ordinal()] = weights.of(c);
            sum += weight[c.ordinal()];
        }
        this.weightSum = sum;
        // weight still to come after each early cut-off point of score()
        this.weightLeft = new double[]{sum - weight[0], sum - weight[0] - weight[3] - weight[4],
                weight[1] + weight[5] + weight[2]};
        this.benchmarks = benchmarks;
    }

    /**
     * Above this score no row without any of the campaign's categories can be (its category value is
     * 0, every other component at most 1), with a margin for rounding: a top K whose K-th score is
     * higher need not look at such rows.
     */
    double withoutCategoryBound() {
        return 100 * (weightSum - weight[0]) / weightSum + 1e-6;
    }

    public double weight(MatchComponent c) {
        return weight[c.ordinal()];
    }

    /**
     * The components of a stored score (match_scores.components: each component's value by key), with
     * this scorer's weights and points; details are not stored, so they are null. Keys missing from
     * the map are left out.
     */
    public List<ComponentScore> components(java.util.Map<String, Double> values, CompiledCriteria c) {
        boolean[] applicable = applicable(c);
        List<ComponentScore> out = new ArrayList<>(COMPONENTS.length);
        for (MatchComponent m : COMPONENTS) {
            Double v = values.get(m.key());
            if (v != null) {
                int i = m.ordinal();
                out.add(new ComponentScore(m, v, weight[i], 100 * weight[i] * v / weightSum, applicable[i],
                        applicable[i] ? null : "not asked by the campaign"));
            }
        }
        return out;
    }

    public static MatchScorer withDefaults() {
        return new MatchScorer(MatchWeights.defaults(), EngagementBenchmarks.defaults());
    }

    /** The table of these influencers, with the engagement yardstick of this scorer applied once per row. */
    public FeatureTable table(java.util.List<InfluencerFeatures> influencers) {
        return FeatureTable.of(influencers, benchmarks);
    }

    public CompiledCriteria compile(MatchCriteria criteria, FeatureTable table) {
        if (table.benchmarks != benchmarks) {
            throw new IllegalArgumentException("the table was built for another scorer's benchmarks");
        }
        return new CompiledCriteria(criteria, table);
    }

    /** One influencer against one campaign, through a one-row table. */
    public MatchOutcome evaluate(MatchCriteria criteria, InfluencerFeatures features) {
        FeatureTable table = table(List.of(features));
        return explain(compile(criteria, table), 0);
    }

    /** The score 0..100, or NaN when a hard filter excludes the row. */
    public double score(CompiledCriteria c, int row) {
        return score(c, row, Double.NEGATIVE_INFINITY);
    }

    /**
     * The score, or NaN when a hard filter excludes the row or when, after the first two components,
     * the row cannot reach {@code atLeast} any more (the top-K search passes its current K-th score).
     * A row that is scored gets exactly the value of {@link #score(CompiledCriteria, int)}.
     */
    public double score(CompiledCriteria c, int row, double atLeast) {
        if (firstExclusion(c, row) != null) {
            return Double.NaN;
        }
        FeatureTable t = c.table;
        // Cheapest and heaviest first, so that most rows of a large table stop after one or two
        // components once the top K are good; the order is fixed, so every row sums alike.
        double cut = atLeast * weightSum / 100 - 1e-9;   // margin for rounding
        double sum = weight[0] * category(c, t, row);
        if (sum + weightLeft[0] < cut) {
            return Double.NaN;
        }
        sum += weight[3] * platform(c, t, row);
        sum += weight[4] * engagement(c, t, row);
        if (sum + weightLeft[1] < cut) {
            return Double.NaN;
        }
        sum += weight[7] * t.reputation[row];
        sum += weight[8] * availability(t, row);
        sum += weight[9] * verified(t, row);
        sum += weight[6] * rateFit(c, t, row);
        if (sum + weightLeft[2] < cut) {
            return Double.NaN;
        }
        sum += weight[1] * language(c, t, row);
        sum += weight[5] * followerTier(c, t, row);
        sum += weight[2] * audience(c, t, row);
        return 100 * sum / weightSum;
    }

    /**
     * Each component's value (0..1) of a row that passed the hard filters, in {@link MatchComponent}
     * order: what {@link #explain} reports, without its words (the job stores only the values).
     */
    public double[] componentValues(CompiledCriteria c, int row) {
        FeatureTable t = c.table;
        return new double[]{category(c, t, row), language(c, t, row), audience(c, t, row), platform(c, t, row),
                engagement(c, t, row), followerTier(c, t, row), rateFit(c, t, row), t.reputation[row],
                availability(t, row), verified(t, row)};
    }

    public MatchOutcome explain(CompiledCriteria c, int row) {
        FeatureTable t = c.table;
        List<HardFilter> exclusions = exclusions(c, row);
        if (!exclusions.isEmpty()) {
            return new MatchOutcome(t.ids[row], Double.NaN, List.of(), exclusions, MODEL_VERSION);
        }
        double[] v = componentValues(c, row);
        boolean[] applicable = applicable(c);
        List<ComponentScore> components = new ArrayList<>(COMPONENTS.length);
        for (MatchComponent m : COMPONENTS) {
            int i = m.ordinal();
            components.add(new ComponentScore(m, v[i], weight[i], 100 * weight[i] * v[i] / weightSum, applicable[i],
                    detail(m, c, t, row, v[i], applicable[i])));
        }
        return new MatchOutcome(t.ids[row], score(c, row), components, List.of(), MODEL_VERSION);
    }

    private static boolean[] applicable(CompiledCriteria c) {
        return new boolean[]{c.categoryCount > 0, c.languageApplicable,
                c.countryApplicable || c.genderApplicable || c.ageApplicable, c.wantedPlatforms != 0, true,
                c.tierApplicable, c.rateCells.length > 0, true, true, true};
    }

    HardFilter firstExclusion(CompiledCriteria c, int row) {
        FeatureTable t = c.table;
        if (FeatureTable.isAvailability(t.availability[row], Availability.UNAVAILABLE)) {
            return HardFilter.UNAVAILABLE;
        }
        long followers = t.totalFollowers[row];
        if (followers < c.minFollowers) {
            return HardFilter.FOLLOWERS_BELOW_MIN;
        }
        if (followers > c.maxFollowers) {
            return HardFilter.FOLLOWERS_ABOVE_MAX;
        }
        if (t.avgEngagementRate[row] < c.minEngagementRate) {
            return HardFilter.ENGAGEMENT_BELOW_MIN;
        }
        if ((t.platformMask[row] & c.requiredPlatforms) != c.requiredPlatforms) {
            return HardFilter.MISSING_REQUIRED_PLATFORM;
        }
        return null;
    }

    List<HardFilter> exclusions(CompiledCriteria c, int row) {
        FeatureTable t = c.table;
        List<HardFilter> out = new ArrayList<>();
        long followers = t.totalFollowers[row];
        if (followers < c.minFollowers) {
            out.add(HardFilter.FOLLOWERS_BELOW_MIN);
        }
        if (followers > c.maxFollowers) {
            out.add(HardFilter.FOLLOWERS_ABOVE_MAX);
        }
        if (t.avgEngagementRate[row] < c.minEngagementRate) {
            out.add(HardFilter.ENGAGEMENT_BELOW_MIN);
        }
        if ((t.platformMask[row] & c.requiredPlatforms) != c.requiredPlatforms) {
            out.add(HardFilter.MISSING_REQUIRED_PLATFORM);
        }
        if (FeatureTable.isAvailability(t.availability[row], Availability.UNAVAILABLE)) {
            out.add(HardFilter.UNAVAILABLE);
        }
        return out;
    }

    static double category(CompiledCriteria c, FeatureTable t, int row) {
        if (c.categoryCount == 0) {
            return 1;
        }
        int hits = 0;
        int offset = row * t.categoryWords;
        for (int w = 0; w < t.categoryWords; w++) {
            hits += Long.bitCount(c.categoryMask[w] & t.categoryBits[offset + w]);
        }
        return (double) hits / c.categoryCount;
    }

    static double language(CompiledCriteria c, FeatureTable t, int row) {
        if (!c.languageApplicable) {
            return 1;
        }
        int offset = row * t.languageWords;
        for (int w = 0; w < t.languageWords; w++) {
            if ((c.languageMask[w] & t.languageBits[offset + w]) != 0) {
                return 1;
            }
        }
        return 0;
    }

    /** Mean of the parts the campaign targets: own country, audience countries, genders, ages. */
    static double audience(CompiledCriteria c, FeatureTable t, int row) {
        double sum = 0;
        int parts = 0;
        if (c.countryApplicable) {
            int country = t.country[row];
            sum += country >= 0 && (c.countryMask[country >>> 6] & (1L << country)) != 0 ? 1 : 0;
            parts++;
            if (t.audienceCountriesKnown[row]) {
                double share = 0;
                for (int k = 0; k < FeatureTable.AUDIENCE_COUNTRIES; k++) {
                    int ac = t.audienceCountry[row * FeatureTable.AUDIENCE_COUNTRIES + k];
                    if (ac >= 0 && (c.countryMask[ac >>> 6] & (1L << ac)) != 0) {
                        share += t.audienceCountryShare[row * FeatureTable.AUDIENCE_COUNTRIES + k];
                    }
                }
                sum += Math.min(1, share);
                parts++;
            }
        }
        if (c.genderApplicable) {
            // Unknown demographics count as half a fit: neither rewarded nor ruled out.
            double share = 0.5;
            if (t.gendersKnown[row]) {
                share = 0;
                for (int g = 0; g < FeatureTable.GENDERS; g++) {
                    if ((c.genderMask & (1 << g)) != 0) {
                        share += t.genderShare[row * FeatureTable.GENDERS + g];
                    }
                }
            }
            sum += Math.min(1, share);
            parts++;
        }
        if (c.ageApplicable) {
            double share = 0.5;
            if (t.agesKnown[row]) {
                share = 0;
                for (int b = 0; b < FeatureTable.AGES; b++) {
                    share += c.ageOverlap[b] * t.ageShare[row * FeatureTable.AGES + b];
                }
            }
            sum += Math.min(1, share);
            parts++;
        }
        return parts == 0 ? 1 : sum / parts;
    }

    static double platform(CompiledCriteria c, FeatureTable t, int row) {
        if (c.wantedPlatforms == 0) {
            return 1;
        }
        return (double) Integer.bitCount(t.platformMask[row] & c.wantedPlatforms) / Integer.bitCount(c.wantedPlatforms);
    }

    /**
     * Mean over the campaign's platforms the influencer is on (all of theirs when the campaign names
     * none) of r / (1 + r), r = engagement rate / typical rate of that platform and follower tier.
     * Without any account: the profile's average against Instagram's yardstick.
     */
    static double engagement(CompiledCriteria c, FeatureTable t, int row) {
        int considered = c.wantedPlatforms == 0 ? t.platformMask[row] : t.platformMask[row] & c.wantedPlatforms;
        if (considered == 0) {
            return t.profileEngagementQuality[row];
        }
        double sum = 0;
        int n = 0;
        for (int p = 0; p < FeatureTable.PLATFORMS; p++) {
            if ((considered & (1 << p)) != 0) {
                sum += t.engagementQuality[row * FeatureTable.PLATFORMS + p];
                n++;
            }
        }
        return sum / n;
    }

    static double followerTier(CompiledCriteria c, FeatureTable t, int row) {
        if (!c.tierApplicable) {
            return 1;
        }
        double distance = Math.abs(t.lnFollowers[row] - c.lnMiddle) / c.lnHalfSpan;
        return Math.max(0, 1 - 0.5 * Math.min(1, distance));
    }

    /**
     * Share of the deliverable kinds the influencer quotes a rate for (in the campaign's currency: no
     * exchange rates here) times min(1, remaining budget / the sum of those rates).
     */
    static double rateFit(CompiledCriteria c, FeatureTable t, int row) {
        int kinds = c.rateCells.length;
        if (kinds == 0) {
            return 1;
        }
        long cost = 0;
        int quoted = 0;
        for (int cell : c.rateCells) {
            int i = row * FeatureTable.RATE_CELLS + cell;
            long r = t.rate[i];
            if (r >= 0 && t.rateCurrency[i] == c.currency) {
                cost += r;
                quoted++;
            }
        }
        if (quoted == 0 || c.remainingBudget <= 0) {
            return 0;
        }
        double affordable = cost <= c.remainingBudget ? 1 : (double) c.remainingBudget / cost;
        return (double) quoted / kinds * affordable;
    }

    /** 0.7 x rating / 5 + 0.3 x min(1, ln(1 + completed) / ln 21): 20 campaigns count as a full track record. */
    static double reputation(double rating, int completedCampaigns) {
        double r = Math.max(0, Math.min(5, rating)) / 5;
        double track = Math.min(1, Math.log1p(completedCampaigns) / LN_21);
        return 0.7 * r + 0.3 * track;
    }

    /** r / (1 + r) with r = engagement rate / typical rate: 0.5 at the typical rate, rising towards 1. */
    static double engagementQuality(double engagementRate, double typical) {
        double r = engagementRate / typical;
        return r / (1 + r);
    }

    static double availability(FeatureTable t, int row) {
        return FeatureTable.isAvailability(t.availability[row], Availability.AVAILABLE) ? 1 : 0.5;
    }

    static double verified(FeatureTable t, int row) {
        return t.verified[row] ? 1 : 0;
    }

    private static String detail(MatchComponent m, CompiledCriteria c, FeatureTable t, int row, double v, boolean applicable) {
        if (!applicable) {
            return "not asked by the campaign";
        }
        return switch (m) {
            case CATEGORY -> Math.round(v * c.categoryCount) + " of " + c.categoryCount + " target categories";
            case LANGUAGE -> v > 0 ? "speaks a target language" : "speaks none of the target languages";
            case PLATFORM -> Integer.bitCount(t.platformMask[row] & c.wantedPlatforms) + " of "
                    + Integer.bitCount(c.wantedPlatforms) + " wanted platforms";
            case ENGAGEMENT -> String.format(Locale.ROOT, "%.0f%% of the way to twice the typical rate (0.5 = typical)", v * 100);
            case RATE_FIT -> v == 0 ? "no rate quoted in the campaign currency, or no budget left"
                    : String.format(Locale.ROOT, "rates cover and budget affords %.0f%%", v * 100);
            case REPUTATION -> String.format(Locale.ROOT, "rating %.2f, %d completed campaigns", t.rating[row],
                    t.completedCampaigns[row]);
            case AVAILABILITY -> v == 1 ? "available" : "busy";
            case VERIFIED -> v == 1 ? "verified" : "not verified";
            case AUDIENCE -> String.format(Locale.ROOT, "%.0f%% fit to target country and audience", v * 100);
            case FOLLOWER_TIER -> String.format(Locale.ROOT, "%d followers, %s tier", t.totalFollowers[row],
                    FollowerTier.of(t.totalFollowers[row]).name().toLowerCase(Locale.ROOT));
        };
    }
}
