package com.creatorcampaignpro.payment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** PayPal calls this without a token: PayPal's own verification of the transmission authenticates each event. */
@RestController
@Tag(name = "payments")
class PayPalWebhookController {
    private final PayPalWebhooks webhooks;

    PayPalWebhookController(PayPalWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    static final int MAX_EVENT_CHARS = 1_000_000;

    @PostMapping("/api/payments/webhooks/paypal")
    @PreAuthorize("permitAll()")
    @SecurityRequirements
    @Operation(summary = "PayPal Payouts events (PAYMENT.PAYOUTSBATCH.*, PAYMENT.PAYOUTS-ITEM.*), verified with PayPal;"
            + " each applied once, never moving a payment backwards")
    ProviderEvents.Outcome receive(@RequestBody @io.swagger.v3.oas.annotations.media.Schema(maxLength = MAX_EVENT_CHARS)
                                   String payload,
                                   @RequestHeader(value = "PAYPAL-TRANSMISSION-ID", required = false) String id,
                                   @RequestHeader(value = "PAYPAL-TRANSMISSION-TIME", required = false) String time,
                                   @RequestHeader(value = "PAYPAL-TRANSMISSION-SIG", required = false) String signature,
                                   @RequestHeader(value = "PAYPAL-CERT-URL", required = false) String certUrl,
                                   @RequestHeader(value = "PAYPAL-AUTH-ALGO", required = false) String authAlgo) {
        // PayPal's events are a few KB; a bounded body keeps an unverified flood from costing memory and calls.
        if (payload.length() > MAX_EVENT_CHARS) {
            throw new com.creatorcampaignpro.error.ValidationException("body", "must be at most " + MAX_EVENT_CHARS + " characters");
        }
        return webhooks.receive(payload, new PayPalWebhookVerifier.Transmission(id, time, signature, certUrl, authAlgo));
    }
}
