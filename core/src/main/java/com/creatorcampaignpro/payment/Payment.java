package com.creatorcampaignpro.payment;

import java.time.Instant;
import java.util.UUID;

/** One payment per approved deliverable; amounts in minor units of {@code currency}. */
public record Payment(UUID id, UUID contentId, UUID campaignId, String campaignName, UUID marketerId,
                      UUID influencerId, UUID paymentMethodId, String provider, long amount, long feeAmount,
                      long taxAmount, long netAmount, String currency, PaymentStatus status, String holdReason,
                      String failureReason, String providerReference, int attempt, Instant paidAt,
                      Instant createdAt, Instant updatedAt) {
}
