package com.creatorcampaignpro.influencer;

import com.creatorcampaignpro.content.ContentType;
import com.creatorcampaignpro.money.Money;
import com.creatorcampaignpro.social.Platform;

import java.time.Instant;

/** An influencer's price for one kind of content on one platform. */
public record ContentRate(Platform platform, ContentType contentType, Money rate, Instant updatedAt) {
}
