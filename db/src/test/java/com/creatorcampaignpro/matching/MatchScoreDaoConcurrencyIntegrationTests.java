package com.creatorcampaignpro.matching;

import com.creatorcampaignpro.db.testing.PostgresExtension;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * match_scores has no foreign keys (V150); since V201 {@link MatchScoreDao#replace} holds the advisory
 * lock {@link MatchScoreDao#WRITE_LOCK} shared and the delete triggers of campaigns and users take it
 * exclusively. Two connections: the job's write transaction is open, a delete of a campaign or
 * influencer it refers to must wait for it (not slip past the lock), and once the write commits the
 * delete goes through and its trigger removes the rows just written. That last part also checks that
 * the trigger's DELETE, run after the wait inside the same plpgsql call, takes a fresh snapshot
 * (READ COMMITTED): it sees rows committed while the trigger was already running. The other order:
 * a delete that holds the lock first makes the write wait, and the write then leaves the deleted id out.
 */
@ExtendWith(PostgresExtension.class)
class MatchScoreDaoConcurrencyIntegrationTests {
    private final Jdbi jdbi;

    MatchScoreDaoConcurrencyIntegrationTests(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Test
    void deletingAnInfluencerWaitsForTheJobsWriteThenRemovesItsNewRows() throws Exception {
        UUID[] ids = setUp();
        UUID campaign = ids[0];
        UUID deleted = ids[1];
        UUID kept = ids[2];

        int[] left = deleteDuringWrite(ids, "DELETE FROM users WHERE id = ?", deleted);

        assertThat(left[0]).as("rows of the deleted influencer").isZero();
        assertThat(rows("SELECT count(*) FROM match_scores WHERE influencer_id = ?", kept)).isEqualTo(1);
        assertThat(rows("SELECT count(*) FROM match_scores WHERE campaign_id = ?", campaign)).isEqualTo(1);
    }

    @Test
    void deletingACampaignWaitsForTheJobsWriteThenRemovesItsNewRows() throws Exception {
        UUID[] ids = setUp();
        UUID campaign = ids[0];

        deleteDuringWrite(ids, "DELETE FROM campaigns WHERE id = ?", campaign);

        assertThat(rows("SELECT count(*) FROM match_scores WHERE campaign_id = ?", campaign)).isZero();
        assertThat(rows("SELECT count(*) FROM match_score_runs WHERE campaign_id = ?", campaign)).isZero();
    }

    @Test
    void aWriteAfterAnInfluencersDeleteWaitsForItThenLeavesTheInfluencerOut() throws Exception {
        UUID[] ids = setUp();
        UUID campaign = ids[0];
        UUID deleted = ids[1];
        UUID kept = ids[2];

        writeDuringDelete(ids, "DELETE FROM users WHERE id = ?", deleted);

        assertThat(rows("SELECT count(*) FROM match_scores WHERE influencer_id = ?", deleted)).isZero();
        assertThat(rows("SELECT count(*) FROM match_scores WHERE influencer_id = ?", kept)).isEqualTo(1);
        assertThat(rows("SELECT count(*) FROM match_score_runs WHERE campaign_id = ?", campaign)).isEqualTo(1);
    }

    @Test
    void aWriteAfterACampaignsDeleteWaitsForItThenWritesNothingForTheCampaign() throws Exception {
        UUID[] ids = setUp();
        UUID campaign = ids[0];

        writeDuringDelete(ids, "DELETE FROM campaigns WHERE id = ?", campaign);

        assertThat(rows("SELECT count(*) FROM match_scores WHERE campaign_id = ?", campaign)).isZero();
        assertThat(rows("SELECT count(*) FROM match_score_runs WHERE campaign_id = ?", campaign)).isZero();
    }

    @Test
    void aDeleteThatDeletesNothingDoesNotWaitForTheJobsWrite() {
        UUID[] ids = setUp();
        try (Handle writer = jdbi.open(); Handle other = jdbi.open()) {
            writer.begin();
            writer.attach(MatchScoreDao.class).replace(page(ids), "match-v1", AT);

            // returns at once (a wait would block this thread: the test would time out, not pass)
            assertThat(other.execute("DELETE FROM campaigns WHERE id = ?", UUID.randomUUID())).isZero();
            assertThat(other.execute("DELETE FROM users WHERE id = ?", UUID.randomUUID())).isZero();

            writer.commit();
        }
        assertThat(rows("SELECT count(*) FROM match_scores WHERE campaign_id = ?", ids[0])).isEqualTo(2);
    }

    @Test
    void aWriteOutsideReadCommittedIsRefused() {
        UUID[] ids = setUp();
        try (Handle writer = jdbi.open()) {
            writer.execute("BEGIN ISOLATION LEVEL REPEATABLE READ");
            assertThatThrownBy(() -> writer.attach(MatchScoreDao.class).replace(page(ids), "match-v1", AT))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("repeatable read");
            writer.execute("ROLLBACK");
        }
        assertThat(rows("SELECT count(*) FROM match_scores WHERE campaign_id = ?", ids[0])).isZero();
    }

    /** A campaign and two influencers: {campaign, influencer to delete, influencer kept}. */
    private UUID[] setUp() {
        return jdbi.withHandle(h -> {
            UUID marketer = user(h, "marketer");
            UUID campaign = h.createQuery("INSERT INTO campaigns (marketer_id, name, budget) VALUES (?, 'c', 100000) RETURNING id")
                    .bind(0, marketer).mapTo(UUID.class).one();
            return new UUID[]{campaign, user(h, "influencer"), user(h, "influencer")};
        });
    }

    /**
     * Writes the page {campaign: both influencers} in an open transaction on one connection, starts
     * {@code delete} on a second one, checks that it is waiting for a lock held by the writer, commits
     * the write and waits for the delete. Returns the rows of ids[1] left afterwards.
     */
    private int[] deleteDuringWrite(UUID[] ids, String delete, UUID target) throws Exception {
        MatchScoreDao.CampaignPage page = page(ids);
        Instant at = AT;
        ExecutorService deleter = Executors.newSingleThreadExecutor();
        try (Handle writer = jdbi.open(); Handle other = jdbi.open()) {
            int writerPid = writer.createQuery("SELECT pg_backend_pid()").mapTo(Integer.class).one();
            int otherPid = other.createQuery("SELECT pg_backend_pid()").mapTo(Integer.class).one();
            writer.begin();
            writer.attach(MatchScoreDao.class).replace(page, "match-v1", at);

            CompletableFuture<Integer> deleting = CompletableFuture.supplyAsync(() -> other.execute(delete, target), deleter);

            // The delete is blocked by the writer's transaction (the write lock), not merely slow.
            await().atMost(Duration.ofSeconds(30)).until(() -> blockedBy(otherPid, writerPid));
            assertThat(deleting).isNotDone();

            writer.commit();

            assertThat(deleting.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1);
        } finally {
            deleter.shutdownNow();
        }
        return new int[]{rows("SELECT count(*) FROM match_scores WHERE influencer_id = ?", ids[1])};
    }

    /**
     * The other order: {@code delete} runs (its trigger takes the write lock) in an open transaction,
     * the page {campaign: both influencers} is written on a second connection and must wait for it;
     * the delete commits, then the write goes through.
     */
    private void writeDuringDelete(UUID[] ids, String delete, UUID target) throws Exception {
        ExecutorService job = Executors.newSingleThreadExecutor();
        try (Handle deleter = jdbi.open(); Handle writer = jdbi.open()) {
            int deleterPid = deleter.createQuery("SELECT pg_backend_pid()").mapTo(Integer.class).one();
            int writerPid = writer.createQuery("SELECT pg_backend_pid()").mapTo(Integer.class).one();
            deleter.begin();
            assertThat(deleter.execute(delete, target)).isEqualTo(1);

            CompletableFuture<Void> writing = CompletableFuture.runAsync(
                    () -> writer.attach(MatchScoreDao.class).replace(page(ids), "match-v1", AT), job);

            await().atMost(Duration.ofSeconds(30)).until(() -> blockedBy(writerPid, deleterPid));
            assertThat(writing).isNotDone();

            deleter.commit();

            writing.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            job.shutdownNow();
        }
    }

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    /** The page {campaign ids[0]: influencers ids[1] and ids[2]}. */
    private static MatchScoreDao.CampaignPage page(UUID[] ids) {
        UUID campaign = ids[0];
        return new MatchScoreDao.CampaignPage(new UUID[]{campaign}, new Instant[]{AT},
                new int[]{2}, 2, new UUID[]{campaign, campaign}, new UUID[]{ids[1], ids[2]}, new int[]{1, 2},
                new double[]{90, 80}, new double[][]{values(), values()});
    }

    private boolean blockedBy(int pid, int blocker) {
        return jdbi.withHandle(h -> h.createQuery("SELECT ? = ANY(pg_blocking_pids(?))")
                .bind(0, blocker).bind(1, pid).mapTo(Boolean.class).one());
    }

    private int rows(String sql, UUID id) {
        return jdbi.withHandle(h -> h.createQuery(sql).bind(0, id).mapTo(Integer.class).one());
    }

    private static UUID user(Handle h, String type) {
        return h.createQuery("INSERT INTO users (email, user_type) VALUES (:e, :t) RETURNING id")
                .bind("e", type + "-" + UUID.randomUUID() + "@example.com").bind("t", type).mapTo(UUID.class).one();
    }

    private static double[] values() {
        double[] v = new double[MatchComponent.values().length];
        Arrays.fill(v, 0.5);
        return v;
    }
}
