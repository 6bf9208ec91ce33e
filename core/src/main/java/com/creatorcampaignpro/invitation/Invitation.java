package com.creatorcampaignpro.invitation;

import java.time.Instant;
import java.util.UUID;

/**
 * A marketer's offer to an influencer for one campaign: the proposed rate (minor units of
 * {@code currency}) and deliverables (a JSON array). Once accepted, the rate is the agreed one.
 */
public record Invitation(
        UUID id,
        UUID campaignId,
        String campaignName,
        UUID marketerId,
        UUID influencerId,
        long rateAmount,
        String currency,
        String deliverables,
        String message,
        InvitationStatus status,
        String responseNote,
        Instant expiresAt,
        Instant respondedAt,
        Instant createdAt,
        Instant updatedAt) {
}
