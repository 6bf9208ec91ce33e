package com.creatorcampaignpro.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * API rate limits: a bucket per endpoint family (the path segment after {@code /api/}) and caller,
 * one for the user (from the access token) and one for the client address. A family may override
 * either limit; the rest use the defaults.
 */
@ConfigurationProperties("ccp.rate-limit")
public record RateLimitProperties(boolean enabled, Limit perUser, Limit perAddress, Map<String, FamilyLimits> families,
                                  String keyPrefix, Duration redisTimeout) {

    public RateLimitProperties {
        families = families == null ? Map.of() : Map.copyOf(families);
        keyPrefix = keyPrefix == null || keyPrefix.isBlank() ? "ccp:rl:" : keyPrefix;
        redisTimeout = redisTimeout == null ? Duration.ofMillis(500) : redisTimeout;
        if (enabled && (perUser == null || perAddress == null)) {
            throw new IllegalArgumentException("ccp.rate-limit.per-user and per-address are required when rate limits are enabled");
        }
    }

    /** {@code requests} per {@code per}, refilled smoothly (greedy refill). */
    public record Limit(long requests, Duration per) {
        public Limit {
            if (requests < 1 || per == null || per.isZero() || per.isNegative()) {
                throw new IllegalArgumentException("a rate limit needs requests >= 1 and a positive period, got " + requests + " per " + per);
            }
        }
    }

    public record FamilyLimits(Limit perUser, Limit perAddress) {
    }

    Limit limitFor(String family, Subject subject) {
        FamilyLimits override = families.get(family);
        Limit specific = override == null ? null : subject == Subject.USER ? override.perUser() : override.perAddress();
        return specific != null ? specific : subject == Subject.USER ? perUser : perAddress;
    }

    /** Whose bucket a request draws from. */
    public enum Subject {
        USER("u"), ADDRESS("a");

        final String keyPart;

        Subject(String keyPart) {
            this.keyPart = keyPart;
        }
    }
}
