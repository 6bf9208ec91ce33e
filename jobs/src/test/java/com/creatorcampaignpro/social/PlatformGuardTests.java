package com.creatorcampaignpro.social;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-second limiter's burst, from its configuration (no clock involved): the fakes' sliding-window
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
        // Permits k and k + n are n cycles apart: at least 1 s + allowance, so any window of 1 s (and of
        // 1 s + allowance, the travel-time jitter tolerated) holds at most n of them...
        long cycle = config.getLimitRefreshPeriod().toNanos();
        assertThat(cycle * perSecond).isGreaterThanOrEqualTo(Duration.ofSeconds(1).plusMillis(allowanceMs).toNanos() - perSecond);
        // ...and no fewer than the limit asks for, beyond the allowance's share (no permits wasted).
        assertThat(cycle * perSecond).isLessThanOrEqualTo(Duration.ofSeconds(1).plusMillis(allowanceMs).toNanos());
    }

    @ParameterizedTest
    @CsvSource({"0", "-1"})
    void noPerSecondLimiterWithoutALimit(int perSecond) {
        PlatformGuard guard = new PlatformGuard(Platform.TIKTOK, SocialProperties.Limits.DEFAULTS.withRequestsPerSecond(perSecond),
                new SimpleMeterRegistry(), new SocialCallStats());

        assertThat(guard.rateLimiterConfigs()).isEmpty();
    }
}
