package com.creatorcampaignpro.payment;

import java.util.UUID;

/**
 * The port to the payout provider's account onboarding (Stripe Connect Express). The settlement job's
 * {@code PayoutProvider} moves money; this only opens and onboards the payee's account.
 */
public interface PayoutAccounts {

    /**
     * Creates the payee's Express connected account and returns its id. Retrying for the same user
     * must not open a second account (the adapter derives the idempotency key from {@code userId}).
     */
    String createExpressAccount(UUID userId, String email, String country);

    /** A single-use link to the provider's hosted onboarding for the account. */
    OnboardingLink onboardingLink(String accountId);

    /** Whether the payee finished onboarding and the provider lets us pay them. */
    boolean payoutsEnabled(String accountId);

    record OnboardingLink(String url, java.time.Instant expiresAt) {
    }
}
