package com.creatorcampaignpro.social;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * More partitions than connections: 6 partitions per platform (24) on a pool of 6, every token due for
 * a refresh (so the call threads store tokens meanwhile). At most pool - reserved partitions run at
 * once, the rest wait their turn. Nothing reserved: the 6 running may use the whole pool, which is
 * safe only if a partition never holds a connection while it waits for another (with the reader's
 * connection held to the chunk's end, 6 partitions each held one and waited for a second).
 */
class SocialSyncSmallPoolIntegrationTests extends SocialSyncTestSupport {
    static final int POOL = 6;
    static final int RESERVED = 0;
    static final int PER_PLATFORM = 6;

    @DynamicPropertySource
    static void smallPool(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> POOL);
        registry.add("spring.datasource.hikari.minimum-idle", () -> 1);
        // A starved pool fails the chunk after this instead of Hikari's 30 s; a sound one never waits that long.
        registry.add("spring.datasource.hikari.connection-timeout", () -> "10000");
        registry.add("ccp.social.sync.partitions-per-platform", () -> PER_PLATFORM);
        registry.add("ccp.social.sync.reserved-connections", () -> RESERVED);
        // The partitions' turns, not X's 5 requests a second, set the pace
        for (Platform p : Platform.values()) {
            registry.add("ccp.social." + p.dbValue() + ".limits.requests-per-second", () -> 0);
        }
    }

    @AfterEach
    void calm() {
        FAKES.values().forEach(fake -> fake.latency(Duration.ZERO));
    }

    @Test
    void manyPartitionsOnASmallPoolSyncEveryAccountWithAtMostPoolMinusReservedRunningAtOnce() {
        // given: 60 accounts a platform (10 a partition: a chunk each, two pages), tokens expiring within the
        // refresh skew, and platforms slow enough that every partition's calls overlap the others' writes
        List<Seeded> seeded = new ArrayList<>();
        for (Platform p : Platform.values()) {
            seeded.addAll(seed(p, 60, Duration.ofMinutes(1)));
        }
        FAKES.values().forEach(fake -> fake.latency(Duration.ofMillis(20)));
        Instant started = Instant.now();

        // when
        JobExecution execution = run(null, 0);

        // then: every account synced, with its refreshed token stored
        assertThat(execution.getStatus()).as("%s", execution.getAllFailureExceptions()).isEqualTo(BatchStatus.COMPLETED);
        UUID[] ids = seeded.stream().map(Seeded::accountId).toArray(UUID[]::new);
        long synced = jdbi.withHandle(h -> h.createQuery("""
                        SELECT count(*) FROM social_accounts
                        WHERE id = ANY(:ids) AND status = 'connected' AND last_synced_at >= :started
                          AND token_expires_at > CAST(:started AS timestamptz) + interval '10 minutes'""")
                .bind("ids", ids).bind("started", started).mapTo(Long.class).one());
        assertThat(synced).isEqualTo(seeded.size());
        List<StepExecution> all = new ArrayList<>();
        for (Platform p : Platform.values()) {
            List<StepExecution> steps = partitions(execution, p);
            assertThat(steps).hasSize(PER_PLATFORM).allSatisfy(s -> assertThat(s.getStatus()).isEqualTo(BatchStatus.COMPLETED));
            all.addAll(steps);
        }
        // and never more partitions at once than the pool leaves them (each holds one connection at most)
        assertThat(mostAtOnce(all)).isLessThanOrEqualTo(POOL - RESERVED);
    }

    /** The most partitions running at one moment, from their start and end times. */
    private static int mostAtOnce(List<StepExecution> steps) {
        int most = 0;
        for (StepExecution s : steps) {
            int running = 0;
            for (StepExecution other : steps) {
                if (!other.getStartTime().isAfter(s.getStartTime()) && other.getEndTime().isAfter(s.getStartTime())) {
                    running++;
                }
            }
            most = Math.max(most, running);
        }
        return most;
    }
}
