package com.creatorcampaignpro.invitation;

import com.creatorcampaignpro.campaign.Deliverable;
import com.creatorcampaignpro.money.MoneyAmount;
import com.creatorcampaignpro.money.SupportedCurrency;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

final class InvitationDtos {

    private InvitationDtos() {
    }

    record InviteRequest(
            @NotNull UUID influencerId,
            @NotNull @MoneyAmount @Schema(description = "proposed rate in minor units, e.g. 50000 = 500.00 EUR; at most the "
                    + "campaign's budget and ccp.money.max-amount") Long rateAmount,
            @SupportedCurrency @Schema(description = "ISO-4217; must be the campaign's currency (the default)") String currency,
            @Size(max = 100) List<@NotNull Deliverable> deliverables,
            @Size(max = 5000) String message) {
    }

    record DeclineRequest(@Size(max = 2000) String reason) {
    }

    record InvitationResponse(
            UUID id, UUID campaignId, String campaignName, UUID influencerId,
            @Schema(description = "minor units; once accepted, the agreed rate") long rateAmount, String currency,
            List<Deliverable> deliverables, String message,
            @Schema(allowableValues = {"pending", "accepted", "declined", "withdrawn", "expired"}) String status,
            String responseNote, Instant expiresAt, Instant respondedAt, Instant createdAt, Instant updatedAt) {
    }

    record InvitationPage(List<InvitationResponse> items, String nextCursor) {
    }
}
