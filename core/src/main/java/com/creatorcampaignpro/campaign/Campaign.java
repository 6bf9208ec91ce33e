package com.creatorcampaignpro.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A marketer's campaign. Money in minor units of {@code currency}. */
public record Campaign(
        UUID id,
        UUID marketerId,
        String name,
        String description,
        String objective,
        CampaignStatus status,
        long budget,
        long spent,
        String currency,
        LocalDate startDate,
        LocalDate endDate,
        List<String> targetCategories,
        List<String> targetLanguages,
        List<String> targetCountries,
        List<String> targetPlatforms,
        Long minFollowers,
        Long maxFollowers,
        BigDecimal minEngagementRate,
        String targetAudience,
        String deliverables,
        Instant createdAt,
        Instant updatedAt) {
}
