package com.creatorcampaignpro.auth;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

import java.time.Instant;
import java.util.Optional;

/** Login attempts kept in PostgreSQL so every instance of the cluster enforces the same limits. */
public interface LoginAttemptDao {

    /**
     * The outcome of {@link #reserve}: the id of the attempt row written (a failure until the
     * password proves right), or 0 with the moment the blocking limit's oldest counted row leaves
     * its window.
     */
    record Reservation(long attemptId, Instant blockedByClientUntil, Instant blockedByAccountUntil) {
        public boolean granted() {
            return attemptId != 0;
        }
    }

    /**
     * Counts an attempt before the password is checked, so N parallel guesses can never all pass a
     * limit read before any of them was recorded. The account's and the client's advisory locks
     * (always in that order: no deadlock) serialize the count and the insert of concurrent logins
     * on the same account or address, on every instance.
     */
    @Transaction
    default Reservation reserve(String accountKey, String clientKey, Instant clientSince, int clientMax,
                                Instant accountSince, int accountMax) {
        lock("login-account:" + accountKey);
        lock("login-client:" + clientKey);
        Optional<Instant> client = nthLatestAttemptOfClient(clientKey, clientSince, clientMax);
        Optional<Instant> account = nthLatestFailureOfAccount(accountKey, accountSince, accountMax);
        if (client.isPresent() || account.isPresent()) {
            return new Reservation(0, client.orElse(null), account.orElse(null));
        }
        return new Reservation(recordReturningId(accountKey, clientKey, false), null, null);
    }

    /** Held until the transaction ends. */
    @SqlQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(:key, 0))")
    int lock(@Bind("key") String key);

    @SqlQuery("INSERT INTO login_attempts (account_key, client_key, succeeded) VALUES (:account, :client, :succeeded) RETURNING id")
    long recordReturningId(@Bind("account") String accountKey, @Bind("client") String clientKey,
                           @Bind("succeeded") boolean succeeded);

    /** The reserved attempt turned out right. */
    @SqlUpdate("UPDATE login_attempts SET succeeded = true WHERE id = :id")
    int markSucceeded(@Bind("id") long attemptId);

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
