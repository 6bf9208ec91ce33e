package com.creatorcampaignpro.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/** Sign-in with Google ID tokens. Without a client id, POST /api/auth/google answers 503. */
@ConfigurationProperties("ccp.google")
public record GoogleProperties(
        List<String> clientIds,
        @DefaultValue("https://www.googleapis.com/oauth2/v3/certs") String jwkSetUri,
        @DefaultValue({"https://accounts.google.com", "accounts.google.com"}) List<String> issuers,
        @DefaultValue("60s") Duration clockSkew) {

    public GoogleProperties {
        clientIds = clientIds == null ? List.of() : clientIds.stream().filter(id -> id != null && !id.isBlank()).toList();
    }

    public boolean configured() {
        return !clientIds.isEmpty();
    }
}
