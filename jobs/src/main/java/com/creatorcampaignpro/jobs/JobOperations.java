package com.creatorcampaignpro.jobs;

import com.creatorcampaignpro.error.ConflictException;
import com.creatorcampaignpro.error.NotFoundException;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.jobs.JobParameterRules.TypedParameter;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Launch, restart, stop and abandon job executions; the one way the platform starts a job, used
 * by the Quartz bridge and by the operators' API.
 *
 * <p>"Never two running executions of a job, across the cluster" is enforced in PostgreSQL: a
 * launch takes a per-job advisory lock on a connection of its own, checks that no execution of
 * the job is running, lets Spring Batch create (and commit) the new execution, then releases the
 * lock. The next launcher, on any node, waits for the lock and then sees the new execution.
 */
public class JobOperations {
    private static final Logger log = LoggerFactory.getLogger(JobOperations.class);

    /** Identifying: makes each launch its own job instance; a scheduled fire's is its fire time. */
    public static final String RUN_PARAMETER = "ccp.run";
    /** Non-identifying: the node that started the execution, for dead-node recovery. */
    public static final String NODE_PARAMETER = JobExecutionDao.NODE_PARAMETER;
    private static final int SERIALIZATION_RETRIES = 3;

    private final JobCatalog catalog;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final JobExecutionDao executions;
    private final Jdbi lockingJdbi;
    private final JobNode node;

    public JobOperations(JobCatalog catalog, JobOperator jobOperator, JobRepository jobRepository,
                         JobExecutionDao executions, Jdbi lockingJdbi, JobNode node) {
        this.catalog = catalog;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.executions = executions;
        this.lockingJdbi = lockingJdbi;
        this.node = node;
    }

    public JobCatalog catalog() {
        return catalog;
    }

    /** Starts a new instance with an operator's parameters (validated against the job's definition); asynchronous. */
    public JobExecution launch(String jobName, Map<String, String> parameters) {
        JobCatalog.Entry entry = catalog.get(jobName);
        List<TypedParameter> typed = JobParameterRules.validate(entry.definition(), parameters);
        return start(entry, build(typed, "manual:" + Instant.now()));
    }

    /** A Quartz fire: the job's default parameters; a duplicate fire maps to the same instance and is refused. */
    public JobExecution launchScheduled(String jobName, Instant scheduledFireTime) {
        JobCatalog.Entry entry = catalog.get(jobName);
        List<TypedParameter> typed = JobParameterRules.validate(entry.definition(), Map.of());
        return start(entry, build(typed, "schedule:" + scheduledFireTime));
    }

    /**
     * Restarts a FAILED or STOPPED execution (the latest of its instance) with the same parameters:
     * Spring Batch skips the steps that completed and resumes the others from their saved state.
     */
    public JobExecution restart(long executionId) {
        ExecutionRow row = find(executionId);
        JobCatalog.Entry entry = catalog.get(row.jobName());
        BatchStatus status = BatchStatus.valueOf(row.status());
        if (status.isRunning()) {
            throw new ConflictException("execution-not-restartable",
                    "execution " + executionId + " is " + status + ": it is still running (stop it first)");
        }
        if (status != BatchStatus.FAILED && status != BatchStatus.STOPPED) {
            throw new ConflictException("execution-not-restartable", "execution " + executionId + " is " + status
                    + ": only FAILED or STOPPED executions can be restarted");
        }
        long latest = executions.latestOfSameInstance(executionId).orElse(executionId);
        if (latest != executionId) {
            throw new ConflictException("execution-not-restartable", "execution " + executionId
                    + " was already restarted as execution " + latest + "; restart that one if it failed");
        }
        if (!entry.job().isRestartable()) {
            throw new ConflictException("job-not-restartable", row.jobName() + " is not restartable; launch it anew");
        }
        JobExecution previous = jobRepository.getJobExecution(executionId);
        Set<JobParameter<?>> parameters = new HashSet<>();
        for (JobParameter<?> p : previous.getJobParameters()) {
            if (!p.name().equals(NODE_PARAMETER)) {
                parameters.add(p);
            }
        }
        // Same identifying parameters = same instance: Spring Batch treats the start as a restart.
        return start(entry, withNode(parameters));
    }

    public void stop(long executionId) {
        ExecutionRow row = find(executionId);
        BatchStatus status = BatchStatus.valueOf(row.status());
        if (status == BatchStatus.STOPPING) {
            throw new ConflictException("execution-not-running", "execution " + executionId
                    + " is already STOPPING: it stops at the end of its current chunk");
        }
        if (status != BatchStatus.STARTING && status != BatchStatus.STARTED) {
            throw new ConflictException("execution-not-running", "execution " + executionId + " is " + status
                    + ": only a running execution can be stopped");
        }
        // Only the job execution is marked STOPPING: the node running it reads that at its next chunk
        // commit and stops there. (Batch 6's JobOperator.stop also writes the running step from a stale
        // copy and sets an end time, which fails with an optimistic-lock error while the step runs.)
        for (int attempt = 1; ; attempt++) {
            JobExecution execution = jobRepository.getJobExecution(executionId);
            if (!execution.getStatus().isRunning() || execution.getStatus() == BatchStatus.STOPPING) {
                throw new ConflictException("execution-not-running", "execution " + executionId + " is "
                        + execution.getStatus() + ": only a running execution can be stopped");
            }
            execution.setStatus(BatchStatus.STOPPING);
            try {
                jobRepository.update(execution);
                log.info("Execution {} of {} asked to stop", executionId, row.jobName());
                return;
            } catch (OptimisticLockingFailureException e) {
                // The job itself just updated its execution (a step started or ended): read it again.
                if (attempt >= 5) {
                    throw new ConflictException("execution-busy", "execution " + executionId
                            + " changed state repeatedly while stopping it; try again");
                }
            }
        }
    }

    public void abandon(long executionId) {
        ExecutionRow row = find(executionId);
        BatchStatus status = BatchStatus.valueOf(row.status());
        if (status != BatchStatus.FAILED && status != BatchStatus.STOPPED && status != BatchStatus.UNKNOWN) {
            throw new ConflictException("execution-not-abandonable", "execution " + executionId + " is " + status
                    + ": only FAILED, STOPPED or UNKNOWN executions can be abandoned"
                    + (status.isRunning() ? " (stop it first)" : ""));
        }
        try {
            jobOperator.abandon(jobRepository.getJobExecution(executionId));
        } catch (JobExecutionAlreadyRunningException e) {
            throw new ConflictException("execution-not-abandonable", "execution " + executionId + " is running");
        }
    }

    public ExecutionRow find(long executionId) {
        return executions.find(executionId).orElseThrow(() -> new NotFoundException("execution", executionId));
    }

    /** The execution with its steps, from Spring Batch's repository. */
    public JobExecution detail(long executionId) {
        find(executionId);
        return jobRepository.getJobExecution(executionId);
    }

    public List<ExecutionRow> history(String jobName, String status, Long afterId, int limit) {
        catalog.get(jobName);
        String statusFilter = null;
        if (status != null && !status.isBlank()) {
            try {
                statusFilter = BatchStatus.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT)).name();
            } catch (IllegalArgumentException e) {
                throw new ValidationException("status", "must be one of COMPLETED, STARTING, STARTED, STOPPING, "
                        + "STOPPED, FAILED, ABANDONED, UNKNOWN");
            }
        }
        return executions.page(jobName, statusFilter, afterId, limit);
    }

    public Optional<ExecutionRow> lastExecution(String jobName) {
        return executions.lastExecution(jobName);
    }

    public Optional<ExecutionRow> runningExecution(String jobName) {
        return executions.runningExecution(jobName);
    }

    private JobParameters build(List<TypedParameter> typed, String runKey) {
        Set<JobParameter<?>> parameters = new HashSet<>();
        for (TypedParameter t : typed) {
            parameters.add(parameter(t.spec().name(), t.value(), t.spec().identifying()));
        }
        parameters.add(new JobParameter<>(RUN_PARAMETER, runKey, String.class, true));
        return withNode(parameters);
    }

    private JobParameters withNode(Set<JobParameter<?>> parameters) {
        Set<JobParameter<?>> all = new HashSet<>(parameters);
        all.add(new JobParameter<>(NODE_PARAMETER, node.id(), String.class, false));
        return new JobParameters(all);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static JobParameter<?> parameter(String name, Object value, boolean identifying) {
        return new JobParameter(name, value, value.getClass(), identifying);
    }

    private JobExecution start(JobCatalog.Entry entry, JobParameters parameters) {
        Job job = entry.job();
        for (int attempt = 1; ; attempt++) {
            try {
                return lockingJdbi.inTransaction(handle -> {
                    JobExecutionDao locked = handle.attach(JobExecutionDao.class);
                    locked.lockJob(job.getName());
                    locked.runningExecution(job.getName()).ifPresent(running -> {
                        throw new ConflictException("job-already-running", job.getName() + " is already running as execution "
                                + running.jobExecutionId() + " (" + running.status() + "); wait for it or stop it");
                    });
                    JobExecution execution = startUnderLock(job, parameters);
                    log.info("Launched {} as execution {} with {}", job.getName(), execution.getId(), parameters);
                    return execution;
                });
            } catch (TransientDataAccessException e) {
                // Batch creates executions SERIALIZABLE: a concurrent launch of another job can conflict. Retry.
                if (attempt >= SERIALIZATION_RETRIES) {
                    throw e;
                }
                log.info("Launch of {} hit a serialization conflict, retrying: {}", job.getName(), e.getMessage());
            }
        }
    }

    private JobExecution startUnderLock(Job job, JobParameters parameters) {
        try {
            return jobOperator.start(job, parameters);
        } catch (JobInstanceAlreadyCompleteException e) {
            throw new ConflictException("job-instance-complete", job.getName()
                    + " already completed for these parameters: " + e.getMessage());
        } catch (JobExecutionAlreadyRunningException e) {
            throw new ConflictException("job-already-running", job.getName() + " is already running: " + e.getMessage());
        } catch (JobRestartException e) {
            throw new ConflictException("job-not-restartable", job.getName() + " cannot be restarted: " + e.getMessage());
        } catch (InvalidJobParametersException e) {
            throw new ValidationException("parameters", e.getMessage());
        }
    }
}
