package com.creatorcampaignpro.jobs;

import java.util.Optional;

/**
 * What happens to a job's schedule when an instance starts. Operators may change a schedule at
 * runtime (cron, time zone, pause); a restart must not silently undo that. So the configuration
 * is applied only when it is new to the database or has itself changed since it was last applied:
 * editing config/ is a deliberate act that wins over an older runtime change, while an unchanged
 * config/ leaves whatever is in force (config-made or operator-made) alone.
 */
public final class ScheduleStartupRule {

    public enum Decision {
        /** No schedule stored yet: create it from the configuration. */
        CREATE_FROM_CONFIG,
        /** The configuration changed since it was last applied: it replaces the current schedule. */
        APPLY_CHANGED_CONFIG,
        /** The configuration is the one already applied: keep the current (maybe operator-made) schedule. */
        KEEP_CURRENT
    }

    private ScheduleStartupRule() {
    }

    /**
     * @param lastAppliedConfig the configuration the stored schedule was last built from; empty if
     *                          the job has no stored schedule
     */
    public static Decision decide(Optional<ScheduleSpec> lastAppliedConfig, ScheduleSpec config) {
        if (lastAppliedConfig.isEmpty()) {
            return Decision.CREATE_FROM_CONFIG;
        }
        return lastAppliedConfig.get().equals(config) ? Decision.KEEP_CURRENT : Decision.APPLY_CHANGED_CONFIG;
    }
}
