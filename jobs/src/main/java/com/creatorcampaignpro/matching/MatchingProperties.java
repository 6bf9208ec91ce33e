package com.creatorcampaignpro.matching;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;

/**
 * Matching: how many matches to keep per campaign, how the job pages and parallelises, and the
 * scorer's weights (by component key; missing ones keep their defaults).
 *
 * @param threads 0 = one per available processor
 */
@ConfigurationProperties("ccp.matching")
public record MatchingProperties(
        @DefaultValue("100") int topK,
        @DefaultValue("200") int pageSize,
        @DefaultValue("0") int threads,
        Map<String, Double> weights) {

    public MatchingProperties {
        if (topK < 1 || topK > 1000) {
            throw new IllegalArgumentException("ccp.matching.top-k must be between 1 and 1000");
        }
        if (pageSize < 1 || pageSize > 10_000) {
            throw new IllegalArgumentException("ccp.matching.page-size must be between 1 and 10000");
        }
        weights = weights == null ? Map.of() : Map.copyOf(weights);
    }

    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
