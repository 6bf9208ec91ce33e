package com.creatorcampaignpro.social;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Social platforms: where each one lives (base URLs are configurable so tests and staging point at
 * fakes), the app's credentials there, and the token encryption key. A platform without a client
 * id or secret is switched off: connecting to it answers 503.
 */
@ConfigurationProperties("ccp.social")
public record SocialProperties(
        String tokenKey,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout,
        @DefaultValue("60s") Duration defaultRetryAfter,
        @DefaultValue("5m") Duration refreshSkew,
        @DefaultValue Provider instagram,
        @DefaultValue Provider youtube,
        @DefaultValue Provider tiktok,
        @DefaultValue Provider twitter) {

    /**
     * {@code baseUrl}: the API host; {@code oauthBaseUrl}: the token endpoint's host where it differs
     * (Google), else blank; {@code apiVersion}: the Graph API version (Instagram only).
     */
    public record Provider(String baseUrl, String oauthBaseUrl, String apiVersion, String clientId,
                           String clientSecret) {

        public boolean configured() {
            return baseUrl != null && !baseUrl.isBlank() && clientId != null && !clientId.isBlank()
                    && clientSecret != null && !clientSecret.isBlank();
        }

        public String oauthBase() {
            return oauthBaseUrl == null || oauthBaseUrl.isBlank() ? baseUrl : oauthBaseUrl;
        }
    }
}
