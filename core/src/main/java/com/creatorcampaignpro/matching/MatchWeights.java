package com.creatorcampaignpro.matching;

import java.util.EnumMap;
import java.util.Map;

/**
 * Weight of each component. Only the ratios matter: the score is {@code 100 * sum(w * v) / sum(w)}.
 * Defaults favour topical fit (category, audience) and engagement quality over reputation signals.
 */
public record MatchWeights(Map<MatchComponent, Double> weights) {

    public MatchWeights {
        EnumMap<MatchComponent, Double> copy = new EnumMap<>(MatchComponent.class);
        double total = 0;
        for (MatchComponent c : MatchComponent.values()) {
            Double w = weights.get(c);
            if (w == null || !Double.isFinite(w) || w < 0) {
                throw new IllegalArgumentException("weight of " + c.key() + " must be a finite number >= 0, was " + w);
            }
            copy.put(c, w);
            total += w;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("at least one weight must be positive");
        }
        weights = Map.copyOf(copy);
    }

    public static MatchWeights defaults() {
        EnumMap<MatchComponent, Double> w = new EnumMap<>(MatchComponent.class);
        w.put(MatchComponent.CATEGORY, 25.0);
        w.put(MatchComponent.LANGUAGE, 10.0);
        w.put(MatchComponent.AUDIENCE, 15.0);
        w.put(MatchComponent.PLATFORM, 10.0);
        w.put(MatchComponent.ENGAGEMENT, 15.0);
        w.put(MatchComponent.FOLLOWER_TIER, 5.0);
        w.put(MatchComponent.RATE_FIT, 10.0);
        w.put(MatchComponent.REPUTATION, 5.0);
        w.put(MatchComponent.AVAILABILITY, 3.0);
        w.put(MatchComponent.VERIFIED, 2.0);
        return new MatchWeights(w);
    }

    /** Defaults with some weights replaced (configuration overrides by component key). */
    public static MatchWeights defaultsWith(Map<String, Double> overrides) {
        EnumMap<MatchComponent, Double> w = new EnumMap<>(defaults().weights());
        overrides.forEach((key, value) -> {
            MatchComponent c = java.util.Arrays.stream(MatchComponent.values()).filter(m -> m.key().equals(key))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown match component: " + key));
            w.put(c, value);
        });
        return new MatchWeights(w);
    }

    public double of(MatchComponent c) {
        return weights.get(c);
    }
}
