package com.creatorcampaignpro.payment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The port through which the settlement job moves money: Stripe transfers (one submission per payment)
 * and PayPal payouts (one submission per batch of up to 15,000 items) behind one shape.
 *
 * <p>Contract every adapter keeps, because a payment must never be sent twice:
 * <ul>
 *   <li>{@link #submit} is idempotent per {@link PayoutSubmission#idempotencyKey()}: sending the same
 *       submission again (after a timeout, a crash, a restart) never pays a second time. The caller
 *       stores the key before calling.</li>
 *   <li>{@link #lookup} answers what the provider holds for a submission whose outcome is unknown,
 *       before the caller decides to send anything again.</li>
 *   <li>Failures are {@link PayoutCallException}s saying whether the provider refused (nothing will
 *       happen), did nothing (retry with the same key), or may have acted (look it up).</li>
 * </ul>
 */
public interface PayoutProvider {

    /** {@code stripe} or {@code paypal}, as stored in payments.provider. */
    String name();

    /** Most items one submission may carry: 1 for a per-payment provider, up to 15,000 for PayPal. */
    int maxItemsPerSubmission();

    /** Sends the submission; the receipt holds what the provider answered for each item. */
    PayoutReceipt submit(PayoutSubmission submission);

    /**
     * What the provider holds for a submission whose answer never reached us (timeout, dropped
     * connection, crash between the answer and our commit). Empty: nothing arrived, the same
     * submission (same key) may be sent again.
     */
    Optional<PayoutReceipt> lookup(PayoutSubmission submission);

    /**
     * {@link #lookup} for several one-item submissions of batch {@code batchId} at once (the attempts a
     * crash left "sent"), keyed by payment id; a payment absent from the map has nothing at the
     * provider. Adapters that can read a whole batch in one go override it (Stripe lists the transfer
     * group once instead of once per payment).
     */
    default Map<UUID, PayoutReceipt> lookupAll(UUID batchId, List<PayoutSubmission> submissions) {
        Map<UUID, PayoutReceipt> found = new LinkedHashMap<>();
        for (PayoutSubmission submission : submissions) {
            lookup(submission).ifPresent(receipt -> found.put(submission.items().get(0).paymentId(), receipt));
        }
        return found;
    }

    /**
     * The current state of every item of a submitted batch, all pages read: {@code providerBatchId}
     * is the provider's id of the payout (PayPal) and may be null for per-payment providers, which
     * find the batch's items by our {@code batchId}.
     */
    PayoutReceipt status(UUID batchId, String providerBatchId);
}
