package com.creatorcampaignpro.social;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The limiters: the per-second one's burst, from its configuration (no clock involved): the fakes' sliding-window
 * counts (SocialAdaptersAgainstFakesTests, SocialSyncRateLimitIntegrationTests) check the same bound
 * on the wire, where the machine's scheduling adds its own jitter.
 */
class PlatformGuardTests {

    @ParameterizedTest
    @CsvSource({"100, 25", "20, 25", "8, 0", "5, 1000"})
    void thePerSecondLimiterHandsOutOnePermitPerCycleSoNoSecondHoldsMoreThanTheLimit(int perSecond, long allowanceMs) {
        SocialProperties.Limits limits = SocialProperties.Limits.DEFAULTS.withRequestsPerSecond(perSecond)
                .withJitterAllowance(Duration.ofMillis(allowanceMs));
        PlatformGuard guard = new PlatformGuard(Platform.TIKTOK, limits, new SimpleMeterRegistry(), new SocialCallStats());

        RateLimiterConfig config = guard.rateLimiterConfigs().get(0);

        // One permit per cycle, unused permits are not saved up: the burst is a single request.
        assertThat(config.getLimitForPeriod()).isEqualTo(1);
        // Permits k and k + n are at least n cycles apart when threads wait for them, but only n - 1 cycles
        // after an idle moment (the first at its cycle's very end, the next at the following cycle's start):
        // n - 1 cycles must span 1 s + allowance, so no second, wherever it starts, holds more than n...
        long cycle = config.getLimitRefreshPeriod().toNanos();
        long span = Duration.ofSeconds(1).plusMillis(allowanceMs).toNanos();
        assertThat(cycle * (perSecond - 1)).isGreaterThanOrEqualTo(span);
        // ...and no fewer than that asks for (1/n of the rate and the allowance's share are the whole cost).
        assertThat(cycle * (perSecond - 1)).isLessThan(span + perSecond);
    }

    @ParameterizedTest
    @CsvSource({"0", "-1"})
    void noPerSecondLimiterWithoutALimit(int perSecond) {
        PlatformGuard guard = new PlatformGuard(Platform.TIKTOK, SocialProperties.Limits.DEFAULTS.withRequestsPerSecond(perSecond),
                new SimpleMeterRegistry(), new SocialCallStats());

        assertThat(guard.rateLimiterConfigs()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"900, 900000, 25", "2, 1000, 0", "100, 60000, 1000"})
    void thePerWindowLimiterHandsOutOnePermitPerCycleSoQuotaPlusOnePermitsSpanMoreThanTheWindow(int quota, long windowMs,
                                                                                                 long allowanceMs) {
        SocialProperties.Limits limits = SocialProperties.Limits.DEFAULTS.withRequestsPerWindow(quota, Duration.ofMillis(windowMs))
                .withJitterAllowance(Duration.ofMillis(allowanceMs));
        PlatformGuard guard = new PlatformGuard(Platform.TWITTER, limits, new SimpleMeterRegistry(), new SocialCallStats());

        RateLimiterConfig config = guard.rateLimiterConfigs().get(0);

        assertThat(config.getLimitForPeriod()).isEqualTo(1);
        // Permits k and k + quota are more than quota - 1 cycles apart
        long cycle = config.getLimitRefreshPeriod().toNanos();
        assertThat(cycle * (quota - 1)).isGreaterThanOrEqualTo(Duration.ofMillis(windowMs + allowanceMs).toNanos())
                .isLessThan(Duration.ofMillis(windowMs + allowanceMs).toNanos() + quota);
    }

    @Test
    void noWindowOfTheConfiguredLengthHoldsMoreThanTheQuotaWhereverItStarts() throws Exception {
        // given: 4 requests per 400 ms window, no per-second limit, and a 300 ms allowance for this busy
        // machine's scheduling delays between a permit and the timestamp taken after it
        Duration window = Duration.ofMillis(400);
        int quota = 4;
        SocialProperties.Limits limits = SocialProperties.Limits.DEFAULTS.withRequestsPerWindow(quota, window)
                .withJitterAllowance(Duration.ofMillis(300));
        long created = System.nanoTime();
        PlatformGuard guard = new PlatformGuard(Platform.TWITTER, limits, new SimpleMeterRegistry(), new SocialCallStats());
        // when: idle for most of a window (where a fixed window lets its quota through and the next
        // window's quota moments later, at its start), then three quotas' worth of requests at once
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> System.nanoTime() - created >= window.toNanos() * 7 / 10);
        List<Long> granted = new CopyOnWriteArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(3 * quota);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 3 * quota; i++) {
                calls.add(threads.submit(() -> guard.execute(() -> granted.add(System.nanoTime()), false)));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            threads.shutdownNow();
        }

        // then: any quota + 1 of them are more than a window apart
        List<Long> sorted = granted.stream().sorted().toList();
        assertThat(sorted).hasSize(3 * quota);
        for (int i = 0; i + quota < sorted.size(); i++) {
            assertThat(sorted.get(i + quota) - sorted.get(i)).as("from request %d to request %d", i, i + quota)
                    .isGreaterThan(window.toNanos());
        }
    }
}
