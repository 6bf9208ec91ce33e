package com.creatorcampaignpro.matching;

import java.time.Instant;
import java.util.UUID;

/** A row of match_scores; {@code components} is the jsonb text. */
public record StoredMatch(UUID campaignId, UUID influencerId, int rank, double score, String components,
                         String modelVersion, Instant computedAt) {
}
