package com.creatorcampaignpro.matching;

import java.time.Instant;
import java.util.UUID;

/** A row of match_scores; {@code components} is the {"category":0.6667,...} text of its stored values. */
public record StoredMatch(UUID campaignId, UUID influencerId, int rank, double score, String components,
                         String modelVersion, Instant computedAt) {
}
