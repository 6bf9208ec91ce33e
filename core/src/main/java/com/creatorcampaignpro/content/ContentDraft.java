package com.creatorcampaignpro.content;

import com.creatorcampaignpro.social.Platform;

import java.util.List;

/** The influencer-editable part of a submission, validated by {@link ContentRules#draft}. */
public record ContentDraft(
        Platform platform,
        ContentType contentType,
        String title,
        String caption,
        String contentUrl,
        List<String> mediaUrls,
        String deliverable) {
}
