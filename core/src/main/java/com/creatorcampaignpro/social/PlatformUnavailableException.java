package com.creatorcampaignpro.social;

import java.time.Duration;

/**
 * The platform failed so often lately that calls to it are suspended (an open circuit): nothing was
 * sent. {@code retryAfter} is how long the suspension lasts at most.
 */
public class PlatformUnavailableException extends SocialProviderException {
    private final Duration retryAfter;

    public PlatformUnavailableException(Platform platform, String message, Duration retryAfter) {
        super(platform, message, null);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
