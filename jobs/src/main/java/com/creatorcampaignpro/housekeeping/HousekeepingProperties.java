package com.creatorcampaignpro.housekeeping;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * ccp.housekeeping: the default retentions of housekeepingJob, in days. An operator's launch may
 * pass other values (each parameter has a range, checked at start-up for these defaults too).
 *
 * @param notificationRetentionDays live notifications older than this are deleted: a client that
 *                                  reconnects later with Last-Event-ID gets what is left after it
 * @param jobHandoffRetentionDays   launch hand-offs older than this are deleted: the API instance
 *                                  waits seconds for one (ccp.jobs.handoff-timeout); rows stay for
 *                                  diagnosis only
 */
@ConfigurationProperties("ccp.housekeeping")
public record HousekeepingProperties(@DefaultValue("14") long notificationRetentionDays,
                                     @DefaultValue("7") long jobHandoffRetentionDays) {
}
