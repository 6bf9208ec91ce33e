package com.creatorcampaignpro.invitation;

import com.creatorcampaignpro.campaign.CampaignStatus;
import com.creatorcampaignpro.error.ConflictException;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.money.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvitationRulesTests {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private static Invitation invitation(InvitationStatus status, Instant expiresAt) {
        return new Invitation(UUID.randomUUID(), UUID.randomUUID(), "c", UUID.randomUUID(), UUID.randomUUID(),
                Money.of(100, "EUR"), List.of(), "", status, null, expiresAt, null, NOW, NOW);
    }

    @Test
    void onlyPendingInvitationsMove() {
        InvitationRules.checkTransition(invitation(InvitationStatus.PENDING, NOW.plusSeconds(60)), InvitationStatus.ACCEPTED, NOW);
        for (InvitationStatus closed : new InvitationStatus[]{InvitationStatus.ACCEPTED, InvitationStatus.DECLINED, InvitationStatus.WITHDRAWN}) {
            assertThatThrownBy(() -> InvitationRules.checkTransition(invitation(closed, NOW.plusSeconds(60)), InvitationStatus.DECLINED, NOW))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("illegal-status-transition"));
        }
    }

    @Test
    void aPendingInvitationPastItsExpiryCannotBeAnswered() {
        assertThatThrownBy(() -> InvitationRules.checkTransition(invitation(InvitationStatus.PENDING, NOW), InvitationStatus.ACCEPTED, NOW))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("invitation-expired"));
    }

    @Test
    void theRateIsInTheCampaignsCurrency() {
        InvitationRules.validateProposal(0, "EUR", Money.of(1000, "EUR"), null);
        assertThatThrownBy(() -> InvitationRules.validateProposal(100, "USD", Money.of(1000, "EUR"), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations().get(0).field()).isEqualTo("currency"));
        assertThatThrownBy(() -> InvitationRules.validateProposal(-1, "EUR", Money.of(1000, "EUR"), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations().get(0).field()).isEqualTo("rateAmount"));
    }

    @Test
    void theRateIsAtMostTheCampaignsBudget() {
        InvitationRules.validateProposal(250_000, "EUR", Money.of(250_000, "EUR"), null);
        assertThatThrownBy(() -> InvitationRules.validateProposal(250_001, "EUR", Money.of(250_000, "EUR"), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations().get(0).field()).isEqualTo("rateAmount");
                    assertThat(e.violations().get(0).message()).contains("budget");
                });
    }

    @Test
    void closedCampaignsTakeNoInvitations() {
        InvitationRules.checkCampaignOpen(CampaignStatus.DRAFT);
        InvitationRules.checkCampaignOpen(CampaignStatus.PAUSED);
        assertThatThrownBy(() -> InvitationRules.checkCampaignOpen(CampaignStatus.CANCELLED)).isInstanceOf(ConflictException.class);
    }
}
