package com.creatorcampaignpro.matching;

import java.time.Instant;
import java.util.UUID;

/** A row of match_score_runs: when a campaign was last scored, and which version of it. */
public record MatchRun(UUID campaignId, Instant computedAt, Instant campaignUpdatedAt, String modelVersion,
                       int influencersScored, int matches) {
}
