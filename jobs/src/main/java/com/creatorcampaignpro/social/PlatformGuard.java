package com.creatorcampaignpro.social;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.Counter;
import com.creatorcampaignpro.monitoring.SocialApiMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The resilience mechanics around one platform's calls, with Resilience4j, shared by every thread of
 * the instance: Retry (outermost: each attempt goes through everything below again) → CircuitBreaker →
 * RateLimiter(s) → Bulkhead → the HTTP call. The bulkhead is innermost so that a thread waiting for a
 * rate permit or sleeping between retries holds no in-flight slot.
 */
final class PlatformGuard {
    private final Platform platform;
    private final SocialProperties.Limits limits;
    private final Retry retry;
    private final Retry noRetry;
    private final CircuitBreaker circuit;
    private final List<RateLimiter> rateLimiters = new ArrayList<>();
    private final Bulkhead bulkhead;
    private final SocialApiMetrics metrics;
    private final Timer rateLimitWaits;
    private final Counter retries;

    PlatformGuard(Platform platform, SocialProperties.Limits limits, MeterRegistry meters, SocialCallStats stats) {
        this.platform = platform;
        this.limits = limits;
        this.metrics = SocialApiMetrics.of(meters);
        String name = platform.dbValue();
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(limits.backoff(), 2.0, 0.5, limits.maxBackoff());
        // A 429 asks for its own wait; everything else backs off exponentially with jitter.
        IntervalBiFunction<Object> interval = (attempt, outcome) ->
                outcome.isLeft() && outcome.getLeft() instanceof ProviderRateLimitedException limited
                        ? limited.retryAfter().toMillis() : backoff.apply(attempt);
        this.retry = Retry.of(name, RetryConfig.custom()
                .maxAttempts(Math.max(1, limits.maxAttempts()))
                .intervalBiFunction(interval)
                .retryOnException(this::worthAnotherTry)
                .build());
        this.noRetry = Retry.of(name + "-once", RetryConfig.custom().maxAttempts(1).build());
        this.circuit = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(Math.max(1, limits.minimumCalls()))
                .minimumNumberOfCalls(Math.max(1, limits.minimumCalls()))
                .failureRateThreshold(Math.min(100, Math.max(1, limits.failureRatePercent())))
                .waitDurationInOpenState(limits.openFor())
                .recordExceptions(TransientProviderException.class)
                .build());
        if (limits.requestsPerSecond() > 0) {
            // Paced like the per-window quota (windowCycle), with a window of one second: no burst, and
            // no second, wherever it starts, sees more than n requests, even right after an idle moment
            // when one permit comes at its cycle's very end and the next at the following cycle's start.
            // The cost is 1/n of the rate plus the allowance (about 3.4 % at 100 a second).
            rateLimiters.add(RateLimiter.of(name + "-per-second", RateLimiterConfig.custom()
                    .limitForPeriod(1)
                    .limitRefreshPeriod(windowCycle(limits.requestsPerSecond(), Duration.ofSeconds(1), limits.jitterAllowance()))
                    .timeoutDuration(limits.maxPermitWait())
                    .build()));
        }
        if (limits.requestsPerWindow() > 0) {
            rateLimiters.add(RateLimiter.of(name + "-per-window", RateLimiterConfig.custom()
                    .limitForPeriod(1)
                    .limitRefreshPeriod(windowCycle(limits.requestsPerWindow(), limits.window(), limits.jitterAllowance()))
                    .timeoutDuration(limits.maxPermitWait())
                    .build()));
        }
        this.bulkhead = Bulkhead.of(name, BulkheadConfig.custom()
                .maxConcurrentCalls(Math.max(1, limits.maxConcurrent()))
                .maxWaitDuration(limits.maxPermitWait())
                .build());
        if (!rateLimiters.isEmpty()) {
            RateLimiter perSecond = rateLimiters.get(0);
            metrics.permits(name, () -> perSecond.getMetrics().getAvailablePermissions());
        }
        this.rateLimitWaits = Timer.builder("ccp.social.ratelimit.waits").tag("platform", name)
                .description("time spent waiting for a permit of our own rate limit").register(meters);
        this.retries = Counter.builder("ccp.social.retries").tag("platform", name)
                .description("calls tried again after a transient failure or a short 429").register(meters);
        retry.getEventPublisher().onRetry(event -> {
            retries.increment();
            stats.retried(platform);
        });
    }

    /**
     * The per-window quota paced, one permit per cycle. n permits per window, all at a cycle's start
     * (Resilience4j's cycles are fixed), let n more through at the next cycle's start: twice the quota
     * within moments, across the boundary, while platforms count in windows of their own alignment
     * (TikTok and Instagram in rolling ones). With one permit per cycle, permits k and k + n fall in
     * cycles at least n apart, so more than n - 1 cycles apart in time (the first may come at its
     * cycle's very end): cycles of (window + allowance) / (n - 1), rounded up, put n + 1 permits more
     * than window + allowance apart, so no window of that length, wherever it starts, holds more than n.
     * The cost: 1/n of the quota, and no burst at a window's start. A quota of 1 cannot be held this
     * way (two cycles' permits can come together); it gets one permit per window + allowance.
     */
    static Duration windowCycle(int perWindow, Duration window, Duration allowance) {
        long span = window.plus(allowance).toNanos();
        long cycles = Math.max(1, perWindow - 1);
        return Duration.ofNanos((span + cycles - 1) / cycles);
    }

    private boolean worthAnotherTry(Throwable failure) {
        return failure instanceof TransientProviderException
                || (failure instanceof ProviderRateLimitedException limited
                && limited.retryAfter().compareTo(limits.maxInPlaceWait()) <= 0);
    }

    /**
     * Runs one request. {@code retryable} is false for token endpoints: a refresh that timed out may
     * have rotated the refresh token on the platform, so sending the old one again would be refused.
     */
    <T> T execute(Supplier<T> call, boolean retryable) {
        // Each attempt that reaches the platform is counted by its outcome, retries included.
        Supplier<T> inFlight = Bulkhead.decorateSupplier(bulkhead, () -> {
            try {
                T result = call.get();
                count("ok");
                return result;
            } catch (SocialProviderException failure) {
                count(kind(failure));
                throw failure;
            }
        });
        Supplier<T> limited = () -> {
            long start = System.nanoTime();
            for (RateLimiter limiter : rateLimiters) {
                RateLimiter.waitForPermission(limiter);
            }
            if (!rateLimiters.isEmpty()) {
                rateLimitWaits.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
            return inFlight.get();
        };
        Supplier<T> guarded = Retry.decorateSupplier(retryable ? retry : noRetry,
                CircuitBreaker.decorateSupplier(circuit, limited));
        try {
            return guarded.get();
        } catch (CallNotPermittedException open) {
            count("circuit_open");
            throw new PlatformUnavailableException(platform, "calls suspended for up to " + limits.openFor().toSeconds()
                    + " s: the platform failed " + limits.failureRatePercent() + " % or more of the last "
                    + limits.minimumCalls() + " calls", limits.openFor());
        } catch (RequestNotPermitted | BulkheadFullException busy) {
            count("throttled");
            throw new ProviderRateLimitedException(platform, "no request permit within "
                    + limits.maxPermitWait().toSeconds() + " s (our own limit)", limits.maxPermitWait());
        }
    }

    private void count(String outcome) {
        metrics.request(platform.dbValue(), outcome);
    }

    /** The quota the platform said is left (a response header), for the remaining-quota gauge. */
    void remaining(long quota) {
        metrics.remaining(platform.dbValue(), quota);
    }

    static String kind(SocialProviderException failure) {
        String simple = failure.getClass().getSimpleName().replace("Exception", "");
        return switch (simple) {
            case "ProviderRateLimited" -> "rate_limited";
            case "TransientProvider" -> "transient";
            case "TokenRevoked" -> "revoked";
            case "UnreadableResponse" -> "unreadable";
            case "ProfileUnavailable" -> "no_profile";
            case "PlatformUnavailable" -> "circuit_open";
            default -> simple.toLowerCase(Locale.ROOT);
        };
    }

    /** The limiters' configurations, per second first (tests check their burst). */
    List<RateLimiterConfig> rateLimiterConfigs() {
        return rateLimiters.stream().map(RateLimiter::getRateLimiterConfig).toList();
    }

    CircuitBreaker.State circuitState() {
        return circuit.getState();
    }
}
