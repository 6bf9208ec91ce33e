package com.creatorcampaignpro.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Calls to the social platforms' APIs, per platform (instagram, youtube, tiktok, twitter):
 * {@code ccp.social.requests} (counter, tag outcome: ok, rate_limited, revoked, transient, unreadable),
 * {@code ccp.social.errors} (counter of every outcome but ok), and {@code ccp.social.ratelimit.remaining}
 * (gauge: the last remaining quota a platform reported, e.g. X's x-rate-limit-remaining; -1 = not
 * reported yet). The adapters call {@link #request} once per HTTP call and {@link #remaining}
 * when a response carries a quota header.
 */
public final class SocialApiMetrics {
    public static final String REQUESTS = "ccp.social.requests";
    public static final String ERRORS = "ccp.social.errors";
    public static final String REMAINING = "ccp.social.ratelimit.remaining";
    static final List<String> PLATFORMS = List.of("instagram", "youtube", "tiktok", "twitter");

    private final MeterRegistry meters;
    private final Map<String, AtomicLong> remaining = new ConcurrentHashMap<>();

    public SocialApiMetrics(MeterRegistry meters) {
        this.meters = meters;
        for (String platform : PLATFORMS) {
            requests(platform, "ok");
            errors(platform);
            gauge(platform);
        }
    }

    public void request(String platform, String outcome) {
        requests(platform, outcome).increment();
        if (!"ok".equals(outcome)) {
            errors(platform).increment();
        }
    }

    public void remaining(String platform, long quota) {
        gauge(platform).set(quota);
    }

    private Counter requests(String platform, String outcome) {
        return Counter.builder(REQUESTS).description("HTTP calls to a social platform's API")
                .tag("platform", platform).tag("outcome", outcome).register(meters);
    }

    private Counter errors(String platform) {
        return Counter.builder(ERRORS).description("failed calls to a social platform's API")
                .tag("platform", platform).register(meters);
    }

    private AtomicLong gauge(String platform) {
        return remaining.computeIfAbsent(platform, p -> {
            AtomicLong value = new AtomicLong(-1);
            Gauge.builder(REMAINING, value, AtomicLong::get).description("remaining API quota the platform last reported")
                    .tag("platform", p).register(meters);
            return value;
        });
    }
}
