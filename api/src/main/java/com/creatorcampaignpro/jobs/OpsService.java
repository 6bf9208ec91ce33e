package com.creatorcampaignpro.jobs;

import com.creatorcampaignpro.audit.AuditLogDao;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.jobs.OpsDtos.Accepted;
import com.creatorcampaignpro.jobs.OpsDtos.ConfiguredSchedule;
import com.creatorcampaignpro.jobs.OpsDtos.ExecutionDetail;
import com.creatorcampaignpro.jobs.OpsDtos.ExecutionPage;
import com.creatorcampaignpro.jobs.OpsDtos.ExecutionSummary;
import com.creatorcampaignpro.jobs.OpsDtos.JobView;
import com.creatorcampaignpro.jobs.OpsDtos.ParameterValue;
import com.creatorcampaignpro.jobs.OpsDtos.ParameterView;
import com.creatorcampaignpro.jobs.OpsDtos.ScheduleView;
import com.creatorcampaignpro.jobs.OpsDtos.StepView;
import com.creatorcampaignpro.paging.PageRequest;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Service;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import com.creatorcampaignpro.web.Problems;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The operators' API over the job platform: views for the controller, and an audit record per action. */
@Service
class OpsService {
    private static final int MAX_FAILURE_CHARS = 1000;

    private final JobOperations operations;
    private final JobSchedules schedules;
    private final AuditLogDao audit;
    private final JsonMapper json;
    private final JobHandoff handoff;
    private final boolean schedulerHere;

    OpsService(JobOperations operations, JobSchedules schedules, AuditLogDao audit, JsonMapper json, JobHandoff handoff,
               @Value("${ccp.scheduler.enabled:true}") boolean schedulerHere) {
        this.operations = operations;
        this.schedules = schedules;
        this.audit = audit;
        this.json = json;
        this.handoff = handoff;
        this.schedulerHere = schedulerHere;
    }

    /**
     * On an API-only instance a launch or restart runs on a scheduler instance (JobHandoff); this one
     * answers with the execution it started, just as a local launch would.
     */
    private Accepted started(java.util.function.LongSupplier remotely, java.util.function.Supplier<JobExecution> locally,
                             String action) {
        if (schedulerHere) {
            JobExecution execution = locally.get();
            return new Accepted(execution.getId(), execution.getJobInstance().getJobName(), execution.getStatus().name(), action);
        }
        long id;
        try {
            id = remotely.getAsLong();
        } catch (JobHandoff.NoSchedulerException e) {
            ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.type("no-scheduler-instance"),
                    "No scheduler instance", e.getMessage());
            throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, e);
        }
        ExecutionRow row = operations.find(id);
        return new Accepted(id, row.jobName(), row.status(), action);
    }

    List<JobView> jobs() {
        Map<String, ScheduleView> scheduleByJob = schedules.list().stream()
                .collect(Collectors.toMap(ScheduleState::jobName, OpsService::view));
        return operations.catalog().all().stream().map(entry -> {
            JobDefinition d = entry.definition();
            ScheduleView schedule = scheduleByJob.get(d.name());
            return new JobView(d.name(), d.description(), d.reads(), d.writes(), entry.job().isRestartable(),
                    d.parameters().stream().map(p -> new ParameterView(p.name(), p.type().dbValue(), p.required(),
                            p.defaultValue(), p.identifying(), p.description(), p.min(), p.max())).toList(),
                    operations.runningExecution(d.name()).map(OpsService::summary).orElse(null),
                    operations.lastExecution(d.name()).map(OpsService::summary).orElse(null),
                    schedule, schedule == null ? null : schedule.nextFireTime());
        }).toList();
    }

    Accepted launch(UUID actor, String jobName, Map<String, String> parameters) {
        Accepted accepted = started(() -> handoff.launch(jobName, parameters),
                () -> operations.launch(jobName, parameters), "launch");
        record(actor, "job.launch", "job_execution", accepted.executionId(),
                Map.of("job", jobName, "parameters", parameters == null ? Map.of() : parameters));
        return accepted;
    }

    ExecutionPage history(String jobName, String status, Integer limit, String after) {
        PageRequest.of(limit, null); // the platform's limit rule (1..100, default 20)
        int size = limit == null ? PageRequest.DEFAULT_LIMIT : limit;
        Long afterId = null;
        if (after != null && !after.isBlank()) {
            try {
                afterId = Long.parseLong(after.strip());
            } catch (NumberFormatException e) {
                throw new ValidationException("after", "is not a cursor returned by this API");
            }
        }
        List<ExecutionRow> rows = operations.history(jobName, status, afterId, size + 1);
        List<ExecutionSummary> items = rows.stream().limit(size).map(OpsService::summary).toList();
        String next = rows.size() > size ? Long.toString(items.get(items.size() - 1).id()) : null;
        return new ExecutionPage(items, next);
    }

    ExecutionDetail detail(long id) {
        ExecutionRow row = operations.find(id);
        JobExecution e = operations.detail(id);
        List<ParameterValue> parameters = e.getJobParameters().parameters().stream()
                .filter(p -> !p.name().equals(JobOperations.NODE_PARAMETER))
                .sorted(Comparator.comparing(JobParameter::name))
                .map(p -> new ParameterValue(p.name(), String.valueOf(p.value()), p.type().getSimpleName(), p.identifying()))
                .toList();
        List<StepView> steps = e.getStepExecutions().stream()
                .sorted(Comparator.comparing(StepExecution::getId))
                .map(OpsService::step)
                .toList();
        return new ExecutionDetail(e.getId(), row.jobName(), row.jobInstanceId(), e.getStatus().name(),
                e.getExitStatus().getExitCode(), failureText(e.getExitStatus().getExitDescription()), parameters,
                row.node(), instant(e.getCreateTime()), instant(e.getStartTime()), instant(e.getEndTime()),
                millis(e.getStartTime(), e.getEndTime()), instant(e.getLastUpdated()), steps);
    }

    Accepted restart(UUID actor, long id) {
        Accepted accepted = started(() -> handoff.restart(id), () -> operations.restart(id), "restart");
        record(actor, "execution.restart", "job_execution", id, Map.of("job", accepted.jobName(),
                "newExecutionId", accepted.executionId()));
        return accepted;
    }

    Accepted stop(UUID actor, long id) {
        ExecutionRow row = operations.find(id);
        operations.stop(id);
        record(actor, "execution.stop", "job_execution", id, Map.of("job", row.jobName()));
        return new Accepted(id, row.jobName(), "STOPPING", "stop");
    }

    ExecutionDetail abandon(UUID actor, long id) {
        ExecutionRow row = operations.find(id);
        operations.abandon(id);
        record(actor, "execution.abandon", "job_execution", id, Map.of("job", row.jobName()));
        return detail(id);
    }

    List<ScheduleView> schedules() {
        return schedules.list().stream().map(OpsService::view).toList();
    }

    ScheduleView updateSchedule(UUID actor, String jobName, String cron, String timeZone) {
        ScheduleState before = schedules.get(jobName);
        ScheduleState after = schedules.update(jobName, cron, timeZone, actor);
        record(actor, "schedule.update", "job_schedule", jobName, Map.of(
                "from", Map.of("cron", before.cron(), "timeZone", before.timeZone()),
                "to", Map.of("cron", after.cron(), "timeZone", after.timeZone())));
        return view(after);
    }

    ScheduleView pause(UUID actor, String jobName) {
        ScheduleView view = view(schedules.pause(jobName, actor));
        record(actor, "schedule.pause", "job_schedule", jobName, Map.of());
        return view;
    }

    ScheduleView resume(UUID actor, String jobName) {
        ScheduleView view = view(schedules.resume(jobName, actor));
        record(actor, "schedule.resume", "job_schedule", jobName, Map.of());
        return view;
    }

    void trigger(UUID actor, String jobName) {
        schedules.trigger(jobName);
        record(actor, "schedule.trigger", "job_schedule", jobName, Map.of());
    }

    private void record(UUID actor, String action, String targetType, Object targetId, Map<String, ?> details) {
        audit.record(actor, action, targetType, String.valueOf(targetId), json.writeValueAsString(new LinkedHashMap<>(details)));
    }

    static ExecutionSummary summary(ExecutionRow r) {
        return new ExecutionSummary(r.jobExecutionId(), r.jobName(), r.jobInstanceId(), r.status(), r.exitCode(),
                firstLine(r.exitMessage()), instant(r.createTime()), instant(r.startTime()), instant(r.endTime()),
                millis(r.startTime(), r.endTime()), r.node());
    }

    private static StepView step(StepExecution s) {
        return new StepView(s.getId(), s.getStepName(), s.getStatus().name(), s.getExitStatus().getExitCode(),
                s.getReadCount(), s.getWriteCount(), s.getFilterCount(), s.getReadSkipCount(), s.getProcessSkipCount(),
                s.getWriteSkipCount(), s.getSkipCount(), s.getCommitCount(), s.getRollbackCount(),
                instant(s.getStartTime()), instant(s.getEndTime()), millis(s.getStartTime(), s.getEndTime()),
                failureText(s.getExitStatus().getExitDescription()), counts(s));
    }

    /** A job's own step counts: the {@code count.<name>} numbers it keeps in the step's context (e.g. retries). */
    private static java.util.Map<String, Long> counts(StepExecution s) {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        for (java.util.Map.Entry<String, Object> e : s.getExecutionContext().entrySet()) {
            if (e.getKey().startsWith("count.") && e.getValue() instanceof Number n) {
                counts.put(e.getKey().substring("count.".length()), n.longValue());
            }
        }
        return counts;
    }

    static ScheduleView view(ScheduleState s) {
        return new ScheduleView(s.jobName(), s.cron(), s.timeZone(), s.paused(), s.triggerState(), s.nextFireTime(),
                s.previousFireTime(), s.source(), s.updatedBy(), s.updatedAt(),
                s.configured() == null ? null : new ConfiguredSchedule(s.configured().cron(), s.configured().timeZone(),
                        s.configured().enabled()));
    }

    /** Batch stores local times in the JVM's zone. */
    private static Instant instant(LocalDateTime time) {
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toInstant();
    }

    private static Long millis(LocalDateTime start, LocalDateTime end) {
        return start == null || end == null ? null : Duration.between(start, end).toMillis();
    }

    private static String firstLine(String text) {
        return Optional.ofNullable(failureText(text)).map(t -> t.lines().findFirst().orElse("")).orElse(null);
    }

    /**
     * Batch's exit descriptions carry stack traces: keep the messages (exception lines and "Caused
     * by"), drop the frames, so operators read what failed without internals they cannot act on.
     */
    static String failureText(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        String text = description.lines()
                .filter(line -> !line.startsWith("\tat ") && !line.strip().startsWith("at ") && !line.strip().startsWith("..."))
                .collect(Collectors.joining("\n")).strip();
        return text.length() > MAX_FAILURE_CHARS ? text.substring(0, MAX_FAILURE_CHARS) + "…" : text;
    }
}
