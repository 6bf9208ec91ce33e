package com.creatorcampaignpro.prediction;

import com.creatorcampaignpro.content.ContentType;
import com.creatorcampaignpro.social.Platform;

import java.time.Instant;

/**
 * One past post of an influencer as the platform reported it (social_account_media). A null figure
 * means "not reported", never zero; {@code contentType} null = the platform's media type has no
 * equivalent of ours.
 */
public record PostStats(Platform platform, ContentType contentType, Instant postedAt, Long views, Long likes,
                        Long comments, Long shares, Long saves, Long reach, Long impressions) {

    /** likes + comments + shares + saves; null when likes are not reported (then nothing is). */
    Long engagement() {
        if (likes == null) {
            return null;
        }
        return likes + orZero(comments) + orZero(shares) + orZero(saves);
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }
}
