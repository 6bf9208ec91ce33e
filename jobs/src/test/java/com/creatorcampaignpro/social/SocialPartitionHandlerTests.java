package com.creatorcampaignpro.social;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SocialPartitionHandlerTests {

    @Test
    void atOnceIsThePoolLessTheReserveAtLeastOneAndEveryPartitionWhenThePoolIsUnknown() {
        assertThat(SocialPartitionHandler.atOnce(16, OptionalInt.of(12), 4)).isEqualTo(8);
        assertThat(SocialPartitionHandler.atOnce(8, OptionalInt.of(24), 4)).isEqualTo(8);
        assertThat(SocialPartitionHandler.atOnce(16, OptionalInt.of(4), 4)).isEqualTo(1);
        assertThat(SocialPartitionHandler.atOnce(16, OptionalInt.empty(), 4)).isEqualTo(16);
    }

    @Test
    void atMostPoolLessReserveRunAtOnceEveryPlatformBeforeAnySecondAndTheNextOfThePlatformWithFewestRunning() throws Exception {
        // given: a pool of 7 with 2 reserved (5 at once) and 6 partitions per platform, Instagram's handed over first
        Map<StepExecution, CountDownLatch> release = new ConcurrentHashMap<>();
        List<StepExecution> started = new CopyOnWriteArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Step step = partition -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            started.add(partition);
            try {
                release.get(partition).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
        };
        JobExecution job = new JobExecution(1L, new JobInstance(1L, "socialSyncJob"), new JobParameters());
        Set<StepExecution> partitions = new LinkedHashSet<>();
        long id = 1;
        for (Platform p : Platform.values()) {
            for (int slice = 0; slice < 6; slice++) {
                StepExecution partition = new StepExecution(id++, "socialSyncPlatformStep:social:" + p.dbValue() + ":" + slice, job);
                partition.getExecutionContext().putString(SocialSyncJobConfiguration.PARTITION_PLATFORM, p.dbValue());
                release.put(partition, new CountDownLatch(1));
                partitions.add(partition);
            }
        }
        SocialPartitionHandler handler = new SocialPartitionHandler(step, () -> OptionalInt.of(7), 2);

        // when
        CompletableFuture<Collection<StepExecution>> done = CompletableFuture.supplyAsync(() -> {
            try {
                return handler.doHandle(new StepExecution(0L, "socialSyncStep", job), partitions);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        // then: five start, one of each platform and a second of the first handed over
        await().atMost(Duration.ofSeconds(30)).until(() -> started.size() == 5);
        assertThat(started).extracting(SocialPartitionHandlerTests::platform)
                .containsExactlyInAnyOrder("instagram", "instagram", "youtube", "tiktok", "twitter");
        // when YouTube's ends, the next is YouTube's again (the only platform with none running)
        StepExecution youtube = started.stream().filter(s -> platform(s).equals("youtube")).findFirst().orElseThrow();
        release.get(youtube).countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> started.size() == 6);
        assertThat(platform(started.get(5))).isEqualTo("youtube");
        // when both of Instagram's end, Instagram is the one with none running: the next is Instagram's
        started.stream().filter(s -> platform(s).equals("instagram")).forEach(s -> release.get(s).countDown());
        await().atMost(Duration.ofSeconds(30)).until(() -> started.size() == 8);
        assertThat(started.subList(6, 8)).extracting(SocialPartitionHandlerTests::platform).contains("instagram");
        // and all run in the end, never more than 5 at once
        release.values().forEach(CountDownLatch::countDown);
        assertThat(done.get()).hasSize(24);
        assertThat(started).hasSize(24);
        assertThat(most.get()).isLessThanOrEqualTo(5);
    }

    private static String platform(StepExecution partition) {
        return partition.getExecutionContext().getString(SocialSyncJobConfiguration.PARTITION_PLATFORM);
    }
}
