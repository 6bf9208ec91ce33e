package com.creatorcampaignpro.jobs;

import java.time.Instant;
import java.util.UUID;

/** A job's schedule as last applied to Quartz, with the configuration it was last built from. */
public record StoredSchedule(String jobName, String cron, String timeZone, boolean paused, String source,
                             String configCron, String configTimeZone, boolean configEnabled, UUID updatedBy,
                             Instant updatedAt) {

    public ScheduleSpec lastAppliedConfig() {
        return new ScheduleSpec(configCron, configTimeZone, configEnabled);
    }
}
