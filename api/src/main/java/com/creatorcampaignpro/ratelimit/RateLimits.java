package com.creatorcampaignpro.ratelimit;

import com.creatorcampaignpro.ratelimit.RateLimitProperties.Limit;
import com.creatorcampaignpro.ratelimit.RateLimitProperties.Subject;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Decides whether a request may pass, drawing one token from the caller's bucket of its family. */
public class RateLimits {
    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

    private final RateLimitProperties properties;
    private final BucketStore store;
    private final MeterRegistry meters;
    private final ConcurrentMap<Limit, BucketConfiguration> configurations = new ConcurrentHashMap<>();

    RateLimits(RateLimitProperties properties, BucketStore store, MeterRegistry meters) {
        this.properties = properties;
        this.store = store;
        this.meters = meters;
    }

    /** The outcome for one bucket: what the RateLimit-* headers report. */
    public record Decision(boolean allowed, Limit limit, long remaining, Duration retryAfter, Duration reset) {
    }

    /**
     * Takes a token for {@code subject} in {@code family}. When the store fails (Redis down), the
     * request passes: an outage of the limiter must not become an outage of the API.
     */
    public Decision check(String family, Subject subject, String subjectId) {
        Limit limit = properties.limitFor(family, subject);
        // The limit is part of the key: a changed limit starts fresh buckets instead of keeping the old shape.
        String key = properties.keyPrefix() + family + ':' + subject.keyPart + ':' + subjectId + ':'
                + limit.requests() + '/' + limit.per().toSeconds();
        try {
            ConsumptionProbe probe = store.tryConsume(key, configurations.computeIfAbsent(limit, RateLimits::configuration));
            Decision decision = new Decision(probe.isConsumed(), limit, probe.getRemainingTokens(),
                    Duration.ofNanos(probe.getNanosToWaitForRefill()), Duration.ofNanos(probe.getNanosToWaitForReset()));
            if (!decision.allowed()) {
                meters.counter("ccp.ratelimit.rejected", "family", family, "subject", subject.name().toLowerCase()).increment();
            }
            return decision;
        } catch (RuntimeException e) {
            meters.counter("ccp.ratelimit.store.errors", "store", store.kind()).increment();
            log.warn("Rate limit store ({}) failed; letting the request pass: {}", store.kind(), e.toString());
            return new Decision(true, limit, limit.requests(), Duration.ZERO, Duration.ZERO);
        }
    }

    public String storeKind() {
        return store.kind();
    }

    private static BucketConfiguration configuration(Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.requests()).refillGreedy(limit.requests(), limit.per()))
                .build();
    }
}
