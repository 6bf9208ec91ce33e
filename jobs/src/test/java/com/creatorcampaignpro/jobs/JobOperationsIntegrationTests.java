package com.creatorcampaignpro.jobs;

import com.creatorcampaignpro.error.ConflictException;
import com.creatorcampaignpro.jobs.testing.JobsIntegrationTest;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The job platform without the web: launches guarded by the per-job lock, duplicate scheduled fires
 * refused by the run key, executions of dead nodes recovered and restarted without redoing finished steps.
 */
class JobOperationsIntegrationTests extends JobsIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    JobOperations operations;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    DeadNodeRecovery recovery;
    @Autowired
    JobNode node;
    @Autowired
    Jdbi jdbi;

    @BeforeEach
    void setUp() {
        TestJobsConfiguration.failFinishOnce.set(false);
        TestJobsConfiguration.release.countDown();
        TestJobsConfiguration.release = new CountDownLatch(1);
        // every test starts with no running test job
        await().atMost(WAIT).until(() -> operations.runningExecution("blockingJob").isEmpty()
                && operations.runningExecution("flakyJob").isEmpty());
    }

    private void awaitStatus(long executionId, String status) {
        await().atMost(WAIT).until(() -> operations.find(executionId).status(), status::equals);
    }

    @Test
    void concurrentLaunchesOfOneJobStartItOnce() throws Exception {
        int launchers = 4;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(launchers);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < launchers; i++) {
                Callable<Long> launchOnce = () -> {
                    go.await();
                    try {
                        return operations.launch("blockingJob", Map.of()).getId();
                    } catch (ConflictException refused) {
                        return null;
                    }
                };
                results.add(pool.submit(launchOnce));
            }
            go.countDown();
            List<Long> started = new ArrayList<>();
            for (Future<Long> result : results) {
                Long id = result.get();
                if (id != null) {
                    started.add(id);
                }
            }
            assertThat(started).hasSize(1);
            awaitStatus(started.get(0), "STARTED");
            TestJobsConfiguration.release.countDown();
            awaitStatus(started.get(0), "COMPLETED");
        } finally {
            pool.shutdownNow();
        }
    }


    @Test
    void anExecutionLeftStartedByADeadNodeIsRecoveredAndRestartable() throws Exception {
        // given: a node that stopped heartbeating 10 minutes ago, killed while running flakyJob's second step
        String deadNode = "dead-host:4242:" + UUID.randomUUID().toString().substring(0, 8);
        jdbi.useHandle(h -> h.execute("INSERT INTO job_nodes (node_id, host, pid, started_at, heartbeat_at) "
                + "VALUES (?, 'dead-host', 4242, now() - interval '1 hour', now() - interval '10 minutes')", deadNode));
        long orphan = startedExecution("flakyJob", deadNode, true);
        // and a healthy node's execution, which must be left alone
        long healthy = startedExecution("someoneElsesJob", node.id(), false);
        int prepared = TestJobsConfiguration.prepareRuns.get();

        List<Long> recovered = recovery.recoverOrphanedExecutions("test-node");

        assertThat(recovered).contains(orphan).doesNotContain(healthy);
        JobExecution failed = operations.detail(orphan);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getExitStatus().getExitDescription()).contains(deadNode + " died").contains("restart");
        assertThat(failed.getStepExecutions()).filteredOn(step -> step.getStepName().equals("finish"))
                .extracting(StepExecution::getStatus).containsExactly(BatchStatus.FAILED);
        assertThat(operations.find(healthy).status()).isEqualTo("STARTED");
        assertThat(recovery.recoverOrphanedExecutions("test-node")).doesNotContain(orphan);

        long restarted = operations.restart(orphan).getId();
        awaitStatus(restarted, "COMPLETED");
        assertThat(operations.detail(restarted).getStepExecutions()).extracting(StepExecution::getStepName)
                .containsExactly("finish");
        assertThat(TestJobsConfiguration.prepareRuns.get()).isEqualTo(prepared);

        markFailed(healthy);
    }

    /** What a killed instance leaves behind: a STARTED execution, its first step maybe completed, one step STARTED. */
    private long startedExecution(String jobName, String owner, boolean firstStepDone) {
        JobParameters parameters = new JobParameters(Set.of(
                new JobParameter<>(JobOperations.RUN_PARAMETER, "manual:" + UUID.randomUUID(), String.class, true),
                new JobParameter<>(JobOperations.NODE_PARAMETER, owner, String.class, false)));
        JobInstance instance = jobRepository.createJobInstance(jobName, parameters);
        JobExecution execution = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStartTime(LocalDateTime.now().minusMinutes(12));
        execution.setStatus(BatchStatus.STARTED);
        jobRepository.update(execution);
        if (firstStepDone) {
            StepExecution prepare = jobRepository.createStepExecution("prepare", execution);
            prepare.setStartTime(LocalDateTime.now().minusMinutes(12));
            prepare.setStatus(BatchStatus.COMPLETED);
            prepare.setExitStatus(org.springframework.batch.core.ExitStatus.COMPLETED);
            prepare.setEndTime(LocalDateTime.now().minusMinutes(11));
            jobRepository.update(prepare);
        }
        StepExecution running = jobRepository.createStepExecution("finish", execution);
        running.setStartTime(LocalDateTime.now().minusMinutes(11));
        running.setStatus(BatchStatus.STARTED);
        jobRepository.update(running);
        return execution.getId();
    }

    private void markFailed(long executionId) {
        JobExecution execution = jobRepository.getJobExecution(executionId);
        for (StepExecution step : execution.getStepExecutions()) {
            step.setStatus(BatchStatus.FAILED);
            step.setEndTime(LocalDateTime.now());
            jobRepository.update(step);
        }
        execution.setStatus(BatchStatus.FAILED);
        execution.setEndTime(LocalDateTime.now());
        jobRepository.update(execution);
    }


    @Test
    void aDuplicateScheduledFireMapsToTheSameInstanceAndIsRefused() {
        Instant fireTime = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(3650));
        TestJobsConfiguration.release.countDown();
        long first = operations.launchScheduled("blockingJob", fireTime).getId();
        awaitStatus(first, "COMPLETED");

        assertThatThrownBy(() -> operations.launchScheduled("blockingJob", fireTime))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).code()).isEqualTo("job-instance-complete");
    }
}
