package com.creatorcampaignpro.jobs;

import java.time.Instant;
import java.util.UUID;

/** A job's schedule as operators see it: what is stored, what Quartz says, and where it came from. */
public record ScheduleState(String jobName, String cron, String timeZone, boolean paused, String triggerState,
                            Instant nextFireTime, Instant previousFireTime, String source, UUID updatedBy,
                            Instant updatedAt, ScheduleSpec configured) {
}
