package com.creatorcampaignpro.social;

/** The login worked but holds no profile we can read, e.g. a Facebook login without a linked Instagram professional account. */
public class ProfileUnavailableException extends SocialProviderException {
    public ProfileUnavailableException(Platform platform, String message) {
        super(platform, message, null);
    }

    public ProfileUnavailableException(Platform platform, String message, Throwable cause) {
        super(platform, message, cause);
    }
}
