package com.creatorcampaignpro.social;

/** A platform call that did not give what we asked. Messages never carry tokens or secrets. */
public abstract class SocialProviderException extends RuntimeException {
    private final Platform platform;

    protected SocialProviderException(Platform platform, String message, Throwable cause) {
        super(platform.dbValue() + ": " + message, cause);
        this.platform = platform;
    }

    public Platform platform() {
        return platform;
    }
}
