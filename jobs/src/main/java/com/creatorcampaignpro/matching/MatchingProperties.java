package com.creatorcampaignpro.matching;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * Matching: how many matches to keep per campaign, how the job pages and parallelises, and the
 * scorer's weights (by component key; missing ones keep their defaults).
 *
 * @param threads      0 = one per available processor
 * @param writers      connections the job writes a page with (each a part of the page's campaigns, in
 *                     its own transaction), and loads the feature table with: on 2 cores, 2 keep
 *                     both busy while PostgreSQL's inserts are the larger part of a run
 * @param tableTtl     how long /api/ai/match-influencers keeps its in-memory feature table before
 *                     reloading it: a profile, account or rate change reaches ad-hoc scores after at most this
 * @param storedMaxAge stored matches older than this are not served (profiles change under them)
 * @param historyPosts per influencer and platform, the newest posts a prediction rests on
 */
@ConfigurationProperties("ccp.matching")
public record MatchingProperties(
        @DefaultValue("100") int topK,
        @DefaultValue("200") int pageSize,
        @DefaultValue("0") int threads,
        Map<String, Double> weights,
        @DefaultValue("5m") Duration tableTtl,
        @DefaultValue("24h") Duration storedMaxAge,
        @DefaultValue("30") int historyPosts,
        @DefaultValue("2") int writers) {

    public MatchingProperties {
        if (topK < 1 || topK > 1000) {
            throw new IllegalArgumentException("ccp.matching.top-k must be between 1 and 1000");
        }
        if (pageSize < 1 || pageSize > 10_000) {
            throw new IllegalArgumentException("ccp.matching.page-size must be between 1 and 10000");
        }
        weights = weights == null ? Map.of() : Map.copyOf(weights);
        if (writers < 1 || writers > 16) {
            throw new IllegalArgumentException("ccp.matching.writers must be between 1 and 16");
        }
        if (historyPosts < 2 || historyPosts > 500) {
            throw new IllegalArgumentException("ccp.matching.history-posts must be between 2 and 500");
        }
    }

    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
