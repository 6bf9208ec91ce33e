package com.creatorcampaignpro.content;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

final class ContentDtos {

    private ContentDtos() {
    }

    /** A submission to a campaign the caller accepted an invitation to. */
    record SubmitRequest(
            @NotNull UUID campaignId,
            @Schema(allowableValues = {"instagram", "youtube", "tiktok", "twitter"}) String platform,
            @Schema(allowableValues = {"post", "story", "reel", "video", "short", "tweet", "live"}) String contentType,
            @Size(max = 300) String title,
            @Size(max = 10_000) String caption,
            @Schema(maxLength = ContentRules.MAX_URL, description = "http(s) URL where the marketer can see the draft") String contentUrl,
            @ArraySchema(maxItems = ContentRules.MAX_MEDIA, schema = @Schema(maxLength = ContentRules.MAX_URL)) @Size(max = 20) List<String> mediaUrls,
            @Schema(maxLength = 200, description = "which of the invitation's deliverables this fulfils, e.g. \"instagram reel 1/2\"") String deliverable) {
    }

    /** A resubmission: replaces the editable fields and puts the content back to pending. */
    record UpdateRequest(
            @Schema(allowableValues = {"instagram", "youtube", "tiktok", "twitter"}) String platform,
            @Schema(allowableValues = {"post", "story", "reel", "video", "short", "tweet", "live"}) String contentType,
            @Size(max = 300) String title,
            @Size(max = 10_000) String caption,
            @Schema(maxLength = ContentRules.MAX_URL) String contentUrl,
            @ArraySchema(maxItems = ContentRules.MAX_MEDIA, schema = @Schema(maxLength = ContentRules.MAX_URL)) @Size(max = 20) List<String> mediaUrls,
            @Schema(maxLength = 200) String deliverable) {
    }

    record ReviewRequest(@Schema(maxLength = 5000, description = "required to reject or request changes") String feedback) {
    }

    record PublishRequest(
            @Schema(maxLength = 200, pattern = "[A-Za-z0-9_\\-:.]+", description = "the platform's id of the live post; the social sync matches metrics on it") String platformMediaId,
            @Schema(maxLength = ContentRules.MAX_URL, description = "the public URL of the live post, if it differs from contentUrl") String liveUrl) {
    }

    record ContentResponse(
            UUID id, UUID campaignId, UUID influencerId, UUID invitationId, String platform, String contentType,
            String title, String caption, String contentUrl, List<String> mediaUrls, String platformMediaId,
            String deliverable,
            @Schema(allowableValues = {"pending", "approved", "rejected", "changes_requested", "published"}) String status,
            String feedback, Instant submittedAt, UUID reviewedBy, Instant reviewedAt, Instant publishedAt,
            Instant createdAt, Instant updatedAt) {
    }

    record ContentPage(List<ContentResponse> items, String nextCursor) {
    }
}
