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
 * (failures only, against guessing one account's password from many places). Each attempt is
 * reserved, as a failure, before bcrypt runs, and turned into a success only when it proves right.
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

    /**
     * Reserves an attempt before the password is checked: it counts as a failure (per account) and
     * as an attempt (per client) at once, so parallel guesses see each other. Over a limit: 429.
     */
    public long reserve(String email, String client) {
        Instant now = clock.instant();
        LoginAttemptDao.Reservation reservation = attempts.reserve(accountKey(email), client,
                now.minus(limits.perClientWindow()), limits.perClientAttempts(),
                now.minus(limits.perAccountWindow()), limits.perAccountFailures());
        if (reservation.blockedByClientUntil() != null) {
            throw new RateLimitedException("too many login attempts from this address",
                    retryAfter(reservation.blockedByClientUntil(), limits.perClientWindow(), now));
        }
        if (reservation.blockedByAccountUntil() != null) {
            throw new RateLimitedException("too many failed logins for this account",
                    retryAfter(reservation.blockedByAccountUntil(), limits.perAccountWindow(), now));
        }
        return reservation.attemptId();
    }

    /** The password was right: the reserved attempt is a success and forgives the account's failures. */
    public void succeeded(String email, long attemptId) {
        attempts.markSucceeded(attemptId);
        // Old rows count for nothing (every query is bounded by its window); housekeepingJob deletes them.
        attempts.clearFailuresOfAccount(accountKey(email));
    }

    private static Duration retryAfter(Instant oldestCounted, Duration window, Instant now) {
        Duration wait = Duration.between(now, oldestCounted.plus(window));
        return wait.isNegative() ? Duration.ofSeconds(1) : wait;
    }

    private static String accountKey(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }
}
