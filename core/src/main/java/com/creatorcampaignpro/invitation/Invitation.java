package com.creatorcampaignpro.invitation;

import com.creatorcampaignpro.campaign.Deliverable;
import com.creatorcampaignpro.money.Money;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A marketer's offer to an influencer for one campaign: the proposed rate (in the campaign's
 * currency) and deliverables. Once accepted, the rate is the agreed one.
 */
public record Invitation(
        UUID id,
        UUID campaignId,
        String campaignName,
        UUID marketerId,
        UUID influencerId,
        Money rate,
        List<Deliverable> deliverables,
        String message,
        InvitationStatus status,
        String responseNote,
        Instant expiresAt,
        Instant respondedAt,
        Instant createdAt,
        Instant updatedAt) {

    public Invitation {
        deliverables = deliverables == null ? List.of() : List.copyOf(deliverables);
    }

    public String currency() {
        return rate.currency();
    }
}
