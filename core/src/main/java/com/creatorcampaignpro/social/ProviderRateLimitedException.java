package com.creatorcampaignpro.social;

import java.time.Duration;

/** The platform asked us to slow down (429, quota errors); {@code retryAfter} is how long to wait. */
public class ProviderRateLimitedException extends SocialProviderException {
    private final Duration retryAfter;

    public ProviderRateLimitedException(Platform platform, String message, Duration retryAfter) {
        super(platform, message, null);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
