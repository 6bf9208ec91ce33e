package com.creatorcampaignpro.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Access tokens of deleted or deactivated accounts, refused on every instance within
 * {@code ccp.auth.revocation-poll-interval} without a query per request. The set is small: only
 * accounts deactivated within the access-token lifetime matter (older tokens have expired anyway).
 * It is filled at start and then by polling {@code users.deactivated_at}, which the database
 * stamps (V120) whoever deactivates the account; a deletion on this instance is added at once.
 */
@Component
public class RevokedAccounts implements OAuth2TokenValidator<Jwt>, SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(RevokedAccounts.class);
    /** Overlap between polls, so a row committed late with an earlier now() is not missed. */
    private static final Duration OVERLAP = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final Duration tokenLifetime;
    private final Duration pollInterval;
    private final Map<UUID, Instant> revoked = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService poller;
    private volatile Instant polledUpTo;

    public RevokedAccounts(JdbcTemplate jdbc, AuthProperties properties) {
        this.jdbc = jdbc;
        this.tokenLifetime = properties.accessTokenTtl().plusMinutes(1);   // + clock skew the JWT validator allows
        this.pollInterval = properties.revocationPollInterval();
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        UUID subject;
        try {
            subject = UUID.fromString(token.getSubject());
        } catch (RuntimeException notOurs) {
            return OAuth2TokenValidatorResult.success();
        }
        Instant revokedAt = revoked.get(subject);
        Instant issuedAt = token.getIssuedAt();
        if (revokedAt != null && (issuedAt == null || !issuedAt.isAfter(revokedAt))) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                    "the account was deleted or deactivated", null));
        }
        return OAuth2TokenValidatorResult.success();
    }

    /** This instance deactivated the account: no need to wait for the next poll. */
    public void revokeNow(UUID userId) {
        revoked.put(userId, Instant.now());
    }

    /** Reads deactivations since the last poll (all within the token lifetime at start) and forgets expired ones. */
    void poll() {
        Instant since = polledUpTo == null ? null : polledUpTo.minus(OVERLAP);
        var rows = jdbc.query("""
                SELECT id, deactivated_at, now() AS db_now FROM users
                WHERE deactivated_at > COALESCE(?, now() - make_interval(secs => ?))
                """, (rs, i) -> new Object[]{rs.getObject("id", UUID.class), rs.getTimestamp("deactivated_at").toInstant(),
                rs.getTimestamp("db_now").toInstant()},
                since == null ? null : Timestamp.from(since), (double) tokenLifetime.toSeconds());
        Instant dbNow = rows.isEmpty()
                ? jdbc.queryForObject("SELECT now()", Timestamp.class).toInstant()
                : (Instant) rows.get(0)[2];
        for (Object[] row : rows) {
            revoked.merge((UUID) row[0], (Instant) row[1], (a, b) -> a.isAfter(b) ? a : b);
        }
        revoked.values().removeIf(at -> at.isBefore(dbNow.minus(tokenLifetime)));
        polledUpTo = dbNow;
    }

    int size() {
        return revoked.size();
    }

    @Override
    public void start() {
        poll();   // before the first request: a restarted instance must not accept a revoked token
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "revoked-accounts");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(() -> {
            try {
                poll();
            } catch (RuntimeException e) {
                // Keep the set as it is and try again: tokens expire on their own meanwhile.
                log.warn("Could not read revoked accounts: {}", e.getMessage());
            }
        }, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }
}
