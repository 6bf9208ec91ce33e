package com.creatorcampaignpro.prediction;

import com.creatorcampaignpro.content.ContentType;
import com.creatorcampaignpro.social.Platform;

import java.util.List;

/**
 * What {@code quantity} posts of one kind by one influencer are expected to bring. Every figure is a
 * total over the quantity; null where the history cannot support it, with the reason in
 * {@code notes}. {@code basis}: "type" = posts of that platform and content type, "platform" = all
 * the platform's posts (the type's own history was too short), "none" = too little history.
 */
public record PerformancePrediction(Platform platform, ContentType contentType, int quantity, Confidence confidence,
                                    String basis, Estimate reach, Estimate impressions, String impressionsSource,
                                    Estimate engagement, Estimate clicks, Long cost, String currency,
                                    Double costPerEngagement, List<String> notes) {

    public PerformancePrediction {
        notes = List.copyOf(notes);
    }

    public enum Confidence {
        /** At least the configured "high" sample of posts of that very type. */
        HIGH,
        /** Enough posts to estimate, but few, or of the platform rather than the type. */
        MEDIUM,
        /** Too little history: no figures. */
        LOW
    }

    /**
     * A total with its 80 % prediction interval and the number of past posts it rests on.
     * {@code expected} is the median post times the quantity.
     */
    public record Estimate(double expected, double low, double high, int sampleSize) {
    }
}
