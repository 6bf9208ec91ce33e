package com.creatorcampaignpro.social;

import com.creatorcampaignpro.fakes.social.FakeSocialPlatform;
import com.creatorcampaignpro.fakes.social.FakeSocialPlatform.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SocialSyncJobIntegrationTests extends SocialSyncTestSupport {

    @Autowired
    SocialAccountDao accounts;

    @AfterEach
    void calm() {
        for (FakeSocialPlatform fake : FAKES.values()) {
            fake.injectFaults(0, 1);
            fake.latency(Duration.ZERO);
        }
    }

    @Test
    void aThousandAccountsWithTenPercentTransientFaultsAllEndUpdatedAndTheFaultsShowInTheStepCounts() {
        // given: 250 accounts on each platform, and 10 % of data calls answered 500, a timeout or a 429 (1 s)
        List<Seeded> seeded = new ArrayList<>();
        for (Platform p : Platform.values()) {
            seeded.addAll(seed(p, 250));
        }
        long seed = 11;
        for (FakeSocialPlatform fake : FAKES.values()) {
            fake.resetCounters();
            fake.retryAfterSeconds(1);
            fake.timeoutDelay(Duration.ofMillis(1_500));
            fake.injectFaults(0.10, seed++, Fault.SERVER_ERROR, Fault.TIMEOUT, Fault.RATE_LIMITED);
        }
        Instant started = Instant.now();

        // when
        JobExecution execution = run(null, 0);

        // then: every account was read and written, none left in error
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        UUID[] ids = seeded.stream().map(Seeded::accountId).toArray(UUID[]::new);
        Map<String, Object> summary = jdbi.withHandle(h -> h.createQuery("""
                        SELECT count(*) FILTER (WHERE status = 'connected' AND last_synced_at >= :started) AS updated,
                               count(*) FILTER (WHERE engagement_sample = 20 AND views_sample = 20) AS measured,
                               (SELECT count(*) FROM social_account_media m WHERE m.social_account_id = ANY(:ids)) AS media
                        FROM social_accounts WHERE id = ANY(:ids)""")
                .bind("started", started).bind("ids", ids).mapToMap().one());
        assertThat(summary).containsEntry("updated", 1_000L).containsEntry("measured", 1_000L).containsEntry("media", 20_000L);
        // and every request beyond the ones an account needs is a retry in the step counts of its platform:
        // at least one per injected fault (a loaded machine may add a genuine timeout of its own)
        for (Platform p : Platform.values()) {
            FakeSocialPlatform fake = fake(p);
            long faults = fake.faultsServed(Fault.SERVER_ERROR) + fake.faultsServed(Fault.TIMEOUT) + fake.faultsServed(Fault.RATE_LIMITED);
            long needed = 250L * (p == Platform.YOUTUBE ? 3 : 2);
            long seen = seeded.stream().filter(s -> s.platform() == p).mapToLong(s -> fake.dataRequestsFor(s.profile())).sum();
            List<StepExecution> steps = partitions(execution, p);
            assertThat(steps).as("partitions of %s", p).hasSize(2);
            assertThat(faults).as("faults served by %s", p).isGreaterThan(0);
            assertThat(count(steps, SocialSyncJobConfiguration.RETRIES)).as("retries of %s", p)
                    .isEqualTo(seen - needed).isGreaterThanOrEqualTo(faults);
            assertThat(count(steps, SocialSyncWriter.SYNCED)).as("synced on %s", p).isEqualTo(250);
            assertThat(steps.stream().mapToLong(StepExecution::getReadCount).sum()).isEqualTo(250);
            assertThat(steps).allSatisfy(step -> assertThat(step.getExitStatus().getExitDescription())
                    .contains(count(List.of(step), SocialSyncJobConfiguration.RETRIES) + " retries"));
        }
        // and the influencers' aggregates come from the declared formulas
        Seeded any = seeded.get(0);
        Map<String, Object> profile = jdbi.withHandle(h -> h.createQuery("SELECT * FROM influencer_profiles WHERE user_id = :u")
                .bind("u", any.userId()).mapToMap().one());
        assertThat(profile.get("total_followers")).isEqualTo(any.profile().followers());
        assertThat(profile.get("avg_views")).isEqualTo(4_000L);
    }

    @Test
    void aLimitReadsAtMostThatManyAccountsOfThePlatformAcrossItsPartitions() {
        List<Seeded> seeded = seed(Platform.TIKTOK, 12);
        Instant started = Instant.now();

        JobExecution execution = run("tiktok", 5);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<StepExecution> steps = partitions(execution, Platform.TIKTOK);
        assertThat(steps.stream().mapToLong(StepExecution::getReadCount).sum()).isEqualTo(5);
        // (the oldest due TikTok accounts: other tests' leftovers may be among them)
        long synced = jdbi.withHandle(h -> h.createQuery("""
                        SELECT count(*) FROM social_accounts WHERE platform = 'tiktok' AND sync_attempted_at >= :started""")
                .bind("started", started).mapTo(Long.class).one());
        assertThat(synced).isEqualTo(5);
        assertThat(execution.getStepExecutions()).noneMatch(s -> s.getStepName().contains(":youtube:"));

        // and: a run without a limit takes the rest (leaving no due accounts to the next tests)
        assertThat(run("tiktok", 0).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(seeded).allSatisfy(s -> assertThat(row(s.accountId()).get("last_synced_at")).isNotNull());
    }

    @Test
    void aRevokedTokenDisconnectsThatAccountOnlyAndTheJobGoesOn() {
        List<Seeded> seeded = seed(Platform.TWITTER, 8);
        Seeded revoked = seeded.get(3);
        fake(Platform.TWITTER).revokeAll(revoked.profile());

        JobExecution execution = run("twitter", 0);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, Object> gone = row(revoked.accountId());
        assertThat(gone.get("status")).isEqualTo("disconnected");
        assertThat(gone.get("access_token_enc")).isNull();
        assertThat((String) gone.get("sync_error")).contains("revoked");
        for (Seeded s : seeded) {
            if (s != revoked) {
                assertThat(row(s.accountId()).get("status")).isEqualTo("connected");
            }
        }
        assertThat(count(partitions(execution, Platform.TWITTER), SocialSyncWriter.DISCONNECTED)).isEqualTo(1);
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnceAndTheRotatedRefreshTokenIsKept() {
        // given: a TikTok account whose access token the platform no longer takes (a 401 on the data call)
        Seeded account = seed(Platform.TIKTOK, 1).get(0);
        fake(Platform.TIKTOK).expireAccessTokens(account.profile());
        byte[] refreshBefore = (byte[]) row(account.accountId()).get("refresh_token_enc");

        JobExecution execution = run("tiktok", 0);

        // then: refreshed once, retried once, synced; the new (rotated) refresh token is stored
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, Object> after = row(account.accountId());
        assertThat(after.get("status")).isEqualTo("connected");
        assertThat(after.get("last_synced_at")).isNotNull();
        String aad = SocialAccountSync.aad(account.userId(), Platform.TIKTOK, "refresh");
        assertThat(cipher.decrypt((byte[]) after.get("refresh_token_enc"), aad)).isNotEqualTo(cipher.decrypt(refreshBefore, aad));
    }

    @Test
    void aDisconnectRacingASyncWins() {
        // given: a slow platform, so the disconnect lands while the account's read is in flight
        Seeded account = seed(Platform.YOUTUBE, 1).get(0);
        fake(Platform.YOUTUBE).resetCounters();
        fake(Platform.YOUTUBE).latency(Duration.ofMillis(400));
        CompletableFuture<JobExecution> job = CompletableFuture.supplyAsync(() -> run("youtube", 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> fake(Platform.YOUTUBE).dataRequestsFor(account.profile()) >= 1);

        // when: the owner disconnects (what DELETE /api/social/youtube/disconnect does)
        jdbi.useTransaction(h -> h.attach(SocialAccountDao.class).markDisconnected(account.accountId(), "disconnected by the owner"));

        // then: the sync's write finds the account gone and leaves it disconnected, tokens erased
        assertThat(job.join().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, Object> after = row(account.accountId());
        assertThat(after.get("status")).isEqualTo("disconnected");
        assertThat(after.get("access_token_enc")).isNull();
        assertThat(after.get("last_synced_at")).isNull();
    }

    @Test
    void aReconnectBetweenReadAndWriteIsNotOverwrittenByTheOldConnectionsRead() {
        Seeded account = seed(Platform.INSTAGRAM, 1).get(0);
        SocialAccount read = accounts.find(account.userId(), "instagram").orElseThrow();
        // the owner reconnects: new tokens, new connected_at
        jdbi.useTransaction(h -> h.createUpdate("UPDATE social_accounts SET connected_at = now() + interval '1 second' WHERE id = :id")
                .bind("id", account.accountId()).execute());

        assertThat(accounts.markError(read.id(), read.connectedAt(), "stale")).isEmpty();
        assertThat(accounts.markDisconnected(read.id(), read.connectedAt(), "stale")).isEmpty();
        assertThat(row(account.accountId()).get("status")).isEqualTo("connected");
    }

    @Test
    void anUnreadableAnswerSkipsThatAccountWithTheErrorRecorded() {
        List<Seeded> seeded = seed(Platform.TIKTOK, 12);
        FakeSocialPlatform tiktok = fake(Platform.TIKTOK);
        tiktok.resetCounters();
        tiktok.failNext(1, Fault.MALFORMED);

        JobExecution execution = run("tiktok", 0);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<StepExecution> steps = partitions(execution, Platform.TIKTOK);
        assertThat(steps.stream().mapToLong(StepExecution::getProcessSkipCount).sum()).isEqualTo(1);
        assertThat(count(steps, SocialSyncWriter.SKIPPED)).isEqualTo(1);
        List<Map<String, Object>> rows = seeded.stream().map(s -> row(s.accountId())).toList();
        assertThat(rows).filteredOn(r -> "error".equals(r.get("status"))).singleElement()
                .satisfies(r -> assertThat((String) r.get("sync_error")).contains("no JSON object"));
        // the garbled account was called once (not retried), every other one twice (user/info, video/list)
        assertThat(seeded.stream().mapToLong(s -> tiktok.dataRequestsFor(s.profile())).sum()).isEqualTo(12 * 2 - 1);
    }

    @Test
    void aRestartAfterAFailedRunCompletesWithoutFetchingFinishedAccountsAgain() {
        // given: 40 YouTube accounts (chunks of 10); after the first 10 accounts every answer is garbage,
        // so the partitions pass their skip limit (3) and the run fails
        List<Seeded> seeded = seed(Platform.YOUTUBE, 40);
        FakeSocialPlatform youtube = fake(Platform.YOUTUBE);
        youtube.resetCounters();
        youtube.injectFaultsAfter(30, 1.0, 5, Fault.MALFORMED);    // 3 calls an account: the first 10 read fine
        Instant started = Instant.now();

        JobExecution failed = run("youtube", 0);

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(partitions(failed, Platform.YOUTUBE)).anySatisfy(step ->
                assertThat(step.getExitStatus().getExitDescription()).contains("skip limit"));
        // Finished: the outcome written (synced, or the unreadable answer recorded). The reads started
        // ahead for chunks that never committed are not finished: a restart makes them again.
        Map<UUID, Long> callsBefore = new java.util.HashMap<>();
        Map<UUID, Boolean> finishedBefore = new java.util.HashMap<>();
        for (Seeded s : seeded) {
            callsBefore.put(s.accountId(), youtube.dataRequestsFor(s.profile()));
            finishedBefore.put(s.accountId(), jdbi.withHandle(h -> h.createQuery(
                            "SELECT sync_attempted_at >= :started FROM social_accounts WHERE id = :id")
                    .bind("started", started).bind("id", s.accountId()).mapTo(Boolean.class).one()));
        }
        long finished = finishedBefore.values().stream().filter(b -> b).count();
        assertThat(finished).isBetween(11L, 39L);

        // when: the platform recovers and the operator restarts the run
        youtube.injectFaults(0, 1);
        JobExecution restarted = restart(failed);

        // then: it completes; accounts finished before the failure were not fetched again, the rest were
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        for (Seeded s : seeded) {
            long before = callsBefore.get(s.accountId());
            long after = youtube.dataRequestsFor(s.profile());
            if (finishedBefore.get(s.accountId())) {
                assertThat(after).as("calls for an account finished in the failed run").isEqualTo(before);
            } else {
                assertThat(after).as("calls for an account left by the failed run").isEqualTo(before + 3);
                assertThat(row(s.accountId()).get("status")).isEqualTo("connected");
            }
        }
    }
}
