package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * PayPal's Payouts events at POST /api/payments/webhooks/paypal. Each delivery is verified by PayPal
 * itself (verify-webhook-signature, a call made before any transaction opens), then applied once:
 * the event id is stored in the transaction that applies it, and a payment only moves forward.
 */
@Service
public class PayPalWebhooks {
    private static final Logger log = LoggerFactory.getLogger(PayPalWebhooks.class);
    private static final Map<String, PayoutItemState> ITEM_EVENTS = Map.of(
            "SUCCEEDED", PayoutItemState.PAID,
            "FAILED", PayoutItemState.FAILED,
            "BLOCKED", PayoutItemState.FAILED,
            "DENIED", PayoutItemState.FAILED,
            "CANCELED", PayoutItemState.FAILED,
            "UNCLAIMED", PayoutItemState.UNCLAIMED,
            "RETURNED", PayoutItemState.RETURNED,
            "REFUNDED", PayoutItemState.RETURNED);

    private final PayPalWebhookVerifier verifier;
    private final PayoutDao payouts;
    private final ProviderEvents events;
    private final JsonMapper json;

    public PayPalWebhooks(PayPalWebhookVerifier verifier, PayoutDao payouts, ProviderEvents events, JsonMapper json) {
        this.verifier = verifier;
        this.payouts = payouts;
        this.events = events;
        this.json = json;
    }

    /** Verified with PayPal first: that call runs before any transaction opens. */
    public ProviderEvents.Outcome receive(String payload, PayPalWebhookVerifier.Transmission transmission) {
        if (!transmission.complete()) {
            throw new ValidationException("PAYPAL-TRANSMISSION-SIG", "and the other PAYPAL-* transmission headers are required");
        }
        if (!verifier.configured()) {
            throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                    Problems.type("paypal-webhooks-not-configured"), "PayPal webhooks are not configured",
                    "set PAYPAL_CLIENT_ID, PAYPAL_CLIENT_SECRET and PAYPAL_WEBHOOK_ID"), null);
        }
        if (!verifier.verify(transmission, payload)) {
            throw new ValidationException("PAYPAL-TRANSMISSION-SIG", "PayPal did not verify this delivery (altered, replayed"
                    + " or not from PayPal)");
        }
        JsonNode event;
        try {
            event = json.readTree(payload);
        } catch (JacksonException e) {
            throw new ValidationException("body", "is not a PayPal event");
        }
        String id = event.path("id").asString("");
        String type = event.path("event_type").asString("");
        if (id.isEmpty()) {
            throw new ValidationException("body", "is not a PayPal event (no id)");
        }
        return events.applyOnce("paypal", id, type, () -> apply(type, event.path("resource")));
    }

    private boolean apply(String type, JsonNode resource) {
        if (type.startsWith("PAYMENT.PAYOUTS-ITEM.")) {
            PayoutItemState state = ITEM_EVENTS.get(type.substring("PAYMENT.PAYOUTS-ITEM.".length()).toUpperCase(Locale.ROOT));
            Optional<UUID> batch = payouts.findByProviderBatchId("paypal", resource.path("payout_batch_id").asString(""));
            UUID payment = uuid(resource.path("payout_item").path("sender_item_id").asString(""));
            if (state == null || batch.isEmpty() || payment == null) {
                return false;
            }
            String reason = state == PayoutItemState.FAILED
                    ? resource.path("errors").path("name").asString(resource.path("transaction_status").asString(type)) : null;
            events.itemReported(batch.get(), payment, state, resource.path("payout_item_id").asString(null),
                    resource.path("transaction_status").asString(null), reason);
            return true;
        }
        if (type.startsWith("PAYMENT.PAYOUTSBATCH.")) {
            JsonNode header = resource.path("batch_header");
            Optional<UUID> batch = payouts.findByProviderBatchId("paypal", header.path("payout_batch_id").asString(""));
            batch.ifPresent(b -> payouts.recordProviderBatch(b, null, header.path("batch_status").asString(null)));
            return batch.isPresent();
        }
        log.debug("Ignored PayPal event of type {}", type);
        return false;
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
