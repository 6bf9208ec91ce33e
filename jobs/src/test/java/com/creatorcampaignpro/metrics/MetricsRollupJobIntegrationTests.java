package com.creatorcampaignpro.metrics;

import com.creatorcampaignpro.db.testing.TestDatabase;
import com.creatorcampaignpro.jobs.testing.JobsIntegrationTest;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * metricsRollupJob on the real PostgreSQL, launched through JobOperator. Every check compares the
 * whole campaign_metrics table with an independent direct aggregation over content and content_metrics.
 */
class MetricsRollupJobIntegrationTests extends JobsIntegrationTest {

    @Autowired
    JobOperator jobOperator;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    Job metricsRollupJob;

    Jdbi jdbi;
    RollupRunner rollup;

    @BeforeEach
    void setUp() {
        jdbi = TestDatabase.shared().jdbi();
        rollup = new RollupRunner(jobOperator, jobRepository, metricsRollupJob);
    }

    private Map<UUID, List<Long>> expected() {
        return jdbi.withHandle(MetricsFixtures::expected);
    }

    private Map<UUID, List<Long>> rolledUp() {
        return jdbi.withHandle(MetricsFixtures::rolledUp);
    }

    private Map<UUID, List<Long>> snapshotsOf(LocalDate day) {
        return jdbi.withHandle(h -> MetricsFixtures.actual(h, "SELECT * FROM campaign_metrics_daily WHERE day = '" + day + "'"));
    }

    private JobExecution completed(String mode) throws Exception {
        JobExecution execution = rollup.run(mode);
        assertThat(execution.getStatus()).as("%s", execution.getAllFailureExceptions()).isEqualTo(BatchStatus.COMPLETED);
        return execution;
    }

    @Test
    void fullRollupEqualsADirectAggregationOverRandomData() throws Exception {
        new MetricsFixtures(jdbi, 11).campaignsWithContent(30, 25);

        JobExecution execution = completed("full");

        assertThat(RollupRunner.modeUsed(execution)).isEqualTo("full");
        Map<UUID, List<Long>> expected = expected();
        assertThat(expected.values()).anyMatch(v -> v.get(0) > 0); // the data has published content to sum
        assertThat(rolledUp()).isEqualTo(expected);
    }

    @Test
    void incrementalRunAfterRandomChangesEqualsAFullRun() throws Exception {
        MetricsFixtures fixtures = new MetricsFixtures(jdbi, 23);
        List<UUID> campaigns = fixtures.campaignsWithContent(40, 30);
        completed("auto");
        assertThat(rolledUp()).isEqualTo(expected());

        // Every kind of change the platform makes: metrics updates (one multi-row statement and single
        // rows), publishing, unpublishing, moving content, deleting content (its metrics cascade),
        // deleting a metrics row alone, first metrics of existing content, a new campaign with content.
        jdbi.useHandle(h -> {
            h.execute("""
                    UPDATE content_metrics SET views = views + 10, likes = likes + 3, reach = reach + 7,
                           impressions = impressions * 2, clicks = clicks + 1, conversions = conversions + 1
                    WHERE content_id IN (SELECT id FROM content WHERE campaign_id = ANY(?) AND random() < 0.3)""",
                    (Object) campaigns.toArray(UUID[]::new));
            for (UUID id : h.createQuery("SELECT content_id FROM content_metrics ORDER BY random() LIMIT 15")
                    .mapTo(UUID.class).list()) {
                h.execute("UPDATE content_metrics SET comments = comments + 5, shares = shares + 2, saves = 1 WHERE content_id = ?", id);
            }
            h.execute("UPDATE content SET status = 'published' WHERE status = 'approved' AND campaign_id = ANY(?)",
                    (Object) campaigns.subList(0, 20).toArray(UUID[]::new));
            h.execute("UPDATE content SET status = 'changes_requested' WHERE id IN ("
                    + "SELECT id FROM content WHERE status = 'published' AND campaign_id = ANY(?) LIMIT 10)",
                    (Object) campaigns.subList(20, 40).toArray(UUID[]::new));
            h.execute("UPDATE content SET campaign_id = ? WHERE id IN ("
                    + "SELECT id FROM content WHERE campaign_id = ? AND status = 'published' LIMIT 3)",
                    campaigns.get(1), campaigns.get(2));
            h.execute("DELETE FROM content WHERE id IN ("
                    + "SELECT id FROM content WHERE status = 'published' AND campaign_id = ANY(?) LIMIT 5)",
                    (Object) campaigns.toArray(UUID[]::new));
            h.execute("DELETE FROM content_metrics WHERE content_id IN ("
                    + "SELECT c.id FROM content c WHERE c.status = 'published' AND c.campaign_id = ? LIMIT 2)",
                    campaigns.get(3));
            for (UUID id : h.createQuery("""
                            SELECT c.id FROM content c WHERE c.status = 'published' AND c.campaign_id = ANY(?)
                            AND NOT EXISTS (SELECT 1 FROM content_metrics m WHERE m.content_id = c.id) LIMIT 5""")
                    .bind(0, campaigns.toArray(UUID[]::new)).mapTo(UUID.class).list()) {
                fixtures.insertMetrics(h, id);
            }
        });
        UUID marketer = fixtures.user("marketer");
        UUID influencer = fixtures.user("influencer");
        UUID fresh = fixtures.campaign(marketer);
        fixtures.content(fresh, influencer, "published", true);
        fixtures.content(fresh, influencer, "pending", true);
        fixtures.campaign(marketer); // a new campaign without content reads as zeros

        JobExecution incremental = completed("incremental");

        assertThat(RollupRunner.modeUsed(incremental)).isEqualTo("incremental");
        assertThat(RollupRunner.step(incremental).getExecutionContext().getLong("rollup.changesConsumed")).isPositive();
        Map<UUID, List<Long>> expected = expected();
        assertThat(rolledUp()).isEqualTo(expected);
        assertThat(expected.get(fresh).get(0)).isEqualTo(1L);

        // A full run over the same data finds nothing to correct: incremental == full, row for row.
        JobExecution full = completed("full");
        assertThat(RollupRunner.modeUsed(full)).isEqualTo("full");
        assertThat(RollupRunner.step(full).getWriteCount()).isZero();
        assertThat(rolledUp()).isEqualTo(expected);
    }

    /**
     * Writers race each other on the same content: metric updates against publish/unpublish and
     * moves between campaigns, on separate connections, started together each round. Whatever order
     * PostgreSQL serializes them in (a deadlock victim rolls back its change and its captured delta
     * together), the captured deltas must still add up to the truth.
     */
    @Test
    void concurrentWritersOnTheSameContentStillAddUp() throws Exception {
        MetricsFixtures fixtures = new MetricsFixtures(jdbi, 31);
        UUID marketer = fixtures.user("marketer");
        UUID influencer = fixtures.user("influencer");
        UUID home = fixtures.campaign(marketer);
        UUID away = fixtures.campaign(marketer);
        List<UUID> contested = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            contested.add(fixtures.content(home, influencer, "published", true));
        }
        completed("full");
        UUID[] ids = contested.toArray(UUID[]::new);

        ExecutorService writers = Executors.newFixedThreadPool(3);
        AtomicInteger deadlocks = new AtomicInteger();
        try {
            for (int round = 0; round < 25; round++) {
                CyclicBarrier start = new CyclicBarrier(3);
                boolean unpublish = round % 2 == 0;
                UUID target = round % 3 == 0 ? away : home;
                List<Future<?>> done = List.of(
                        writers.submit(() -> write(start, deadlocks, h -> h.execute(
                                "UPDATE content_metrics SET likes = likes + 1, views = views + 10 WHERE content_id = ANY(?)",
                                (Object) ids))),
                        writers.submit(() -> write(start, deadlocks, h -> h.execute(
                                "UPDATE content SET status = ? WHERE id = ANY(?)",
                                unpublish ? "changes_requested" : "published", ids))),
                        writers.submit(() -> write(start, deadlocks, h -> h.execute(
                                "UPDATE content SET campaign_id = ? WHERE id = ANY(?)", target, ids))));
                for (Future<?> writer : done) {
                    writer.get(30, TimeUnit.SECONDS);
                }
            }
        } finally {
            writers.shutdownNow();
        }

        completed("incremental");
        assertThat(rolledUp()).as("after 25 racing rounds (%d deadlock victims rolled back)", deadlocks.get())
                .isEqualTo(expected());
    }

    private interface Write {
        void apply(Handle handle);
    }

    /** One writer's statement in a transaction of its own; a deadlock victim's whole transaction is undone. */
    private Void write(CyclicBarrier start, AtomicInteger deadlocks,
                       Write write) throws Exception {
        start.await(30, TimeUnit.SECONDS);
        try {
            jdbi.useTransaction(write::apply);
        } catch (UnableToExecuteStatementException e) {
            if (!(e.getCause() instanceof SQLException sql) || !"40P01".equals(sql.getSQLState())) {
                throw e;
            }
            deadlocks.incrementAndGet();
        }
        return null;
    }

    @Test
    void theFirstRunOfANewDayRecordsThePreviousDayAsItsLastRunLeftIt() throws Exception {
        MetricsFixtures fixtures = new MetricsFixtures(jdbi, 53);
        List<UUID> campaigns = fixtures.campaignsWithContent(10, 20);
        completed("auto");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate yesterday = today.minusDays(1);
        // As if that run had happened yesterday: today's first run must close yesterday.
        jdbi.useHandle(h -> {
            h.execute("UPDATE metrics_rollup_state SET last_run_day = ?", yesterday);
            h.execute("DELETE FROM campaign_metrics_daily WHERE day >= ?", yesterday);
        });
        Map<UUID, List<Long>> endOfYesterday = rolledUp();
        jdbi.useHandle(h -> h.execute("UPDATE content_metrics SET likes = likes + 9 WHERE content_id IN "
                + "(SELECT id FROM content WHERE campaign_id = ANY(?))", (Object) campaigns.toArray(UUID[]::new)));

        completed("auto");

        assertThat(snapshotsOf(yesterday)).isEqualTo(endOfYesterday);
        assertThat(rolledUp()).isEqualTo(expected()).isNotEqualTo(endOfYesterday);
        assertThat(snapshotsOf(today)).isEmpty(); // today is still open: its point is campaign_metrics
        completed("auto");
        assertThat(snapshotsOf(yesterday)).isEqualTo(endOfYesterday);
    }

    @Test
    void runningTwiceGivesTheSameNumbers() throws Exception {
        new MetricsFixtures(jdbi, 37).campaignsWithContent(20, 20);
        completed("auto");
        Map<UUID, List<Long>> afterFirst = rolledUp();
        String stateAfterFirst = jdbi.withHandle(h -> h.createQuery(
                "SELECT string_agg(campaign_id || ':' || updated_at, ',' ORDER BY campaign_id) FROM campaign_metrics")
                .mapTo(String.class).one());

        JobExecution second = completed("auto");

        assertThat(RollupRunner.step(second).getWriteCount()).isZero();
        assertThat(rolledUp()).isEqualTo(afterFirst).isEqualTo(expected());
        String stateAfterSecond = jdbi.withHandle(h -> h.createQuery(
                "SELECT string_agg(campaign_id || ':' || updated_at, ',' ORDER BY campaign_id) FROM campaign_metrics")
                .mapTo(String.class).one());
        assertThat(stateAfterSecond).isEqualTo(stateAfterFirst);
        assertThat(completed("full").getStepExecutions().iterator().next().getWriteCount()).isZero();
        assertThat(rolledUp()).isEqualTo(afterFirst);
    }

    @Test
    void aFailedRunChangesNothingAndItsRestartCompletesTheWork() throws Exception {
        MetricsFixtures fixtures = new MetricsFixtures(jdbi, 41);
        List<UUID> campaigns = fixtures.campaignsWithContent(15, 20);
        completed("auto");
        jdbi.useHandle(h -> h.execute("""
                UPDATE content_metrics SET likes = likes + 100, impressions = impressions + 1000
                WHERE content_id IN (SELECT id FROM content WHERE campaign_id = ANY(?))""",
                (Object) campaigns.toArray(UUID[]::new)));
        Map<UUID, List<Long>> before = rolledUp();
        long queued = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM campaign_metrics_changes").mapTo(Long.class).one());
        assertThat(queued).isPositive();

        // The last write of the run (the state row) fails, as a crash or a lost connection would.
        jdbi.useHandle(h -> h.execute("""
                CREATE FUNCTION test_fail_snapshot() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN RAISE EXCEPTION 'state write failed (test)'; END $$;
                CREATE TRIGGER test_fail_snapshot BEFORE UPDATE ON metrics_rollup_state
                FOR EACH ROW EXECUTE FUNCTION test_fail_snapshot();"""));
        JobExecution failed;
        try {
            failed = rollup.run("incremental");
        } finally {
            jdbi.useHandle(h -> h.execute("""
                    DROP TRIGGER test_fail_snapshot ON metrics_rollup_state;
                    DROP FUNCTION test_fail_snapshot();"""));
        }

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(rolledUp()).isEqualTo(before);
        long stillQueued = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM campaign_metrics_changes")
                .mapTo(Long.class).one());
        assertThat(stillQueued).isEqualTo(queued);

        JobExecution restarted = rollup.restart(failed);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
        assertThat(rolledUp()).isEqualTo(expected()).isNotEqualTo(before);
        // The same logical run (same runAt) cannot run again once completed.
        assertThatThrownBy(() -> jobOperator.start(metricsRollupJob, failed.getJobParameters()))
                .isInstanceOf(JobInstanceAlreadyCompleteException.class);
    }

    @Test
    void anUnknownModeIsRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> jobOperator.start(metricsRollupJob, RollupRunner.parameters("sideways")))
                .hasMessageContaining("mode must be auto, full or incremental");
    }
}
