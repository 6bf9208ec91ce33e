package com.creatorcampaignpro.invitation;

import com.creatorcampaignpro.campaign.CampaignStatus;
import com.creatorcampaignpro.error.ConflictException;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.error.ValidationException.FieldViolation;
import com.creatorcampaignpro.money.Money;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Who may invite whom, on what terms, and how an invitation moves. */
public final class InvitationRules {
    public static final long MAX_RATE_AMOUNT = 1_000_000_000_000L;

    private InvitationRules() {
    }

    /**
     * The rate is paid out of the campaign's budget: it is in the campaign's currency and no more than
     * the budget (a rate of 10^11 on a 250,000 budget is a typo, not a deal).
     */
    public static void validateProposal(long rateAmount, String currency, Money campaignBudget, String message) {
        List<FieldViolation> violations = new ArrayList<>();
        if (rateAmount < 0 || rateAmount > MAX_RATE_AMOUNT) {
            violations.add(new FieldViolation("rateAmount", "must be between 0 and " + MAX_RATE_AMOUNT + " (minor units, e.g. cents)"));
        } else if (rateAmount > campaignBudget.minorUnits()) {
            violations.add(new FieldViolation("rateAmount", "must not exceed the campaign's budget ("
                    + campaignBudget.minorUnits() + " minor units)"));
        }
        if (!Money.isIsoCurrency(currency)) {
            violations.add(new FieldViolation("currency", "must be an ISO-4217 code such as USD"));
        } else if (!currency.equals(campaignBudget.currency())) {
            violations.add(new FieldViolation("currency", "must be the campaign's currency, " + campaignBudget.currency()));
        }
        if (message != null && message.length() > 5000) {
            violations.add(new FieldViolation("message", "must be at most 5000 characters"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    /** Invitations are sent and answered only while the campaign can still take work. */
    public static void checkCampaignOpen(CampaignStatus status) {
        if (status == CampaignStatus.COMPLETED || status == CampaignStatus.CANCELLED) {
            throw new ConflictException("campaign-closed", "the campaign is " + status.dbValue()
                    + ": it takes no more invitations");
        }
    }

    /** Refuses any move but from pending; a pending invitation past its expiry reads as expired and is final. */
    public static void checkTransition(Invitation invitation, InvitationStatus to, Instant now) {
        InvitationStatus from = isOverdue(invitation, now) ? InvitationStatus.EXPIRED : invitation.status();
        if (from == InvitationStatus.EXPIRED) {
            throw new ConflictException("invitation-expired", "invitation expired at " + invitation.expiresAt()
                    + "; the marketer can send a new one");
        }
        if (!from.canMoveTo(to)) {
            throw new ConflictException("illegal-status-transition", "invitation is " + from.dbValue()
                    + " and cannot become " + to.dbValue() + " (only a pending invitation can be answered or withdrawn)");
        }
    }

    public static boolean isOverdue(Invitation invitation, Instant now) {
        return invitation.status() == InvitationStatus.PENDING && !invitation.expiresAt().isAfter(now);
    }
}
