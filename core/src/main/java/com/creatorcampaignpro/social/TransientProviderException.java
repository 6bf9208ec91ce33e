package com.creatorcampaignpro.social;

/** A failure worth retrying later: 5xx, timeout, connection reset. */
public class TransientProviderException extends SocialProviderException {
    public TransientProviderException(Platform platform, String message) {
        super(platform, message, null);
    }

    public TransientProviderException(Platform platform, String message, Throwable cause) {
        super(platform, message, cause);
    }
}
