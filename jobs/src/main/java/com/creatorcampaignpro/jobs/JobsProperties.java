package com.creatorcampaignpro.jobs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * The job platform ({@code ccp.jobs}): one schedule per job, and the liveness settings behind
 * dead-instance recovery. Documented in config/application.yml.
 */
@ConfigurationProperties("ccp.jobs")
public record JobsProperties(
        Map<String, Schedule> schedules,
        @DefaultValue("10s") Duration heartbeatInterval,
        @DefaultValue("60s") Duration nodeLease,
        @DefaultValue("30s") Duration recoveryInterval,
        @DefaultValue("4") int launchThreads) {

    public JobsProperties {
        schedules = schedules == null ? Map.of() : Map.copyOf(schedules);
        if (nodeLease.compareTo(heartbeatInterval.multipliedBy(3)) < 0) {
            // A lease shorter than a few heartbeats would declare a merely slow node dead.
            throw new IllegalArgumentException("ccp.jobs.node-lease (" + nodeLease
                    + ") must be at least three ccp.jobs.heartbeat-interval (" + heartbeatInterval + ")");
        }
    }

    /** {@code ccp.jobs.schedules.<jobName>}: a Quartz cron (seconds first) in a time zone. */
    public record Schedule(String cron, @DefaultValue("UTC") String timeZone, @DefaultValue("true") boolean enabled) {

        public ScheduleSpec spec() {
            return new ScheduleSpec(cron, timeZone, enabled);
        }
    }
}
