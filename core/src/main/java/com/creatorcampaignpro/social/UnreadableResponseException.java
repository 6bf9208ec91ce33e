package com.creatorcampaignpro.social;

/** The platform answered something we cannot use (unexpected status or shape): not worth retrying as is. */
public class UnreadableResponseException extends SocialProviderException {
    public UnreadableResponseException(Platform platform, String message) {
        super(platform, message, null);
    }

    public UnreadableResponseException(Platform platform, String message, Throwable cause) {
        super(platform, message, cause);
    }
}
