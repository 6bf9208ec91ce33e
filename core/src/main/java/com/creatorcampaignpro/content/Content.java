package com.creatorcampaignpro.content;

import com.creatorcampaignpro.social.Platform;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A piece of content an influencer submitted to a campaign, under an accepted invitation. */
public record Content(
        UUID id,
        UUID campaignId,
        UUID influencerId,
        UUID invitationId,
        Platform platform,
        ContentType contentType,
        String title,
        String caption,
        String contentUrl,
        List<String> mediaUrls,
        String platformMediaId,
        String deliverable,
        ContentStatus status,
        String feedback,
        Instant submittedAt,
        UUID reviewedBy,
        Instant reviewedAt,
        Instant publishedAt,
        Instant createdAt,
        Instant updatedAt) {
}
