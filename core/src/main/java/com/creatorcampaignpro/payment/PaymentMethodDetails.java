package com.creatorcampaignpro.payment;

/**
 * Provider details of a payment method that are safe to store and show: never a secret, a token or
 * a full account number. {@code country}: the payee's ISO-3166 alpha-2 country (Stripe onboarding);
 * {@code payoutsEnabled}: the provider's last word on whether it pays out (null = not reported yet).
 */
public record PaymentMethodDetails(String country, Boolean payoutsEnabled) {
    public static final PaymentMethodDetails NONE = new PaymentMethodDetails(null, null);
}
