package com.creatorcampaignpro.influencer;

import com.creatorcampaignpro.content.ContentType;
import com.creatorcampaignpro.social.Platform;

import java.time.Instant;

/** An influencer's price for one kind of content on one platform, in minor units of {@code currency}. */
public record ContentRate(Platform platform, ContentType contentType, long amount, String currency, Instant updatedAt) {
}
