package com.creatorcampaignpro.campaign;

import com.creatorcampaignpro.money.MoneyAmount;
import com.creatorcampaignpro.money.SupportedCurrency;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

final class CampaignDtos {

    private CampaignDtos() {
    }

    /** Create or replace a campaign. Money is in minor units (cents) of {@code currency}. */
    record CampaignRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 10_000) String description,
            @Size(max = 20) @Schema(description = "what the campaign is for, e.g. [\"awareness\", \"sales\"] (seed: objectives)")
            List<@Size(max = 500) String> objectives,
            @Schema(description = "draft (default on create), active, paused, completed or cancelled",
                    allowableValues = {"draft", "active", "paused", "completed", "cancelled"})
            String status,
            @NotNull @MoneyAmount @Schema(description = "minor units, e.g. 150000 = 1,500.00 USD; at most ccp.money.max-amount")
            Long budget,
            @SupportedCurrency @Schema(description = "ISO-4217, one of ccp.money.currencies; default on create: the first of "
                    + "them, on replace: unchanged. Fixed once the campaign has an invitation (409 currency-locked)")
            String currency,
            LocalDate startDate,
            LocalDate endDate,
            @Size(max = 50) List<@NotBlank @Size(max = 60) String> targetCategories,
            @Size(max = 20) List<@NotBlank @Size(max = 35) String> targetLanguages,
            @Size(max = 250) List<@Pattern(regexp = "[A-Z]{2}", message = "must be an ISO-3166 alpha-2 code") @Size(max = 2) String> targetCountries,
            @Size(max = 4) @ArraySchema(maxItems = 4, schema = @Schema(allowableValues = {"instagram", "youtube", "tiktok", "twitter"}))
            List<@NotBlank String> targetPlatforms,
            @PositiveOrZero Long minFollowers,
            @PositiveOrZero Long maxFollowers,
            @DecimalMin("0") @DecimalMax("100") BigDecimal minEngagementRate,
            @Schema(description = "who the campaign wants to reach: countries (ISO-3166 alpha-2), minAge/maxAge "
                    + "(13-120, either open), genders, interests and free notes")
            TargetAudience targetAudience,
            @Size(max = 100) @Schema(description = "what the influencers deliver: platform (instagram, youtube, tiktok, "
                    + "twitter), contentType (post, story, reel, video, short, tweet, live), quantity (1-1000), "
                    + "optional dueDate and description")
            List<Deliverable> deliverables) {
    }

    record CampaignResponse(
            UUID id, String name, String description, List<String> objectives, String status,
            @Schema(description = "minor units") long budget,
            @Schema(description = "minor units") long spent,
            String currency, LocalDate startDate, LocalDate endDate,
            List<String> targetCategories, List<String> targetLanguages, List<String> targetCountries,
            List<String> targetPlatforms, Long minFollowers, Long maxFollowers, BigDecimal minEngagementRate,
            TargetAudience targetAudience, List<Deliverable> deliverables,
            Instant createdAt, Instant updatedAt) {
    }

    record CampaignPage(List<CampaignResponse> items, String nextCursor) {
    }
}
