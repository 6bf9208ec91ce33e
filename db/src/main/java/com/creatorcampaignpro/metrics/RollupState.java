package com.creatorcampaignpro.metrics;

import java.time.Instant;
import java.time.LocalDate;

/** The rollup's single state row (metrics_rollup_state). */
public record RollupState(Instant lastRunAt, Instant lastFullRunAt, LocalDate lastRunDay, boolean fullRequired) {
}
