package com.creatorcampaignpro.auth;

import com.creatorcampaignpro.web.RateLimitedException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Sliding-window limits on logins, kept in PostgreSQL so they hold across every instance: per
 * client address (all attempts, against password spraying from one place) and per account
 * (failures only, against guessing one account's password from many places).
 */
@Component
public class LoginRateLimiter {
    private final LoginAttemptDao attempts;
    private final AuthProperties.LoginLimit limits;
    private final Clock clock = Clock.systemUTC();

    public LoginRateLimiter(LoginAttemptDao attempts, AuthProperties properties) {
        this.attempts = attempts;
        this.limits = properties.loginLimit();
    }

    public void check(String email, String client) {
        Instant now = clock.instant();
        attempts.nthLatestAttemptOfClient(client, now.minus(limits.perClientWindow()), limits.perClientAttempts())
                .ifPresent(oldestCounted -> {
                    throw new RateLimitedException("too many login attempts from this address",
                            retryAfter(oldestCounted, limits.perClientWindow(), now));
                });
        attempts.nthLatestFailureOfAccount(accountKey(email), now.minus(limits.perAccountWindow()), limits.perAccountFailures())
                .ifPresent(oldestCounted -> {
                    throw new RateLimitedException("too many failed logins for this account",
                            retryAfter(oldestCounted, limits.perAccountWindow(), now));
                });
    }

    public void recordFailure(String email, String client) {
        attempts.record(accountKey(email), client, false);
    }

    public void recordSuccess(String email, String client) {
        attempts.clearFailuresOfAccount(accountKey(email));
        // Old rows count for nothing (every query is bounded by its window); housekeepingJob deletes them.
        attempts.record(accountKey(email), client, true);
    }

    private static Duration retryAfter(Instant oldestCounted, Duration window, Instant now) {
        Duration wait = Duration.between(now, oldestCounted.plus(window));
        return wait.isNegative() ? Duration.ofSeconds(1) : wait;
    }

    private static String accountKey(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }
}
