package com.creatorcampaignpro.jobs;

import com.creatorcampaignpro.error.ConflictException;
import com.creatorcampaignpro.error.NotFoundException;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.jobs.JobHandoffDao.Handoff;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * How an API-only instance ({@code ccp.scheduler.enabled=false}) launches and restarts jobs: it
 * writes the request to {@code job_handoffs} and stores a one-shot Quartz trigger in the clustered
 * store; a scheduler instance fires it ({@link HandoffLauncher}), runs the launch through its own
 * {@link JobOperations} (the same lock, checks and refusals) and writes the outcome back. The caller
 * awaits that outcome, so the API answers exactly as if it had launched locally: 202 with the new
 * execution, or the same 400/404/409.
 */
public class JobHandoff {
    private static final Logger log = LoggerFactory.getLogger(JobHandoff.class);
    static final String GROUP = "ccp-handoff";
    static final String HANDOFF_ID = "handoffId";
    private static final Duration POLL = Duration.ofMillis(100);

    private final JobHandoffDao dao;
    private final Scheduler scheduler;
    private final JobNode node;
    private final Duration timeout;
    private final JsonMapper json = JsonMapper.builder().build();

    public JobHandoff(JobHandoffDao dao, Scheduler scheduler, JobNode node, Duration timeout) {
        this.dao = dao;
        this.scheduler = scheduler;
        this.node = node;
        this.timeout = timeout;
    }

    /** Raised when no scheduler instance took the request within the timeout (none running?). */
    public static class NoSchedulerException extends RuntimeException {
        public NoSchedulerException(String message) {
            super(message);
        }
    }

    /** The id of the execution a scheduler instance started. */
    public long launch(String jobName, Map<String, String> parameters) {
        return handOff("launch", jobName, null, parameters == null ? Map.of() : parameters);
    }

    public long restart(long executionId) {
        return handOff("restart", null, executionId, Map.of());
    }

    private long handOff(String action, String jobName, Long sourceExecutionId, Map<String, String> parameters) {
        UUID id = UUID.randomUUID();
        dao.request(id, action, jobName, sourceExecutionId, json.writeValueAsString(parameters), node.id());
        JobDetail job = JobBuilder.newJob(HandoffLauncher.class).withIdentity(id.toString(), GROUP)
                .usingJobData(HANDOFF_ID, id.toString()).build();
        Trigger once = TriggerBuilder.newTrigger().withIdentity(id.toString(), GROUP).startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow()).build();
        try {
            scheduler.scheduleJob(job, once);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz refused the hand-off of " + action + " " + id, e);
        }
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Handoff handoff = dao.find(id).orElseThrow();
            if (handoff.done()) {
                log.info("{} {} handed to node {}: {}", action, jobName != null ? jobName : "execution " + sourceExecutionId,
                        handoff.completedBy(), handoff.executionId() != null ? "execution " + handoff.executionId() : handoff.errorKind());
                return outcome(handoff);
            }
            try {
                Thread.sleep(POLL.toMillis());   // awaiting another instance's answer
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while awaiting the hand-off", e);
            }
        }
        // Nobody took it: withdraw the trigger so a scheduler starting later does not run a stale request.
        try {
            scheduler.deleteJob(job.getKey());
        } catch (SchedulerException e) {
            log.warn("Could not withdraw the hand-off {}: {}", id, e.toString());
        }
        dao.failed(id, "failed", "no-scheduler-instance", null, "timed out", node.id());
        Handoff late = dao.find(id).orElseThrow();
        if (late.executionId() != null) {
            return late.executionId();   // taken at the very last moment
        }
        throw new NoSchedulerException("no scheduler instance took the " + action + " within " + timeout.toSeconds()
                + " s: is an instance with ccp.scheduler.enabled=true running?");
    }

    private static long outcome(Handoff handoff) {
        if (handoff.executionId() != null) {
            return handoff.executionId();
        }
        switch (handoff.errorKind()) {
            case "conflict" -> throw new ConflictException(handoff.errorCode(), handoff.errorMessage());
            case "validation" -> throw new ValidationException(handoff.errorField(), handoff.errorMessage());
            case "not-found" -> throw new NotFoundException(handoff.errorCode(), handoff.errorField());
            default -> throw new IllegalStateException("the scheduler instance failed to " + handoff.action() + ": "
                    + handoff.errorMessage());
        }
    }

    /** Runs on the scheduler instance that fired the hand-off's trigger. */
    void perform(UUID id, JobOperations operations) {
        Handoff handoff = dao.find(id).orElse(null);
        if (handoff == null || handoff.done()) {
            return;
        }
        try {
            long executionId = switch (handoff.action()) {
                case "launch" -> operations.launch(handoff.jobName(),
                        json.readValue(handoff.parameters(), new TypeReference<Map<String, String>>() { })).getId();
                case "restart" -> operations.restart(handoff.sourceExecutionId()).getId();
                default -> throw new IllegalStateException("unknown hand-off action " + handoff.action());
            };
            dao.succeeded(id, executionId, node.id());
        } catch (ConflictException e) {
            dao.failed(id, "conflict", e.code(), null, e.getMessage(), node.id());
        } catch (ValidationException e) {
            var first = e.violations().get(0);
            dao.failed(id, "validation", null, first.field(), first.message(), node.id());
        } catch (NotFoundException e) {
            dao.failed(id, "not-found", e.resource(), String.valueOf(handoff.sourceExecutionId() != null
                    ? handoff.sourceExecutionId() : handoff.jobName()), e.getMessage(), node.id());
        } catch (RuntimeException e) {
            log.error("Hand-off {} failed", id, e);
            dao.failed(id, "failed", null, null, e.getClass().getSimpleName(), node.id());
        }
    }
}
