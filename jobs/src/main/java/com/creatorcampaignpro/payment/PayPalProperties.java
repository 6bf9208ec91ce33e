package com.creatorcampaignpro.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * PayPal Payouts v1: the REST base (sandbox, live, or a local fake in tests), the app's client
 * credentials (from PAYPAL_CLIENT_ID / PAYPAL_CLIENT_SECRET), the id of the webhook registered for
 * POST /api/payments/webhooks/paypal (PAYPAL_WEBHOOK_ID), network settings and the page size of
 * batch reads (PayPal allows up to 1000).
 */
@ConfigurationProperties("ccp.paypal")
public record PayPalProperties(
        @DefaultValue("https://api-m.paypal.com") String baseUrl,
        String clientId,
        String clientSecret,
        String webhookId,
        @DefaultValue("You have a payout from Creator Campaign Pro") String emailSubject,
        @DefaultValue("1000") int pageSize,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("60s") Duration tokenRefreshSkew) {

    public boolean configured() {
        return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
    }
}
