package com.creatorcampaignpro.prediction;

import com.creatorcampaignpro.content.ContentType;
import com.creatorcampaignpro.prediction.PerformancePrediction.Confidence;
import com.creatorcampaignpro.prediction.PerformancePrediction.Estimate;
import com.creatorcampaignpro.social.Platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Predicts reach, impressions, engagement, clicks and cost per engagement of planned posts from the
 * influencer's own recent posts of that platform and type. Per metric:
 * <ul>
 *   <li>expected = the median of the history (post counts are heavy-tailed: one viral post must not
 *       set the expectation), times the quantity;</li>
 *   <li>interval = the 80 % prediction interval of one post under a log-normal spread,
 *       {@code exp(m +- t(0.90, n-1) * s * sqrt(1 + 1/n)) - 1} on {@code log(1 + x)}, times the quantity
 *       (conservative: it assumes the posts do not average out);</li>
 *   <li>fewer than {@code minSample} posts of the type: the platform's posts are used if they are
 *       enough (confidence at most medium); fewer than that: confidence low and no figures.</li>
 * </ul>
 * Impressions are the reported impressions, else views (video platforms report plays, not impressions).
 * Clicks: platforms do not report link clicks per post, so they come from the click-through rate of
 * the influencer's past campaign content here, when there is any.
 */
public final class PerformancePredictor {
    /** t quantiles at 0.90 for 1..30 degrees of freedom. */
    private static final double[] T90 = {3.078, 1.886, 1.638, 1.533, 1.476, 1.440, 1.415, 1.397, 1.383, 1.372, 1.363,
            1.356, 1.350, 1.345, 1.341, 1.337, 1.333, 1.330, 1.328, 1.325, 1.323, 1.321, 1.319, 1.318, 1.316, 1.315, 1.314,
            1.313, 1.311, 1.310};

    private final int minSample;
    private final int highSample;

    public PerformancePredictor(int minSample, int highSample) {
        if (minSample < 2 || highSample < minSample) {
            throw new IllegalArgumentException("need 2 <= minSample <= highSample");
        }
        this.minSample = minSample;
        this.highSample = highSample;
    }

    public static PerformancePredictor defaults() {
        return new PerformancePredictor(5, 10);
    }

    /** Clicks and impressions of the influencer's past campaign content (content_metrics), for a click-through rate. */
    public record ClickHistory(long clicks, long impressions, int posts) {
    }

    /**
     * @param history  the influencer's recent posts (any platform and type; newest first is not required)
     * @param unitCost the influencer's rate for one post of that kind, minor units; null = no rate
     */
    public PerformancePrediction predict(List<PostStats> history, Platform platform, ContentType type, int quantity,
                                         Long unitCost, String currency, ClickHistory clicks) {
        List<String> notes = new ArrayList<>();
        List<PostStats> ofType = history.stream().filter(p -> p.platform() == platform && p.contentType() == type).toList();
        List<PostStats> ofPlatform = history.stream().filter(p -> p.platform() == platform).toList();
        List<PostStats> basisPosts;
        String basis;
        if (ofType.size() >= minSample) {
            basisPosts = ofType;
            basis = "type";
        } else if (ofPlatform.size() >= minSample) {
            basisPosts = ofPlatform;
            basis = "platform";
            notes.add(ofType.size() + " recent " + platform.dbValue() + " " + type.dbValue() + " posts (fewer than "
                    + minSample + "): estimated from all " + ofPlatform.size() + " recent " + platform.dbValue() + " posts");
        } else {
            notes.add("too little history: " + ofPlatform.size() + " recent " + platform.dbValue()
                    + " posts, at least " + minSample + " needed");
            return new PerformancePrediction(platform, type, quantity, Confidence.LOW, "none", null, null, null, null,
                    null, unitCost == null ? null : unitCost * quantity, currency, null, notes);
        }
        Estimate reach = estimate(basisPosts, PostStats::reach, quantity);
        if (reach == null) {
            notes.add("reach: reported for fewer than " + minSample + " of these posts");
        }
        Estimate impressions = estimate(basisPosts, PostStats::impressions, quantity);
        String impressionsSource = "impressions";
        if (impressions == null) {
            impressions = estimate(basisPosts, PostStats::views, quantity);
            impressionsSource = impressions == null ? null : "views";
            if (impressions == null) {
                notes.add("impressions: neither impressions nor views reported for " + minSample + " of these posts");
            }
        }
        Estimate engagement = estimate(basisPosts, PostStats::engagement, quantity);
        if (engagement == null) {
            notes.add("engagement: likes reported for fewer than " + minSample + " of these posts");
        }
        Estimate clickEstimate = null;
        if (impressions != null && clicks != null && clicks.posts() >= minSample && clicks.impressions() > 0) {
            double ctr = (double) clicks.clicks() / clicks.impressions();
            clickEstimate = new Estimate(impressions.expected() * ctr, impressions.low() * ctr, impressions.high() * ctr,
                    Math.min(impressions.sampleSize(), clicks.posts()));
        } else {
            notes.add("clicks: platforms do not report link clicks per post, and fewer than " + minSample
                    + " past campaign posts with clicks and impressions");
        }
        Long cost = unitCost == null ? null : unitCost * quantity;
        if (cost == null) {
            notes.add("cost: no rate for " + platform.dbValue() + " " + type.dbValue() + " in " + currency);
        }
        Double costPerEngagement = cost == null || engagement == null || engagement.expected() <= 0 ? null
                : cost / engagement.expected();
        int n = basisPosts.size();
        Confidence confidence = basis.equals("type") && n >= highSample ? Confidence.HIGH : Confidence.MEDIUM;
        return new PerformancePrediction(platform, type, quantity, confidence, basis, reach, impressions, impressionsSource,
                engagement, clickEstimate, cost, currency, costPerEngagement, notes);
    }

    private Estimate estimate(List<PostStats> posts, Function<PostStats, Long> metric, int quantity) {
        double[] values = posts.stream().map(metric).filter(v -> v != null && v >= 0).mapToDouble(Long::doubleValue)
                .toArray();
        int n = values.length;
        if (n < minSample) {
            return null;
        }
        Arrays.sort(values);
        double median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
        double mean = 0;
        for (double v : values) {
            mean += Math.log1p(v);
        }
        mean /= n;
        double ss = 0;
        for (double v : values) {
            double d = Math.log1p(v) - mean;
            ss += d * d;
        }
        double sd = Math.sqrt(ss / (n - 1));
        double half = t90(n - 1) * sd * Math.sqrt(1 + 1.0 / n);
        double low = Math.max(0, Math.expm1(mean - half));
        double high = Math.expm1(mean + half);
        return new Estimate(median * quantity, low * quantity, high * quantity, n);
    }

    static double t90(int df) {
        if (df <= T90.length) {
            return T90[df - 1];
        }
        return df <= 60 ? 1.300 : df <= 120 ? 1.290 : 1.282;
    }
}
