package com.creatorcampaignpro.matching;

import java.util.List;
import java.util.UUID;

/**
 * An influencer's result for a campaign: excluded by hard filters, or scored 0..100 with components.
 */
public record MatchOutcome(UUID influencerId, double score, List<ComponentScore> components,
                           List<HardFilter> exclusions, String modelVersion) {

    public MatchOutcome {
        components = List.copyOf(components);
        exclusions = List.copyOf(exclusions);
    }

    public boolean excluded() {
        return !exclusions.isEmpty();
    }
}
