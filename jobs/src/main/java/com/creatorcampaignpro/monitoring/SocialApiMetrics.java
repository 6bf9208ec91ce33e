package com.creatorcampaignpro.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Calls to the social platforms' APIs, per platform (instagram, youtube, tiktok, twitter), fed by
 * each platform's {@code PlatformGuard} (package social) for every request it lets through:
 * <ul>
 * <li>{@code ccp.social.requests} (counter, tag {@code outcome}): each HTTP attempt, retries included,
 * by outcome (ok, rate_limited = the platform's 429 or throttle answer, transient = IO, timeout or
 * 5xx, revoked, unreadable, no_profile), plus the calls our own guard refused without reaching the
 * platform (circuit_open, throttled = no permit of our own limit in time);</li>
 * <li>{@code ccp.social.errors} (counter, tag {@code kind}): every outcome but ok;</li>
 * <li>{@code ccp.social.ratelimit.remaining} (gauge): the remaining quota the platform last reported
 * in a response header (X's {@code x-rate-limit-remaining}; -1 = not reported yet);</li>
 * <li>{@code ccp.social.ratelimit.permits} (gauge): the permits our own per-second limiter has left
 * in its current cycle (-1 = no limit configured), the instance's side of the same question.</li>
 * </ul>
 * One instance per registry ({@link #of}): a gauge is bound to the first object registered under its
 * name, so a second instance's values would never be seen.
 */
public final class SocialApiMetrics {
    public static final String REQUESTS = "ccp.social.requests";
    public static final String ERRORS = "ccp.social.errors";
    public static final String REMAINING = "ccp.social.ratelimit.remaining";
    public static final String PERMITS = "ccp.social.ratelimit.permits";
    static final List<String> PLATFORMS = List.of("instagram", "youtube", "tiktok", "twitter");
    private static final Map<MeterRegistry, SocialApiMetrics> INSTANCES = new WeakHashMap<>();

    private final MeterRegistry meters;
    private final Map<String, AtomicLong> remaining = new ConcurrentHashMap<>();
    private final Map<String, AtomicReference<LongSupplier>> permits = new ConcurrentHashMap<>();

    /** The metrics of this registry, created with all their series at first use. */
    public static SocialApiMetrics of(MeterRegistry meters) {
        synchronized (INSTANCES) {
            return INSTANCES.computeIfAbsent(meters, SocialApiMetrics::new);
        }
    }

    private SocialApiMetrics(MeterRegistry meters) {
        this.meters = meters;
        for (String platform : PLATFORMS) {
            requests(platform, "ok");
            for (String kind : List.of("rate_limited", "transient", "revoked", "unreadable")) {
                errors(platform, kind);
            }
            gauge(platform);
            permitGauge(platform);
        }
    }

    public void request(String platform, String outcome) {
        requests(platform, outcome).increment();
        if (!"ok".equals(outcome)) {
            errors(platform, outcome).increment();
        }
    }

    private Counter errors(String platform, String kind) {
        return Counter.builder(ERRORS).description("failed or refused calls to a social platform's API")
                .tag("platform", platform).tag("kind", kind).register(meters);
    }

    public void remaining(String platform, long quota) {
        gauge(platform).set(quota);
    }

    /** Where the permits gauge reads from: the platform's limiter (the latest one wired wins). */
    public void permits(String platform, LongSupplier available) {
        permitGauge(platform).set(available);
    }

    private Counter requests(String platform, String outcome) {
        return Counter.builder(REQUESTS).description("HTTP calls to a social platform's API, by outcome")
                .tag("platform", platform).tag("outcome", outcome).register(meters);
    }

    private AtomicLong gauge(String platform) {
        return remaining.computeIfAbsent(platform, p -> {
            AtomicLong value = new AtomicLong(-1);
            Gauge.builder(REMAINING, value, AtomicLong::get).description("remaining API quota the platform last reported")
                    .tag("platform", p).register(meters);
            return value;
        });
    }

    private AtomicReference<LongSupplier> permitGauge(String platform) {
        return permits.computeIfAbsent(platform, p -> {
            AtomicReference<LongSupplier> source = new AtomicReference<>(() -> -1);
            Gauge.builder(PERMITS, source, s -> s.get().getAsLong())
                    .description("permits left in the current cycle of our own per-second limit (-1: no limit)")
                    .tag("platform", p).register(meters);
            return source;
        });
    }
}
