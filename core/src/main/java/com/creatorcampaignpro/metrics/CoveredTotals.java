package com.creatorcampaignpro.metrics;

import java.time.Instant;

/** A campaign's current totals and the time they are as of: every change committed before it is included. */
public record CoveredTotals(CampaignTotals totals, Instant asOf) {
}
