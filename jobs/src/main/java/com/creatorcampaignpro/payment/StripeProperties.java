package com.creatorcampaignpro.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Stripe Connect: the API base (a local fake in tests), the secret key (from STRIPE_SECRET_KEY), the
 * webhook signing secret (from STRIPE_WEBHOOK_SECRET), where Stripe's hosted onboarding sends the
 * payee back, and the SDK's network settings.
 */
@ConfigurationProperties("ccp.stripe")
public record StripeProperties(
        @DefaultValue("https://api.stripe.com") String apiBase,
        String secretKey,
        String webhookSecret,
        @DefaultValue("300s") Duration webhookTolerance,
        @DefaultValue("http://localhost:8080/payments/onboarding/refresh") String onboardingRefreshUrl,
        @DefaultValue("http://localhost:8080/payments/onboarding/done") String onboardingReturnUrl,
        @DefaultValue("US") String defaultCountry,
        @DefaultValue("2") int maxNetworkRetries,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout) {
}
