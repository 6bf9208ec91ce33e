package com.creatorcampaignpro.auth;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@RegisterConstructorMapper(RefreshToken.class)
public interface RefreshTokenDao {

    @SqlUpdate("""
            INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at)
            VALUES (:id, :userId, :familyId, :tokenHash, :expiresAt)
            """)
    void insert(@Bind("id") UUID id, @Bind("userId") UUID userId, @Bind("familyId") UUID familyId,
                @Bind("tokenHash") byte[] tokenHash, @Bind("expiresAt") Instant expiresAt);

    @SqlQuery("""
            SELECT id, user_id, family_id, expires_at, revoked_at, replaced_by, created_at
            FROM refresh_tokens WHERE token_hash = :tokenHash
            """)
    Optional<RefreshToken> findByHash(@Bind("tokenHash") byte[] tokenHash);

    /**
     * Marks a live token as replaced. Returns 0 when another request rotated it first: only one of
     * two concurrent refreshes with the same token may win, the other is treated as reuse.
     */
    @SqlUpdate("""
            UPDATE refresh_tokens SET replaced_by = :replacedBy, revoked_at = now()
            WHERE id = :id AND revoked_at IS NULL AND replaced_by IS NULL
            """)
    int markRotated(@Bind("id") UUID id, @Bind("replacedBy") UUID replacedBy);

    @SqlUpdate("UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = :familyId AND revoked_at IS NULL")
    int revokeFamily(@Bind("familyId") UUID familyId);

    @SqlUpdate("UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = :userId AND revoked_at IS NULL")
    int revokeAllOfUser(@Bind("userId") UUID userId);
}
