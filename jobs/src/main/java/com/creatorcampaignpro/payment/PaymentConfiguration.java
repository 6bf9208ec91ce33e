package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.platform.Secrets;
import com.stripe.StripeClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.charset.StandardCharsets;

/** The Stripe client (the real SDK; its API base is configurable). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StripeProperties.class)
class PaymentConfiguration {

    /**
     * STRIPE_SECRET_KEY is required in prod. Elsewhere an unset key gives a placeholder that Stripe
     * refuses, so adding a Stripe method answers 502 naming Stripe, while PayPal methods still work.
     */
    @Bean
    StripeClient stripeClient(StripeProperties properties, Secrets secrets) {
        byte[] key = secrets.require("STRIPE_SECRET_KEY", properties.secretKey(), "creating Stripe connected accounts", 8);
        String apiKey = properties.secretKey() == null || properties.secretKey().isBlank()
                ? "sk_test_unconfigured" : new String(key, StandardCharsets.UTF_8);
        return StripeClient.builder()
                .setApiKey(apiKey)
                .setApiBase(properties.apiBase())
                .setMaxNetworkRetries(properties.maxNetworkRetries())
                .setConnectTimeout((int) properties.connectTimeout().toMillis())
                .setReadTimeout((int) properties.readTimeout().toMillis())
                // The SDK's exceptions carry no headers: this client keeps the last answer's, so a 429's
                // Retry-After reaches our own client (503 + Retry-After) and Stripe-Should-Retry is seen.
                .setHttpClient(new StripeResponseHeaders())
                .build();
    }

    @Bean
    PayoutAccounts payoutAccounts(StripeClient stripe, StripeProperties properties) {
        return new StripePayoutAccounts(stripe, properties);
    }
}
