package com.creatorcampaignpro.payment;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * What the Stripe and PayPal webhooks share once a delivery is verified and parsed: each event is
 * applied once (its id claimed in the transaction that applies it, so a redelivery, even a
 * concurrent one, changes nothing), and a reported item state moves its payment only forward (core's
 * PaymentStatus.reportableFrom), the payee told in that same transaction.
 */
@Service
public class ProviderEvents {
    private final WebhookEventDao events;
    private final PayoutDao payouts;
    private final PaymentOutcomes outcomes;

    public ProviderEvents(WebhookEventDao events, PayoutDao payouts, PaymentOutcomes outcomes) {
        this.events = events;
        this.payouts = payouts;
        this.outcomes = outcomes;
    }

    /** What was done with an event: {@code handled} false for a redelivery or a type this platform does not use. */
    public record Outcome(String eventId, String type, boolean handled) {
    }

    /** Claims the event and, the first time only, runs {@code apply} (true: it changed something) in the same transaction. */
    @Transactional
    public Outcome applyOnce(String provider, String eventId, String type, BooleanSupplier apply) {
        if (events.claim(provider, eventId, type) == 0) {
            return new Outcome(eventId, type, false);
        }
        return new Outcome(eventId, type, apply.getAsBoolean());
    }

    /** A provider reported {@code state} for one payment of one of our batches; call inside {@link #applyOnce}. */
    void itemReported(UUID batchId, UUID paymentId, PayoutItemState state, String reference, String rawStatus,
                      String reason) {
        payouts.applyItemState(batchId, paymentId, PayoutSettlement.status(state), PayoutSettlement.allowedFrom(state),
                reference, rawStatus, reason).ifPresent(moved -> outcomes.moved(List.of(moved)));
    }
}
