package com.creatorcampaignpro.auth;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.Optional;

/** Login attempts kept in PostgreSQL so every instance of the cluster enforces the same limits. */
public interface LoginAttemptDao {

    @SqlUpdate("INSERT INTO login_attempts (account_key, client_key, succeeded) VALUES (:account, :client, :succeeded)")
    void record(@Bind("account") String accountKey, @Bind("client") String clientKey, @Bind("succeeded") boolean succeeded);

    /**
     * The time the oldest counted attempt leaves the window, if {@code max} or more attempts fall in
     * it: the moment the caller may try again. Empty when under the limit.
     */
    @SqlQuery("""
            SELECT attempted_at FROM login_attempts
            WHERE account_key = :account AND NOT succeeded AND attempted_at > :since
            ORDER BY attempted_at DESC
            OFFSET :max - 1 LIMIT 1
            """)
    Optional<Instant> nthLatestFailureOfAccount(@Bind("account") String accountKey, @Bind("since") Instant since,
                                                @Bind("max") int max);

    @SqlQuery("""
            SELECT attempted_at FROM login_attempts
            WHERE client_key = :client AND attempted_at > :since
            ORDER BY attempted_at DESC
            OFFSET :max - 1 LIMIT 1
            """)
    Optional<Instant> nthLatestAttemptOfClient(@Bind("client") String clientKey, @Bind("since") Instant since,
                                               @Bind("max") int max);

    /** A successful login forgives the account's earlier failures. */
    @SqlUpdate("DELETE FROM login_attempts WHERE account_key = :account AND NOT succeeded")
    int clearFailuresOfAccount(@Bind("account") String accountKey);
}
