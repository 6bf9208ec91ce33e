package com.creatorcampaignpro.social;

/** The platform no longer accepts the token or code (revoked, expired, reused): the account must be connected again. */
public class TokenRevokedException extends SocialProviderException {
    public TokenRevokedException(Platform platform, String message) {
        super(platform, message, null);
    }

    public TokenRevokedException(Platform platform, String message, Throwable cause) {
        super(platform, message, cause);
    }
}
