package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.audit.AuditLogDao;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.web.Problems;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/**
 * Events Stripe sends to POST /api/payments/webhooks/stripe. The signature (HMAC of the raw body
 * with the endpoint's secret, and a timestamp against replays) is checked before anything is read.
 * Stripe delivers at least once and out of order, so every handler is an idempotent state change.
 */
@Service
public class StripeWebhooks {
    private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);

    private final StripeProperties properties;
    private final PaymentMethodDao methods;
    private final ProviderEvents events;
    private final AuditLogDao audit;
    private final JsonMapper json;

    public StripeWebhooks(StripeProperties properties, PaymentMethodDao methods, ProviderEvents events, AuditLogDao audit,
                          JsonMapper json) {
        this.properties = properties;
        this.methods = methods;
        this.events = events;
        this.audit = audit;
        this.json = json;
    }

    public ProviderEvents.Outcome receive(String payload, String signatureHeader) {
        String secret = properties.webhookSecret();
        if (secret == null || secret.isBlank()) {
            throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                    Problems.type("stripe-webhooks-not-configured"), "Stripe webhooks are not configured",
                    "set STRIPE_WEBHOOK_SECRET to the endpoint's signing secret"), null);
        }
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new ValidationException("Stripe-Signature", "is required");
        }
        try {
            Webhook.Signature.verifyHeader(payload, signatureHeader, secret, properties.webhookTolerance().toSeconds());
        } catch (SignatureVerificationException e) {
            throw new ValidationException("Stripe-Signature", "does not match the body (wrong secret, altered or replayed event)");
        }
        JsonNode event;
        try {
            event = json.readTree(payload);
        } catch (JacksonException e) {
            throw new ValidationException("body", "is not a Stripe event");
        }
        String id = event.path("id").asString("");
        String type = event.path("type").asString("");
        if (id.isEmpty()) {
            throw new ValidationException("body", "is not a Stripe event (no id)");
        }
        JsonNode object = event.path("data").path("object");
        // Claimed in the transaction that applies the event: a redelivery finds it and changes nothing.
        return events.applyOnce("stripe", id, type, () -> switch (type) {
            case "account.updated" -> accountUpdated(id, object);
            case "transfer.created", "transfer.updated" -> transfer(object,
                    object.path("reversed").asBoolean(false) || object.path("amount_reversed").asLong(0) > 0
                            ? PayoutItemState.REVERSED : PayoutItemState.PAID);
            case "transfer.reversed" -> transfer(object, PayoutItemState.REVERSED);
            case "payout.failed" -> payoutFailed(id, event, object);
            default -> {
                log.debug("Ignored Stripe event {} of type {}", id, type);
                yield false;
            }
        });
    }

    /**
     * A transfer we made (our ids in its metadata) was created, updated or reversed. Only forward
     * moves apply: a late transfer.created after transfer.reversed leaves the payment reversed.
     */
    private boolean transfer(JsonNode transfer, PayoutItemState state) {
        String payment = transfer.path("metadata").path("ccp_payment_id").asString("");
        String batch = transfer.path("metadata").path("ccp_batch_id").asString("");
        if (payment.isEmpty() || batch.isEmpty()) {
            return true;   // not one of our payout transfers
        }
        java.util.UUID batchId;
        java.util.UUID paymentId;
        try {
            batchId = java.util.UUID.fromString(batch);
            paymentId = java.util.UUID.fromString(payment);
        } catch (IllegalArgumentException notOurIds) {
            log.warn("Stripe transfer {} carries metadata that are not our ids", transfer.path("id").asString(""));
            return true;
        }
        events.itemReported(batchId, paymentId, state, transfer.path("id").asString(null),
                state == PayoutItemState.REVERSED ? "reversed" : "paid", null);
        return true;
    }

    /**
     * A payee's connected account could not pay out to their bank. The transfer to their Stripe
     * balance stands (the payment stays paid); the failure is audited for finance and support.
     */
    private boolean payoutFailed(String eventId, JsonNode event, JsonNode payout) {
        String account = event.path("account").asString("");
        audit.record(null, "stripe.payout_failed", "stripe_account", account.isEmpty() ? null : account,
                json.writeValueAsString(Map.of("event", eventId, "payout", payout.path("id").asString(""),
                        "failureCode", payout.path("failure_code").asString(""),
                        "failureMessage", payout.path("failure_message").asString(""))));
        log.warn("Stripe payout {} of connected account {} failed: {}", payout.path("id").asString(""), account,
                payout.path("failure_code").asString(""));
        return true;
    }

    /** An Express account finished onboarding: its pending payout method becomes active. */
    private boolean accountUpdated(String eventId, JsonNode account) {
        String accountId = account.path("id").asString("");
        boolean ready = account.path("payouts_enabled").asBoolean(false) && account.path("details_submitted").asBoolean(false);
        if (!ready || accountId.isEmpty()) {
            return true;
        }
        List<PaymentMethod> activated = methods.activateStripeAccount(accountId);
        for (PaymentMethod method : activated) {
            audit.record(null, "payment_method.activated", "payment_method", method.id().toString(),
                    json.writeValueAsString(Map.of("source", "stripe webhook", "event", eventId, "stripeAccountId", accountId)));
            log.info("Stripe account {} is ready for payouts: payment method {} of user {} is active",
                    accountId, method.id(), method.userId());
        }
        return true;
    }
}
