package com.creatorcampaignpro.auth;

import java.time.Instant;
import java.util.UUID;

/** A stored refresh token (its hash only). */
public record RefreshToken(UUID id, UUID userId, UUID familyId, Instant expiresAt, Instant revokedAt,
                           UUID replacedBy, Instant createdAt) {

    public boolean isRotatedOrRevoked() {
        return revokedAt != null || replacedBy != null;
    }
}
