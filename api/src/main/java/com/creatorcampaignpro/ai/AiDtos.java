package com.creatorcampaignpro.ai;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Requests and answers of /api/ai. Platforms and content types are validated by the services, naming the field. */
final class AiDtos {
    static final String PLATFORMS = "instagram, youtube, tiktok or twitter";
    static final String TYPES = "post, story, reel, video, short, tweet or live";

    private AiDtos() {
    }

    // ---- match-influencers -------------------------------------------------------------------

    @Schema(description = "campaignId (one of the caller's campaigns) or an ad-hoc brief, not both")
    record MatchRequest(
            UUID campaignId,
            @Valid Brief brief,
            @Valid MatchFilters filters,
            @Min(1) @Max(100) @Schema(description = "how many matches, 1-100 (default 20)") Integer limit,
            @Schema(description = "true: the configured language model re-orders the matches with a short reason "
                    + "(ignored with a note when none is configured)") Boolean rerank) {
    }

    /**
     * The seed's criteria (productCategory, targetAudience, campaignType, budget, brandValues) plus the
     * structured ones the scorer uses. campaignType and brandValues only reach the language model's re-rank.
     */
    record Brief(
            @Size(max = 60) @Schema(description = "scored as a target category") String productCategory,
            @Size(max = 50) List<@Size(max = 60) String> categories,
            @Size(max = 20) List<@Size(max = 35) String> languages,
            @Size(max = 250) List<@Size(min = 2, max = 2) String> countries,
            @Valid Audience targetAudience,
            @Size(max = 200) @Schema(description = "e.g. awareness, launch, conversion (for the re-rank's brief)") String campaignType,
            @PositiveOrZero @Schema(description = "minor units of currency; omitted = rates are not held against a budget")
            Long budget,
            @Size(min = 3, max = 3) @Schema(description = "ISO-4217, default USD") String currency,
            @Size(max = 20) List<@Size(max = 100) String> brandValues,
            @Size(max = 4) @Schema(description = "required platforms: " + PLATFORMS) List<@Size(max = 20) String> platforms,
            @Size(max = 20) @Valid List<DeliverableNeed> deliverables,
            @PositiveOrZero Long minFollowers,
            @PositiveOrZero Long maxFollowers,
            @DecimalMin("0") @DecimalMax("100") @Schema(description = "percent") Double minEngagementRate) {
    }

    record Audience(
            @Size(max = 250) List<@Size(min = 2, max = 2) String> countries,
            @Min(13) @Max(120) Integer minAge,
            @Min(13) @Max(120) Integer maxAge,
            @Size(max = 3) @Schema(description = "female, male, other") List<@Size(max = 10) String> genders) {
    }

    record DeliverableNeed(
            @NotNull @Size(max = 20) @Schema(description = PLATFORMS) String platform,
            @NotNull @Size(max = 20) @Schema(description = TYPES) String contentType,
            @Min(1) @Max(1000) @Schema(description = "default 1") Integer quantity) {
    }

    record MatchFilters(
            @PositiveOrZero Long minFollowers,
            @Size(max = 4) @Schema(description = "an account on each of these: " + PLATFORMS) List<@Size(max = 20) String> platforms,
            @Schema(description = "leave out influencers with a pending or accepted invitation to the campaign") Boolean excludeInvited) {
    }

    record Component(String component, double value, double weight, double points, boolean applicable, String detail) {
    }

    record Match(int rank, UUID influencerId, double score, List<Component> components, String reason) {
    }

    record Rerank(boolean requested, boolean applied, String model, String note) {
    }

    @Schema(description = "source: stored (match_scores of the last matchScoringJob run, still fresh) or computed now")
    record MatchResponse(UUID campaignId, String modelVersion, String source, Instant computedAt, int influencersConsidered,
                         List<Match> matches, Rerank rerank) {
    }

    // ---- predict-performance -----------------------------------------------------------------

    record PredictRequest(
            @NotNull UUID campaignId,
            @Size(max = 50) @Schema(description = "default: the campaign's top matches") List<UUID> influencerIds,
            @Min(1) @Max(20) @Schema(description = "how many top matches when influencerIds is omitted (default 5)") Integer top,
            @Size(max = 20) @Valid @Schema(description = "default: the campaign's deliverables") List<DeliverableNeed> deliverables) {
    }

    record Estimate(double expected, double low, double high, int sampleSize) {
    }

    record DeliverablePrediction(String platform, String contentType, int quantity, String confidence, String basis,
                                 Estimate reach, Estimate impressions, String impressionsSource, Estimate engagement,
                                 Estimate clicks, Long cost, String currency, Double costPerEngagement, List<String> notes) {
    }

    record InfluencerPrediction(UUID influencerId, List<DeliverablePrediction> deliverables) {
    }

    @Schema(description = "Totals over each deliverable's quantity; intervals are 80% prediction intervals")
    record PredictResponse(UUID campaignId, String model, String currency, List<InfluencerPrediction> predictions) {
    }

    // ---- sentiment-analysis ------------------------------------------------------------------

    @Schema(description = "text, or contentId of content submitted to one of the caller's campaigns (its caption), not both")
    record SentimentRequest(
            @Size(max = 5000) String text,
            UUID contentId,
            @Size(max = 10) @Schema(description = "lexicon (default, built in) or llm (the configured language model)") String engine) {
    }

    record Driver(String word, double contribution) {
    }

    record SentimentResponse(double score, String label, List<Driver> drivers, String engine, String source, UUID contentId) {
    }

    // ---- optimize-campaign -------------------------------------------------------------------

    record OptimizeRequest(
            @NotNull UUID campaignId,
            @Size(max = 10) @Schema(description = "engagement (default) or reach") String objective,
            @Min(1) @Max(200) @Schema(description = "how many top matches to choose from when influencerIds is omitted (default 50)")
            Integer candidates,
            @Size(max = 200) List<UUID> influencerIds) {
    }

    record PlannedDeliverable(UUID influencerId, String platform, String contentType, long cost, Double engagement, Double reach) {
    }

    record LeftOut(UUID influencerId, String platform, String contentType, String reason) {
    }

    record Totals(double engagement, double reach) {
    }

    @Schema(description = "provenOptimal: the plan is optimal, not a guess; else upperBound bounds the best possible value")
    record OptimizeResponse(UUID campaignId, String objective, String currency, long remainingBudget, List<PlannedDeliverable> plan,
                            long cost, Totals totals, boolean provenOptimal, double value, double upperBound, long nodes,
                            long solveMicros, List<LeftOut> leftOut) {
    }
}
