package com.creatorcampaignpro.social;

/** No client id/secret is configured for the platform, so nobody can connect to it here. */
public class PlatformNotConfiguredException extends RuntimeException {
    private final Platform platform;

    public PlatformNotConfiguredException(Platform platform) {
        super(platform.dbValue() + " is not configured on this server");
        this.platform = platform;
    }

    public Platform platform() {
        return platform;
    }
}
