package com.creatorcampaignpro.influencer;

import com.creatorcampaignpro.money.MoneyAmount;
import com.creatorcampaignpro.money.SupportedCurrency;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

final class InfluencerDtos {

    private InfluencerDtos() {
    }

    /** One platform's figures and when they were last synced ({@code asOf}: null = never synced). */
    record SocialAccountMetrics(String platform, String username, String profileUrl, long followers,
                                @Schema(description = "percent") BigDecimal engagementRate, long avgViews,
                                String status, Instant asOf) {
    }

    /** A search result: the profile's totals ({@code metricsAsOf}) and each platform's own figures. */
    record InfluencerSummary(
            UUID id, String displayName, String bio, List<String> categories, List<String> languages,
            String location, String country, long totalFollowers,
            @Schema(description = "percent") BigDecimal avgEngagementRate, long avgViews, BigDecimal rating,
            int completedCampaigns, String availability, boolean verified, Instant metricsAsOf,
            List<SocialAccountMetrics> socialAccounts) {
    }

    record InfluencerPage(List<InfluencerSummary> items, String nextCursor) {
    }

    record Rate(String platform, String contentType, @Schema(description = "minor units") long amount,
                String currency, Instant updatedAt) {
    }

    record InfluencerDetail(
            UUID id, String displayName, String bio, List<String> categories, List<String> languages,
            String location, String country, long totalFollowers,
            @Schema(description = "percent") BigDecimal avgEngagementRate, long avgViews, BigDecimal rating,
            int completedCampaigns, String availability, boolean verified, Instant metricsAsOf,
            Map<String, Object> audience, List<SocialAccountMetrics> socialAccounts, List<Rate> rates,
            Instant createdAt, Instant updatedAt) {
    }

    /** The caller's own profile, replaced as a whole. */
    record ProfileRequest(
            @NotBlank @Size(max = 100) String displayName,
            @Size(max = 5000) String bio,
            @Size(max = 20) List<@NotBlank @Size(max = 40) String> categories,
            @Size(max = 10) @Schema(description = "ISO-639 codes, e.g. [\"en\", \"pt\"]") List<@NotBlank @Size(max = 10) String> languages,
            @Size(max = 100) String location,
            @Size(max = 10) @Schema(description = "ISO-3166 alpha-2, e.g. PT") String country,
            @Schema(allowableValues = {"available", "busy", "unavailable"}, description = "default available")
            String availability) {
    }

    record RateRequest(
            @NotBlank @Schema(allowableValues = {"instagram", "youtube", "tiktok", "twitter"}) String platform,
            @NotBlank @Schema(allowableValues = {"post", "story", "reel", "video", "short", "tweet", "live"}) String contentType,
            @NotNull @MoneyAmount @Schema(description = "minor units, e.g. 25000 = 250.00 USD; at most ccp.money.max-amount") Long amount,
            @NotBlank @SupportedCurrency @Schema(description = "ISO-4217, one of ccp.money.currencies") String currency) {
    }

    record RatesRequest(@NotNull @Size(min = 1, max = 28) List<@NotNull @Valid RateRequest> rates) {
    }

    record RatesResponse(UUID influencerId, List<Rate> rates) {
    }
}
