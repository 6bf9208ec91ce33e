package com.creatorcampaignpro.jobs;

import com.creatorcampaignpro.db.JdbiFactory;
import com.creatorcampaignpro.jobs.testing.ChildInstance;
import com.creatorcampaignpro.jobs.testing.JobsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real thing: a second instance (the jobs module alone, no api) in a child JVM starts blockingJob, is killed
 * with SIGKILL mid-step, and this instance finds the execution (its owner stopped heartbeating),
 * marks it FAILED and restarts it to completion.
 */
class KilledInstanceIntegrationTests extends JobsIntegrationTest {
    private static final Duration CHILD_START = Duration.ofSeconds(120);

    @Autowired
    JobOperations operations;
    @Autowired
    JobExecutionDao executions;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    DataSource dataSource;
    @Autowired
    JobNode node;

    @Test
    void anExecutionOfAKilledInstanceIsRecoveredAndRestartedHere() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> operations.runningExecution("blockingJob").isEmpty());
        ChildInstance child = ChildInstance.jobsInstance("killed-instance.log", "--ccp.test.launch-on-start=blockingJob");
        long started = System.nanoTime();
        ExecutionRow running;
        try {
            // given: the child runs blockingJob, stamped with its own node
            running = await().atMost(CHILD_START).pollInterval(Duration.ofMillis(200))
                    .until(() -> operations.runningExecution("blockingJob"),
                            r -> r.isPresent() && r.get().status().equals("STARTED") && !node.id().equals(r.get().node()))
                    .orElseThrow();
            System.out.printf("child instance up and running execution %d after %d ms%n", running.jobExecutionId(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } finally {
            child.kill();   // when: kill -9
        }
        assertThat(child.isAlive()).isFalse();
        long killedAt = System.nanoTime();
        assertThat(operations.find(running.jobExecutionId()).status()).isEqualTo("STARTED");

        // then: once the child's 3 s lease has run out, recovery marks its execution FAILED
        JobsProperties shortLease = new JobsProperties(Map.of(), Duration.ofSeconds(1), Duration.ofSeconds(3),
                Duration.ofSeconds(1), 1);
        DeadNodeRecovery recovery = new DeadNodeRecovery(executions, JdbiFactory.create(dataSource), jobRepository, shortLease);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> recovery.recoverOrphanedExecutions(node.id()).contains(running.jobExecutionId()));
        System.out.printf("execution %d recovered %d ms after the kill%n", running.jobExecutionId(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt));
        ExecutionRow failed = operations.find(running.jobExecutionId());
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.exitMessage()).contains(running.node() + " died");

        // and an operator restarts it here, where it completes
        TestJobsConfiguration.release.countDown();
        long restarted = operations.restart(running.jobExecutionId()).getId();
        await().atMost(Duration.ofSeconds(20)).until(() -> operations.find(restarted).status(), "COMPLETED"::equals);
        assertThat(operations.find(restarted).node()).isEqualTo(node.id());
        assertThat(Optional.ofNullable(operations.find(restarted).jobInstanceId())).contains(failed.jobInstanceId());
    }
}
