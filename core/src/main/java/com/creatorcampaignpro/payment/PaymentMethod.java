package com.creatorcampaignpro.payment;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a payee is paid: a Stripe Express connected account or a PayPal email. {@code name} is the
 * payee's display name for it; {@code details} what the provider told us that is safe to show.
 */
public record PaymentMethod(UUID id, UUID userId, String provider, String name, PaymentMethodDetails details,
                            String stripeAccountId, String paypalEmail, String status, boolean isDefault,
                            Instant createdAt, Instant updatedAt) {

    public static final String ACTIVE = "active";

    public PaymentMethod {
        details = details == null ? PaymentMethodDetails.NONE : details;
    }

    /**
     * Verified once the provider confirmed it can receive payouts, which is what makes it active:
     * derived rather than stored, so it can never disagree with {@code status}.
     */
    public boolean verified() {
        return ACTIVE.equals(status);
    }
}
