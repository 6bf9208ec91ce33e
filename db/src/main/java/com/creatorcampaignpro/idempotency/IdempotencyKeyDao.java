package com.creatorcampaignpro.idempotency;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.Optional;
import java.util.UUID;

@RegisterConstructorMapper(StoredResponse.class)
public interface IdempotencyKeyDao {

    /**
     * Claims the key. Returns 1 for the first request; 0 when the key exists. A concurrent request
     * with the same key blocks here on the primary key until the first one commits or rolls back.
     */
    @SqlUpdate("""
            INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash)
            VALUES (:userId, :key, :requestHash)
            ON CONFLICT (user_id, idempotency_key) DO NOTHING
            """)
    int claim(@Bind("userId") UUID userId, @Bind("key") String key, @Bind("requestHash") byte[] requestHash);

    @SqlQuery("""
            SELECT request_hash, response_status, response_body FROM idempotency_keys
            WHERE user_id = :userId AND idempotency_key = :key
            """)
    Optional<StoredResponse> find(@Bind("userId") UUID userId, @Bind("key") String key);

    @SqlUpdate("""
            UPDATE idempotency_keys SET response_status = :status, response_body = :body
            WHERE user_id = :userId AND idempotency_key = :key
            """)
    void complete(@Bind("userId") UUID userId, @Bind("key") String key, @Bind("status") int status,
                  @Bind("body") String body);

    /** Gives the key up after the request failed, so a retry runs it again. Only an unfinished claim. */
    @SqlUpdate("""
            DELETE FROM idempotency_keys
            WHERE user_id = :userId AND idempotency_key = :key AND response_status IS NULL
            """)
    int release(@Bind("userId") UUID userId, @Bind("key") String key);

    /**
     * Takes over a claim whose request never finished (its instance died mid-call) once it is older
     * than {@code staleAfterSeconds}: 1 when this caller now owns it.
     */
    @SqlUpdate("""
            UPDATE idempotency_keys SET created_at = now()
            WHERE user_id = :userId AND idempotency_key = :key AND response_status IS NULL
              AND created_at < now() - make_interval(secs => :staleAfterSeconds)
            """)
    int takeOverStale(@Bind("userId") UUID userId, @Bind("key") String key, @Bind("staleAfterSeconds") long staleAfterSeconds);
}
