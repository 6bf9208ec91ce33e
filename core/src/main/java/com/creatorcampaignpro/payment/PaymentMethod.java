package com.creatorcampaignpro.payment;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a payee is paid: a Stripe Express connected account or a PayPal email. {@code name} is the
 * payee's display name for it (never null: without one, {@link #defaultName}); {@code details} what
 * the provider told us that is safe to show.
 */
public record PaymentMethod(UUID id, UUID userId, String provider, String name, PaymentMethodDetails details,
                            String stripeAccountId, String paypalEmail, String status, boolean isDefault,
                            Instant createdAt, Instant updatedAt) {

    public static final String ACTIVE = "active";

    public PaymentMethod {
        details = details == null ? PaymentMethodDetails.NONE : details;
        name = name == null ? defaultName(provider, paypalEmail) : name;
    }

    /**
     * Verified: the provider confirmed this method receives payouts. A Stripe method becomes active
     * only when Stripe reports payouts enabled, so active is verified; a PayPal email is payable at
     * once but verified only once PayPal reported a payout to it ({@code details.payoutsEnabled}).
     * Derived rather than stored (the seed's is_verified), so it cannot disagree with the status.
     */
    public boolean verified() {
        return ACTIVE.equals(status) && ("stripe".equals(provider) || Boolean.TRUE.equals(details.payoutsEnabled()));
    }

    /** The display name a method gets when the payee gives none. */
    public static String defaultName(String provider, String paypalEmail) {
        String name = "paypal".equals(provider) ? "PayPal " + paypalEmail : "Stripe";
        return name.length() <= 100 ? name : name.substring(0, 100);
    }
}
