package com.creatorcampaignpro.payment;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * Checks a PayPal webhook delivery through PayPal's own verify-webhook-signature call, with the
 * transmission headers and our webhook id. The event goes back to PayPal as received: PayPal signs
 * the raw bytes, so a re-serialized event could fail to verify.
 */
public class PayPalWebhookVerifier {
    private final PayPalClient client;
    private final PayPalProperties properties;

    public PayPalWebhookVerifier(PayPalClient client, PayPalProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    /** The PAYPAL-* transmission headers of one delivery. */
    public record Transmission(String id, String time, String signature, String certUrl, String authAlgo) {
        public boolean complete() {
            return notBlank(id) && notBlank(time) && notBlank(signature) && notBlank(certUrl) && notBlank(authAlgo);
        }

        private static boolean notBlank(String s) {
            return s != null && !s.isBlank();
        }
    }

    public boolean configured() {
        return properties.configured() && properties.webhookId() != null && !properties.webhookId().isBlank();
    }

    /** True only when PayPal answers SUCCESS; an unreadable event or incomplete headers are false. */
    public boolean verify(Transmission transmission, String rawEvent) {
        if (!transmission.complete() || client.parse(rawEvent) == null || !client.parse(rawEvent).isObject()) {
            return false;
        }
        ObjectNode request = client.json().createObjectNode()
                .put("auth_algo", transmission.authAlgo())
                .put("cert_url", transmission.certUrl())
                .put("transmission_id", transmission.id())
                .put("transmission_sig", transmission.signature())
                .put("transmission_time", transmission.time())
                .put("webhook_id", properties.webhookId());
        String head = client.json().writeValueAsString(request);
        // The raw event (already checked to be one JSON object) spliced in as the last member.
        String body = head.substring(0, head.length() - 1) + ",\"webhook_event\":" + rawEvent + "}";
        PayPalClient.Answer answer = client.call("POST", client.url("/v1/notifications/verify-webhook-signature"), body,
                false, Map.of());
        JsonNode result = answer.body();
        return answer.ok() && result != null && "SUCCESS".equals(result.path("verification_status").asString(""));
    }
}
