package com.creatorcampaignpro.social;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A connected platform account; tokens stay encrypted (AES-GCM, see {@link TokenCipher}) in this record.
 * {@code engagementFormula}, {@code engagementSample}, {@code viewsSample} and the window say which
 * {@link EngagementFormula} made the figures and from which posts (null before the first read with
 * media); {@code rateLimitedUntil} is the cooldown a 429 started.
 */
public record SocialAccount(UUID id, UUID userId, Platform platform, String platformUserId, String username,
                            String profileUrl, long followers, long following, long postsCount,
                            BigDecimal engagementRate, long avgViews, byte[] accessTokenEnc, byte[] refreshTokenEnc,
                            Instant tokenExpiresAt, String scopes, String status, Instant connectedAt,
                            Instant lastSyncedAt, String syncError, int syncFailures, Instant updatedAt,
                            Instant syncAttemptedAt, Instant rateLimitedUntil, String engagementFormula,
                            Integer engagementSample, Integer viewsSample, Instant metricsWindowStart,
                            Instant metricsWindowEnd) {

    public boolean disconnected() {
        return "disconnected".equals(status) || accessTokenEnc == null;
    }

    /** How long the cooldown still runs at {@code now}; zero when there is none. */
    public java.time.Duration cooldownLeft(Instant now) {
        return rateLimitedUntil == null || !rateLimitedUntil.isAfter(now) ? java.time.Duration.ZERO
                : java.time.Duration.between(now, rateLimitedUntil);
    }
}
