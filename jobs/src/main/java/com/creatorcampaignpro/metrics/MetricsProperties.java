package com.creatorcampaignpro.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.ZoneId;

/**
 * ccp.metrics: the rollup of content metrics into campaign metrics.
 *
 * @param timeZone            the zone whose calendar day names the daily snapshot rows
 * @param fullRollupThreshold pending change rows above which a run recomputes everything instead of
 *                            applying the deltas (a full run costs about as much as a few hundred
 *                            thousand deltas, see BENCHMARKS.md)
 */
@ConfigurationProperties("ccp.metrics")
public record MetricsProperties(@DefaultValue("UTC") ZoneId timeZone,
                                @DefaultValue("200000") long fullRollupThreshold) {
}
