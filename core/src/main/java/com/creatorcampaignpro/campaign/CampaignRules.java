package com.creatorcampaignpro.campaign;

import com.creatorcampaignpro.error.ConflictException;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.error.ValidationException.FieldViolation;
import com.creatorcampaignpro.money.Money;
import com.creatorcampaignpro.social.Platform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The rules a campaign must satisfy whoever writes it: API, import or job. */
public final class CampaignRules {

    private CampaignRules() {
    }

    public static void validate(Campaign c) {
        List<FieldViolation> violations = new ArrayList<>();
        if (c.name() == null || c.name().isBlank()) {
            violations.add(new FieldViolation("name", "must not be blank"));
        } else if (c.name().length() > 200) {
            violations.add(new FieldViolation("name", "must be at most 200 characters"));
        }
        if (c.budget() < 0) {
            violations.add(new FieldViolation("budget", "must be zero or more (minor units, e.g. cents)"));
        }
        if (c.spent() > c.budget() && c.budget() >= 0) {
            violations.add(new FieldViolation("budget", "must not be below the amount already spent (" + c.spent() + ")"));
        }
        if (!Money.isIsoCurrency(c.currency())) {
            violations.add(new FieldViolation("currency", "must be an ISO-4217 code such as USD or EUR"));
        }
        if (c.startDate() != null && c.endDate() != null && c.endDate().isBefore(c.startDate())) {
            violations.add(new FieldViolation("endDate", "must not be before startDate"));
        }
        if (c.minFollowers() != null && c.minFollowers() < 0) {
            violations.add(new FieldViolation("minFollowers", "must be zero or more"));
        }
        if (c.maxFollowers() != null && c.maxFollowers() < 0) {
            violations.add(new FieldViolation("maxFollowers", "must be zero or more"));
        }
        if (c.minFollowers() != null && c.maxFollowers() != null && c.maxFollowers() < c.minFollowers()) {
            violations.add(new FieldViolation("maxFollowers", "must not be below minFollowers"));
        }
        if (c.minEngagementRate() != null
                && (c.minEngagementRate().signum() < 0 || c.minEngagementRate().compareTo(BigDecimal.valueOf(100)) > 0)) {
            violations.add(new FieldViolation("minEngagementRate", "must be a percentage between 0 and 100"));
        }
        for (int i = 0; i < c.targetPlatforms().size(); i++) {
            if (Platform.parse(c.targetPlatforms().get(i)).isEmpty()) {
                violations.add(new FieldViolation("targetPlatforms[" + i + "]",
                        "must be one of instagram, youtube, tiktok, twitter"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    /** Refuses a move the status machine does not allow; staying in the same status is allowed. */
    public static void checkTransition(CampaignStatus from, CampaignStatus to) {
        if (!from.canMoveTo(to)) {
            throw new ConflictException("illegal-status-transition",
                    "campaign cannot move from " + from.dbValue() + " to " + to.dbValue()
                            + (from.isTerminal() ? " (" + from.dbValue() + " is final)"
                            : "; allowed: " + from.allowedNext().stream().map(CampaignStatus::dbValue).toList()));
        }
    }

    /** Only drafts and cancelled campaigns may be deleted: the others carry content and money. */
    public static void checkDeletable(CampaignStatus status) {
        if (status != CampaignStatus.DRAFT && status != CampaignStatus.CANCELLED) {
            throw new ConflictException("campaign-not-deletable",
                    "only draft or cancelled campaigns can be deleted; this one is " + status.dbValue()
                            + " (cancel it first)");
        }
    }
}
