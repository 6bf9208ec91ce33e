package com.creatorcampaignpro.payment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a provider holds for a submission or a batch: its id of the payout (PayPal's payout_batch_id;
 * null for Stripe), its raw batch status, and every item it knows.
 */
public record PayoutReceipt(String providerBatchId, String rawBatchStatus, List<ItemResult> items) {

    public PayoutReceipt {
        items = List.copyOf(items);
    }

    public Optional<ItemResult> item(UUID paymentId) {
        return items.stream().filter(i -> i.paymentId().equals(paymentId)).findFirst();
    }

    /**
     * One item as the provider reports it: its reference (Stripe transfer id, PayPal
     * payout_item_id), our state for it, the provider's own status word, and why it failed.
     */
    public record ItemResult(UUID paymentId, String providerReference, PayoutItemState state, String rawStatus,
                             String failureReason) {
    }
}
