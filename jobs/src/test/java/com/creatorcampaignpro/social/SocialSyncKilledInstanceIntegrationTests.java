package com.creatorcampaignpro.social;

import com.creatorcampaignpro.db.JdbiFactory;
import com.creatorcampaignpro.fakes.social.FakeSocialPlatform;
import com.creatorcampaignpro.jobs.DeadNodeRecovery;
import com.creatorcampaignpro.jobs.ExecutionRow;
import com.creatorcampaignpro.jobs.JobExecutionDao;
import com.creatorcampaignpro.jobs.JobNode;
import com.creatorcampaignpro.jobs.JobOperations;
import com.creatorcampaignpro.jobs.JobsProperties;
import com.creatorcampaignpro.jobs.testing.ChildInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A child JVM (the jobs module alone) runs socialSyncJob against this JVM's fakes and is killed with
 * SIGKILL mid-run; this instance recovers the execution (its owner stopped heartbeating), restarts it,
 * and the restart completes without fetching again any account the dead run had finished.
 */
class SocialSyncKilledInstanceIntegrationTests extends SocialSyncTestSupport {
    @Autowired
    JobOperations operations;
    @Autowired
    JobExecutionDao executions;
    @Autowired
    DataSource dataSource;
    @Autowired
    JobNode node;

    @Test
    void aSyncKilledMidRunIsRestartedElsewhereWithoutRefetchingFinishedAccounts() throws Exception {
        List<Seeded> seeded = seed(Platform.YOUTUBE, 120);
        FakeSocialPlatform youtube = fake(Platform.YOUTUBE);
        youtube.resetCounters();
        youtube.latency(Duration.ofMillis(60));     // slow enough for the kill to land mid-run
        ChildInstance child = ChildInstance.jobsInstance("killed-social-sync.log",
                "--ccp.social.token-key=" + TOKEN_KEY, "--ccp.social.sync.chunk-size=10",
                "--ccp.social.youtube.base-url=" + youtube.baseUrl(), "--ccp.social.youtube.oauth-base-url=" + youtube.baseUrl(),
                "--ccp.social.youtube.client-id=" + FakeSocialPlatform.CLIENT_ID,
                "--ccp.social.youtube.client-secret=" + FakeSocialPlatform.CLIENT_SECRET,
                "--ccp.social.youtube.limits.max-concurrent=4",
                "--ccp.test.launch-on-start=socialSyncJob");
        ExecutionRow running;
        UUID[] ids = seeded.stream().map(Seeded::accountId).toArray(UUID[]::new);
        try {
            // given: the child has finished some accounts but not all
            running = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> operations.runningExecution(SocialSyncJobConfiguration.JOB_NAME),
                            r -> r.isPresent() && !node.id().equals(r.get().node()))
                    .orElseThrow();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> synced(ids) >= 30);
        } finally {
            child.kill();      // kill -9
        }
        assertThat(child.isAlive()).isFalse();
        long finishedByTheDead = synced(ids);
        assertThat(finishedByTheDead).isLessThan(120);
        Map<UUID, Long> callsBefore = new HashMap<>();
        seeded.forEach(s -> callsBefore.put(s.accountId(), youtube.dataRequestsFor(s.profile())));
        Map<UUID, Boolean> doneBefore = new HashMap<>();
        seeded.forEach(s -> doneBefore.put(s.accountId(), row(s.accountId()).get("last_synced_at") != null));

        // when: recovery marks the dead node's execution FAILED and an operator restarts it here
        DeadNodeRecovery recovery = new DeadNodeRecovery(executions, JdbiFactory.create(dataSource), jobRepository,
                new JobsProperties(Map.of(), Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(1), 1));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> recovery.recoverOrphanedExecutions(node.id()).contains(running.jobExecutionId()));
        youtube.latency(Duration.ZERO);
        long restarted = operations.restart(running.jobExecutionId()).getId();
        await().atMost(Duration.ofSeconds(120)).until(() -> operations.find(restarted).status(), "COMPLETED"::equals);

        // then: every account synced; those the dead run had finished were not called again
        assertThat(synced(ids)).isEqualTo(120);
        for (Seeded s : seeded) {
            if (doneBefore.get(s.accountId())) {
                assertThat(youtube.dataRequestsFor(s.profile())).as("calls for an account finished before the kill")
                        .isEqualTo(callsBefore.get(s.accountId()));
            }
        }
    }

    private long synced(UUID[] ids) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM social_accounts WHERE id = ANY(:ids) AND last_synced_at IS NOT NULL")
                .bind("ids", ids).mapTo(Long.class).one());
    }
}
