package com.creatorcampaignpro.social;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A connected platform account; tokens stay encrypted (AES-GCM, see {@link TokenCipher}) in this record. */
public record SocialAccount(UUID id, UUID userId, Platform platform, String platformUserId, String username,
                            String profileUrl, long followers, long following, long postsCount,
                            BigDecimal engagementRate, long avgViews, byte[] accessTokenEnc, byte[] refreshTokenEnc,
                            Instant tokenExpiresAt, String scopes, String status, Instant connectedAt,
                            Instant lastSyncedAt, String syncError, int syncFailures, Instant updatedAt) {
}
