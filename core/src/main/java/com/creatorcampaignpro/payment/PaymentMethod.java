package com.creatorcampaignpro.payment;

import java.time.Instant;
import java.util.UUID;

/** Where a payee is paid: a Stripe Express connected account or a PayPal email. */
public record PaymentMethod(UUID id, UUID userId, String provider, String stripeAccountId, String paypalEmail,
                            String status, boolean isDefault, Instant createdAt, Instant updatedAt) {
}
