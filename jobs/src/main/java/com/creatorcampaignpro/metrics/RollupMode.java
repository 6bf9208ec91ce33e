package com.creatorcampaignpro.metrics;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The job parameter {@code mode}: which rollup a run performs. */
public enum RollupMode {
    /** Apply the pending deltas, or recompute everything when there is no base or too many deltas. */
    AUTO,
    /** Recompute every campaign from content and content_metrics. */
    FULL,
    /** Apply the pending deltas (still full when there is no base yet: a TRUNCATE or the first run). */
    INCREMENTAL;

    public static Optional<RollupMode> parse(String value) {
        if (value == null) {
            return Optional.of(AUTO);
        }
        return Arrays.stream(values()).filter(m -> m.name().equals(value.trim().toUpperCase(Locale.ROOT))).findFirst();
    }
}
