package com.creatorcampaignpro.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** Email verification and password reset: token lifetimes, reset limits, where the mailed links point. */
@ConfigurationProperties("ccp.account")
public record AccountProperties(
        @DefaultValue("http://localhost:8080") String linkBaseUrl,
        @DefaultValue("48h") Duration verifyEmailTtl,
        @DefaultValue("1h") Duration resetPasswordTtl,
        @DefaultValue("3") int resetRequestsPerWindow,
        @DefaultValue("1h") Duration resetRequestWindow) {
}
