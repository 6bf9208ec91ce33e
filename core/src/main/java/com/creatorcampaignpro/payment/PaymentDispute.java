package com.creatorcampaignpro.payment;

import java.time.Instant;
import java.util.UUID;

/** A payee's or payer's objection to a payment; finance resolves it as upheld or rejected. */
public record PaymentDispute(UUID id, UUID paymentId, UUID openedBy, String reason, String status, String outcome,
                             String resolutionNote, UUID resolvedBy, Instant createdAt, Instant resolvedAt) {
}
