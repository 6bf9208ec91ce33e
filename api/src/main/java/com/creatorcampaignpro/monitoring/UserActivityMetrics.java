package com.creatorcampaignpro.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * {@code ccp.users.registrations.today}, {@code ccp.auth.logins.today} and {@code ccp.users.active.weekly}:
 * gauges read from PostgreSQL, so every instance reports the cluster's figure (aggregate with max(),
 * not sum()). Each value is cached so a scrape costs at most one small query per gauge and period.
 */
final class UserActivityMetrics {

    UserActivityMetrics(UserActivityDao dao, String zone, MeterRegistry meters, Clock clock) {
        register(meters, "ccp.users.registrations.today", "accounts created today (ccp.metrics.time-zone)",
                new Cached(() -> dao.registrationsToday(zone), Duration.ofSeconds(30), clock));
        register(meters, "ccp.auth.logins.today", "successful password logins today (ccp.metrics.time-zone)",
                new Cached(() -> dao.loginsToday(zone), Duration.ofSeconds(30), clock));
        register(meters, "ccp.users.active.weekly", "users who logged in or refreshed a session in the last 7 days",
                new Cached(dao::weeklyActiveUsers, Duration.ofMinutes(5), clock));
    }

    private static void register(MeterRegistry meters, String name, String description, Cached value) {
        Gauge.builder(name, value, Cached::get).description(description).strongReference(true).register(meters);
    }

    /** A value recomputed at most once per {@code ttl}; NaN (no sample) while the database is unreachable. */
    static final class Cached {
        private final LongSupplier source;
        private final Duration ttl;
        private final Clock clock;
        private Instant computedAt = Instant.MIN;
        private double value = Double.NaN;

        Cached(LongSupplier source, Duration ttl, Clock clock) {
            this.source = source;
            this.ttl = ttl;
            this.clock = clock;
        }

        synchronized double get() {
            Instant now = clock.instant();
            if (computedAt.plus(ttl).isBefore(now)) {
                try {
                    value = source.getAsLong();
                } catch (RuntimeException e) {
                    value = Double.NaN;
                }
                computedAt = now;
            }
            return value;
        }
    }
}
