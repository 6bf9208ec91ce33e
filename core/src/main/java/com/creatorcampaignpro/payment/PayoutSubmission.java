package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.money.Money;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One call to a payout provider: the items of one of our batches (all of one currency), under one
 * idempotency key that the caller stored before the call. Stripe: one item, key derived from the
 * payment and its attempt. PayPal: the whole batch, key = the sender_batch_id derived from the batch.
 */
public record PayoutSubmission(UUID batchId, String idempotencyKey, String currency, List<Item> items) {

    public PayoutSubmission {
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(currency, "currency");
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a submission carries at least one item");
        }
        for (Item item : items) {
            if (!item.amount().currency().equals(currency)) {
                throw new IllegalArgumentException("item " + item.paymentId() + " is in " + item.amount().currency()
                        + ", the submission in " + currency);
            }
        }
    }

    /**
     * One payment: the net amount, where it goes (a Stripe connected account id or a PayPal
     * email), and a note the payee sees.
     */
    public record Item(UUID paymentId, int attempt, Money amount, String destination, String note) {
        public Item {
            Objects.requireNonNull(paymentId, "paymentId");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(destination, "destination");
            if (amount.minorUnits() <= 0) {
                throw new IllegalArgumentException("payment " + paymentId + ": a payout is positive");
            }
        }
    }

    /** The Stripe idempotency key of one payment's attempt: stable across retries, crashes and restarts. */
    public static String paymentKey(UUID paymentId, int attempt) {
        return "ccp-payout-" + paymentId + "-" + attempt;
    }

    /** PayPal's sender_batch_id of one of our batches (a new batch for every new attempt). */
    public static String batchKey(UUID batchId) {
        return "ccp-" + batchId;
    }
}
