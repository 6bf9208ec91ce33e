package com.creatorcampaignpro.metrics;

/** What one rollup statement did: change rows consumed (0 for a full run) and campaign rows written. */
public record RollupResult(long changesConsumed, long campaignsWritten) {
}
