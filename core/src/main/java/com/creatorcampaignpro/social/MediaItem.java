package com.creatorcampaignpro.social;

import java.time.Instant;
import java.util.Objects;

/**
 * One recent post of an account as its platform reports it. {@code mediaType} is the platform's own
 * word (IMAGE, CAROUSEL_ALBUM, VIDEO, youtube#video...), {@code contentType} ours (post, story, reel,
 * video, short, tweet, live) or null when it cannot be told. A null counter means "not reported"
 * (hidden likes, no insights permission, a metric the platform does not have), never zero.
 */
public record MediaItem(String platformMediaId, String mediaType, String contentType, String permalink,
                        Instant postedAt, Long views, Long likes, Long comments, Long shares, Long saves,
                        Long reach, Long impressions) {

    public MediaItem {
        Objects.requireNonNull(platformMediaId, "platformMediaId");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(postedAt, "postedAt");
    }
}
