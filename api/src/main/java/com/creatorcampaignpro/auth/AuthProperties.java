package com.creatorcampaignpro.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

@ConfigurationProperties("ccp.auth")
public record AuthProperties(
        String jwtSecret,
        @DefaultValue("creator-campaign-pro") String issuer,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl,
        @DefaultValue("12") int bcryptStrength,
        @DefaultValue LoginLimit loginLimit,
        @DefaultValue("2s") Duration revocationPollInterval) {

    public record LoginLimit(
            @DefaultValue("5") int perAccountFailures,
            @DefaultValue("15m") Duration perAccountWindow,
            @DefaultValue("30") int perClientAttempts,
            @DefaultValue("5m") Duration perClientWindow,
            @DefaultValue("false") boolean trustForwardedFor) {
    }
}
