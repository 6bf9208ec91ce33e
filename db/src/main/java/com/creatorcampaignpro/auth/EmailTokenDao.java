package com.creatorcampaignpro.auth;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Single-use tokens mailed to users (purpose {@code verify} or {@code reset}); only their SHA-256 is stored. */
public interface EmailTokenDao {

    @SqlUpdate("""
            INSERT INTO email_tokens (user_id, purpose, token_hash, expires_at)
            VALUES (:userId, :purpose, :tokenHash, :expiresAt)
            """)
    void insert(@Bind("userId") UUID userId, @Bind("purpose") String purpose, @Bind("tokenHash") byte[] tokenHash,
                @Bind("expiresAt") Instant expiresAt);

    /**
     * Spends a live token and returns its user. Check and spend are one statement, so of two
     * concurrent requests with the same token exactly one gets the user.
     */
    @SqlQuery("""
            UPDATE email_tokens SET used_at = now()
            WHERE token_hash = :tokenHash AND purpose = :purpose AND used_at IS NULL AND expires_at > now()
            RETURNING user_id
            """)
    Optional<UUID> consume(@Bind("tokenHash") byte[] tokenHash, @Bind("purpose") String purpose);

    /** After a reset every other outstanding token of that purpose is worthless: spend them too. */
    @SqlUpdate("UPDATE email_tokens SET used_at = now() WHERE user_id = :userId AND purpose = :purpose AND used_at IS NULL")
    int spendAll(@Bind("userId") UUID userId, @Bind("purpose") String purpose);

    @SqlQuery("SELECT count(*) FROM email_tokens WHERE user_id = :userId AND purpose = :purpose AND created_at > :since")
    int countIssuedSince(@Bind("userId") UUID userId, @Bind("purpose") String purpose, @Bind("since") Instant since);

    @SqlUpdate("DELETE FROM email_tokens WHERE user_id = :userId")
    int deleteAllOf(@Bind("userId") UUID userId);
}
