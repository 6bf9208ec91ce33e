package com.creatorcampaignpro.jobs;

import com.creatorcampaignpro.error.NotFoundException;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.error.ValidationException.FieldViolation;
import com.creatorcampaignpro.jobs.ScheduleStartupRule.Decision;
import org.jdbi.v3.core.Jdbi;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.UUID;

/**
 * One Quartz cron trigger per scheduled job, kept in Quartz's JDBC store and mirrored in
 * job_schedules. At start-up each configured schedule is reconciled by {@link ScheduleStartupRule}:
 * the configuration is applied only if it is new or changed since last applied, so operators'
 * runtime changes survive restarts. Misfires (the cluster was down at fire time) fire once at
 * once and then follow the cron: a nightly job missed during a deploy still runs that night.
 */
public class JobSchedules implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(JobSchedules.class);
    static final String GROUP = "ccp-jobs";

    private final Scheduler scheduler;
    private final Jdbi lockingJdbi;
    private final JobScheduleDao schedules;
    private final JobCatalog catalog;
    private final JobsProperties properties;

    public JobSchedules(Scheduler scheduler, Jdbi lockingJdbi, JobScheduleDao schedules, JobCatalog catalog,
                        JobsProperties properties) {
        this.scheduler = scheduler;
        this.lockingJdbi = lockingJdbi;
        this.schedules = schedules;
        this.catalog = catalog;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        applyConfiguredSchedules();
    }

    /** The start-up rule, for every {@code ccp.jobs.schedules.<job>}; fails start-up on a bad entry. */
    public void applyConfiguredSchedules() {
        for (Map.Entry<String, JobsProperties.Schedule> configured : properties.schedules().entrySet()) {
            String jobName = configured.getKey();
            ScheduleSpec config = configured.getValue().spec();
            if (!catalog.contains(jobName)) {
                throw new IllegalStateException("ccp.jobs.schedules." + jobName + " names no job; jobs are "
                        + catalog.all().stream().map(JobCatalog.Entry::name).toList());
            }
            try {
                validate(config.cron(), config.timeZone());
            } catch (ValidationException e) {
                throw new IllegalStateException("ccp.jobs.schedules." + jobName + ": " + e.getMessage(), e);
            }
            lockingJdbi.useTransaction(handle -> {
                JobScheduleDao locked = handle.attach(JobScheduleDao.class);
                locked.lock(jobName);
                Optional<StoredSchedule> stored = locked.find(jobName);
                Decision decision = ScheduleStartupRule.decide(stored.map(StoredSchedule::lastAppliedConfig), config);
                switch (decision) {
                    case CREATE_FROM_CONFIG, APPLY_CHANGED_CONFIG -> {
                        if (decision == Decision.APPLY_CHANGED_CONFIG && "operator".equals(stored.get().source())) {
                            log.warn("Schedule of {}: config/ changed since it was last applied, so it replaces the "
                                    + "operator's schedule {} {} (paused={})", jobName, stored.get().cron(),
                                    stored.get().timeZone(), stored.get().paused());
                        }
                        writeTrigger(jobName, config.cron(), config.timeZone(), !config.enabled());
                        locked.applyConfig(jobName, config.cron(), config.timeZone(), config.enabled());
                        log.info("Schedule of {}: {} {} {} from configuration", jobName, config.cron(), config.timeZone(),
                                config.enabled() ? "enabled" : "paused");
                    }
                    case KEEP_CURRENT -> {
                        StoredSchedule current = stored.get();
                        if (!triggerExists(jobName)) {
                            // The Quartz tables lost it (restored database, manual cleanup): rebuild what is stored.
                            writeTrigger(jobName, current.cron(), current.timeZone(), current.paused());
                        }
                        log.info("Schedule of {}: keeping {} {} (set by {})", jobName, current.cron(), current.timeZone(),
                                current.source());
                    }
                }
            });
        }
    }

    public List<ScheduleState> list() {
        List<ScheduleState> states = new ArrayList<>();
        for (StoredSchedule s : schedules.list()) {
            states.add(state(s));
        }
        return states;
    }

    public ScheduleState get(String jobName) {
        return state(stored(jobName));
    }

    public ScheduleState update(String jobName, String cron, String timeZone, UUID operator) {
        validate(cron, timeZone);
        return change(jobName, operator, current -> new Change(cron.strip(), timeZone.strip(), current.paused()));
    }

    public ScheduleState pause(String jobName, UUID operator) {
        return change(jobName, operator, current -> new Change(current.cron(), current.timeZone(), true));
    }

    public ScheduleState resume(String jobName, UUID operator) {
        return change(jobName, operator, current -> new Change(current.cron(), current.timeZone(), false));
    }

    /** Fires the job's trigger now, on whichever node of the cluster picks it up. */
    public void trigger(String jobName) {
        stored(jobName);
        try {
            scheduler.triggerJob(JobKey.jobKey(jobName, GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz refused to trigger " + jobName, e);
        }
    }

    private record Change(String cron, String timeZone, boolean paused) {
    }

    private ScheduleState change(String jobName, UUID operator, java.util.function.Function<StoredSchedule, Change> how) {
        catalog.get(jobName);
        lockingJdbi.useTransaction(handle -> {
            JobScheduleDao locked = handle.attach(JobScheduleDao.class);
            locked.lock(jobName);
            StoredSchedule current = locked.find(jobName).orElseThrow(() -> new NotFoundException("schedule", jobName));
            Change change = how.apply(current);
            writeTrigger(jobName, change.cron(), change.timeZone(), change.paused());
            locked.applyOperatorChange(jobName, change.cron(), change.timeZone(), change.paused(), operator);
        });
        return get(jobName);
    }

    private StoredSchedule stored(String jobName) {
        catalog.get(jobName);
        return schedules.find(jobName).orElseThrow(() -> new NotFoundException("schedule", jobName));
    }

    /** Quartz cron (seconds first, 6 or 7 fields) and a region time zone such as Europe/Berlin or UTC. */
    public static void validate(String cron, String timeZone) {
        List<FieldViolation> violations = new ArrayList<>();
        if (cron == null || cron.isBlank()) {
            violations.add(new FieldViolation("cron", "is required"));
        } else {
            try {
                // A valid expression may still never fire (30 February, a past year): Quartz would
                // then refuse the trigger when it is stored.
                if (new CronExpression(cron.strip()).getNextValidTimeAfter(new java.util.Date()) == null) {
                    violations.add(new FieldViolation("cron", "never fires (no date matches it from now on)"));
                }
            } catch (java.text.ParseException e) {
                violations.add(new FieldViolation("cron", "is not a Quartz cron expression (seconds minutes hours "
                        + "day-of-month month day-of-week [year], e.g. '0 15 3 * * ?'): " + e.getMessage()));
            }
        }
        if (timeZone == null || timeZone.isBlank()) {
            violations.add(new FieldViolation("timeZone", "is required"));
        } else {
            try {
                ZoneId.of(timeZone.strip());
            } catch (DateTimeException e) {
                violations.add(new FieldViolation("timeZone", "is not a time zone id such as UTC or Europe/Berlin"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    private void writeTrigger(String jobName, String cron, String timeZone, boolean paused) {
        JobKey jobKey = JobKey.jobKey(jobName, GROUP);
        TriggerKey triggerKey = TriggerKey.triggerKey(jobName, GROUP);
        JobDetail detail = JobBuilder.newJob(ScheduledJobLauncher.class)
                .withIdentity(jobKey)
                .withDescription("launches the Spring Batch job " + jobName)
                .usingJobData(ScheduledJobLauncher.JOB_NAME, jobName)
                .storeDurably()
                .requestRecovery(false) // a recovered fire would be a duplicate: Batch restarts are the operators' call
                .build();
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(triggerKey)
                .forJob(jobKey)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron)
                        .inTimeZone(TimeZone.getTimeZone(ZoneId.of(timeZone)))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        try {
            scheduler.addJob(detail, true);
            if (scheduler.checkExists(triggerKey)) {
                scheduler.rescheduleJob(triggerKey, trigger);
            } else {
                scheduler.scheduleJob(trigger);
            }
            if (paused) {
                scheduler.pauseTrigger(triggerKey);
            } else {
                scheduler.resumeTrigger(triggerKey);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not write the Quartz trigger of " + jobName, e);
        }
    }

    private boolean triggerExists(String jobName) {
        try {
            return scheduler.checkExists(TriggerKey.triggerKey(jobName, GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not read the Quartz trigger of " + jobName, e);
        }
    }

    private ScheduleState state(StoredSchedule s) {
        TriggerKey key = TriggerKey.triggerKey(s.jobName(), GROUP);
        try {
            Trigger trigger = scheduler.getTrigger(key);
            Trigger.TriggerState triggerState = scheduler.getTriggerState(key);
            JobsProperties.Schedule configured = properties.schedules().get(s.jobName());
            return new ScheduleState(s.jobName(), s.cron(), s.timeZone(), s.paused(), triggerState.name(),
                    trigger == null || s.paused() || trigger.getNextFireTime() == null ? null : trigger.getNextFireTime().toInstant(),
                    trigger == null || trigger.getPreviousFireTime() == null ? null : trigger.getPreviousFireTime().toInstant(),
                    s.source(), s.updatedBy(), s.updatedAt(), configured == null ? null : configured.spec());
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not read the Quartz trigger of " + s.jobName(), e);
        }
    }
}
