package com.creatorcampaignpro.campaign;

import com.creatorcampaignpro.error.ConflictException;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.error.ValidationException.FieldViolation;
import com.creatorcampaignpro.influencer.InfluencerRules;
import com.creatorcampaignpro.money.Money;
import com.creatorcampaignpro.social.Platform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The rules a campaign must satisfy whoever writes it: API, import or job. */
public final class CampaignRules {

    private CampaignRules() {
    }

    public static final int MAX_OBJECTIVES = 20;
    public static final int MAX_OBJECTIVE_LENGTH = 500;

    public static void validate(Campaign c) {
        normalized(c);
    }

    /** The budget in {@code currency}; an unknown currency is a 400 naming {@code currency}. */
    public static Money money(long minorUnits, String currency) {
        if (!Money.isIsoCurrency(currency)) {
            throw new ValidationException("currency", "must be an ISO-4217 code such as USD or EUR");
        }
        return Money.of(minorUnits, currency);
    }

    /**
     * Checks every rule at once (one 400 listing each offending field) and returns the campaign with
     * objectives trimmed, deliverables and target audience normalized.
     */
    public static Campaign normalized(Campaign c) {
        List<FieldViolation> violations = new ArrayList<>();
        if (c.name() == null || c.name().isBlank()) {
            violations.add(new FieldViolation("name", "must not be blank"));
        } else if (c.name().length() > 200) {
            violations.add(new FieldViolation("name", "must be at most 200 characters"));
        }
        if (c.budget().isNegative()) {
            violations.add(new FieldViolation("budget", "must be zero or more (minor units, e.g. cents)"));
        } else if (c.spent().isGreaterThan(c.budget())) {
            violations.add(new FieldViolation("budget", "must not be below the amount already spent ("
                    + c.spent().minorUnits() + ")"));
        }
        List<String> objectives = c.objectives().stream().filter(o -> o != null && !o.isBlank()).map(String::trim)
                .distinct().toList();
        if (objectives.size() > MAX_OBJECTIVES) {
            violations.add(new FieldViolation("objectives", "must list at most " + MAX_OBJECTIVES + " objectives"));
        }
        for (int i = 0; i < objectives.size(); i++) {
            if (objectives.get(i).length() > MAX_OBJECTIVE_LENGTH) {
                violations.add(new FieldViolation("objectives[" + i + "]", "must be at most " + MAX_OBJECTIVE_LENGTH + " characters"));
            }
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
        for (int i = 0; i < c.targetCountries().size(); i++) {
            if (!InfluencerRules.isIsoCountry(c.targetCountries().get(i))) {
                violations.add(new FieldViolation("targetCountries[" + i + "]", "must be an ISO-3166 alpha-2 country code"));
            }
        }
        for (int i = 0; i < c.targetPlatforms().size(); i++) {
            if (Platform.parse(c.targetPlatforms().get(i)).isEmpty()) {
                violations.add(new FieldViolation("targetPlatforms[" + i + "]",
                        "must be one of instagram, youtube, tiktok, twitter"));
            }
        }
        TargetAudience audience = TargetAudience.normalized("targetAudience", c.targetAudience(), violations);
        List<Deliverable> deliverables = Deliverable.normalized("deliverables", c.deliverables(), violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return new Campaign(c.id(), c.marketerId(), c.name(), c.description(), objectives, c.status(), c.budget(),
                c.spent(), c.startDate(), c.endDate(), c.targetCategories(), c.targetLanguages(), c.targetCountries(),
                c.targetPlatforms(), c.minFollowers(), c.maxFollowers(), c.minEngagementRate(), audience, deliverables,
                c.createdAt(), c.updatedAt());
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
