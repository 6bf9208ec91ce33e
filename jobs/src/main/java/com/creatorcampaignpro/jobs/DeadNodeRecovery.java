package com.creatorcampaignpro.jobs;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.OptimisticLockingFailureException;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Marks FAILED the executions left running by a node that died (its heartbeat is older than the
 * lease), with their running steps, so operators can restart them. Spring Batch's own
 * JobOperator.recover has no liveness check: it would fail a healthy execution on another node.
 */
public class DeadNodeRecovery {
    private static final Logger log = LoggerFactory.getLogger(DeadNodeRecovery.class);

    private final JobExecutionDao executions;
    private final Jdbi lockingJdbi;
    private final JobRepository jobRepository;
    private final JobsProperties properties;

    public DeadNodeRecovery(JobExecutionDao executions, Jdbi lockingJdbi, JobRepository jobRepository,
                            JobsProperties properties) {
        this.executions = executions;
        this.lockingJdbi = lockingJdbi;
        this.jobRepository = jobRepository;
        this.properties = properties;
    }

    /** @return the executions this call marked FAILED */
    public List<Long> recoverOrphanedExecutions(String recoveringNode) {
        List<OrphanedExecution> orphans = executions.orphanedExecutions(properties.nodeLease().toMillis() / 1000.0);
        return orphans.stream()
                .filter(orphan -> recover(orphan, recoveringNode))
                .map(OrphanedExecution::jobExecutionId)
                .toList();
    }

    private boolean recover(OrphanedExecution orphan, String recoveringNode) {
        // Under the job's launch lock so a concurrent restart cannot interleave; a second node
        // recovering the same execution loses on Batch's optimistic version check and moves on.
        return lockingJdbi.inTransaction(handle -> {
            handle.attach(JobExecutionDao.class).lockJob(orphan.jobName());
            JobExecution execution = jobRepository.getJobExecution(orphan.jobExecutionId());
            if (execution == null || !execution.getStatus().isRunning()) {
                return false;
            }
            String description = "node " + orphan.node() + " died (last heartbeat "
                    + (orphan.lastHeartbeat() == null ? "unknown" : orphan.lastHeartbeat()) + "); marked FAILED by node "
                    + recoveringNode + ": restart this execution";
            LocalDateTime now = LocalDateTime.now();
            try {
                for (StepExecution step : execution.getStepExecutions()) {
                    if (step.getStatus().isRunning()) {
                        step.setStatus(BatchStatus.FAILED);
                        step.setExitStatus(ExitStatus.FAILED.addExitDescription(description));
                        step.setEndTime(now);
                        jobRepository.update(step);
                    }
                }
                execution.setStatus(BatchStatus.FAILED);
                execution.setExitStatus(ExitStatus.FAILED.addExitDescription(description));
                execution.setEndTime(now);
                jobRepository.update(execution);
            } catch (OptimisticLockingFailureException recoveredElsewhere) {
                log.info("Execution {} of {} was updated concurrently; leaving it", orphan.jobExecutionId(), orphan.jobName());
                return false;
            }
            log.warn("Recovered execution {} of {}: {}", orphan.jobExecutionId(), orphan.jobName(), description);
            return true;
        });
    }
}
