package com.creatorcampaignpro.ai;

import com.creatorcampaignpro.matching.FeatureTable;
import com.creatorcampaignpro.matching.MatchFeatureDao;
import com.creatorcampaignpro.matching.MatchScorer;
import com.creatorcampaignpro.matching.MatchingProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * The API's in-memory feature table (every eligible influencer, as the scoring job loads it), built
 * on first use and rebuilt once it is older than {@code ccp.matching.table-ttl}. Invalidation is by
 * age only: a profile, account or rate edit reaches ad-hoc scores within the TTL, on every instance
 * alike, without a message between instances. A rebuild holds callers of this instance for the
 * length of the load (about a second per 10,000 influencers); the table itself is immutable, so
 * callers that already hold it keep scoring against it.
 */
@Component
class FeatureTableCache {
    private final MatchFeatureDao features;
    private final MatchScorer scorer;
    private final MatchingProperties properties;
    private final Clock clock = Clock.systemUTC();
    private FeatureTable table;
    private Instant loadedAt;

    FeatureTableCache(MatchFeatureDao features, MatchScorer scorer, MatchingProperties properties) {
        this.features = features;
        this.scorer = scorer;
        this.properties = properties;
    }

    synchronized FeatureTable table() {
        Instant now = clock.instant();
        if (table == null || !now.isBefore(loadedAt.plus(properties.tableTtl()))) {
            table = scorer.table(features.all());
            loadedAt = now;
        }
        return table;
    }

    /** The next call reloads (tests, and an operator's fresh import). */
    synchronized void invalidate() {
        table = null;
    }
}
