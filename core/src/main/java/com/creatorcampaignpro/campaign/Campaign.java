package com.creatorcampaignpro.campaign;

import com.creatorcampaignpro.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A marketer's campaign. Budget and spent share one currency, the campaign's. */
public record Campaign(
        UUID id,
        UUID marketerId,
        String name,
        String description,
        List<String> objectives,
        CampaignStatus status,
        Money budget,
        Money spent,
        LocalDate startDate,
        LocalDate endDate,
        List<String> targetCategories,
        List<String> targetLanguages,
        List<String> targetCountries,
        List<String> targetPlatforms,
        Long minFollowers,
        Long maxFollowers,
        BigDecimal minEngagementRate,
        TargetAudience targetAudience,
        List<Deliverable> deliverables,
        Instant createdAt,
        Instant updatedAt) {

    public Campaign {
        if (!budget.currency().equals(spent.currency())) {
            throw new IllegalArgumentException("budget and spent in different currencies: " + budget + " vs " + spent);
        }
        objectives = objectives == null ? List.of() : List.copyOf(objectives);
        targetAudience = targetAudience == null ? TargetAudience.NONE : targetAudience;
        deliverables = deliverables == null ? List.of() : List.copyOf(deliverables);
    }

    public String currency() {
        return budget.currency();
    }
}
