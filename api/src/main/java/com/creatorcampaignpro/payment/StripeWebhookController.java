package com.creatorcampaignpro.payment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Stripe calls this without a token: the Stripe-Signature header authenticates each event instead. */
@RestController
@Tag(name = "payments")
class StripeWebhookController {
    private final StripeWebhooks webhooks;

    StripeWebhookController(StripeWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    static final int MAX_EVENT_CHARS = 1_000_000;

    @PostMapping("/api/payments/webhooks/stripe")
    @PreAuthorize("permitAll()")
    @SecurityRequirements
    @Operation(summary = "Stripe events (signed): account.updated activates a payee's Stripe method once onboarding is done")
    ProviderEvents.Outcome receive(@RequestBody @io.swagger.v3.oas.annotations.media.Schema(maxLength = MAX_EVENT_CHARS)
                                   String payload,
                                   @RequestHeader(value = "Stripe-Signature", required = false) String signature) {
        // Stripe's events are a few KB; a bounded body keeps an unsigned flood from costing memory and HMACs.
        if (payload.length() > MAX_EVENT_CHARS) {
            throw new com.creatorcampaignpro.error.ValidationException("body", "must be at most " + MAX_EVENT_CHARS + " characters");
        }
        return webhooks.receive(payload, signature);
    }
}
