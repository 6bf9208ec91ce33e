package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.payment.PayoutCallException.Outcome;
import com.creatorcampaignpro.payment.PayoutReceipt.ItemResult;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * PayPal Payouts v1 over OkHttp: one payout per batch, {@code sender_batch_id} derived from our batch
 * id, {@code sender_item_id} = the payment id, amounts as decimal strings with the currency's
 * exponent. PayPal refuses a {@code sender_batch_id} it has seen in the last 30 days and points to the
 * original payout: that refusal is what makes a re-sent batch safe, and how a batch whose answer was
 * lost is found again.
 */
public class PayPalPayouts implements PayoutProvider {
    public static final int MAX_ITEMS = 15_000;
    private static final int MAX_SENDER_ITEM_ID = 63;

    private final PayPalClient client;
    private final PayPalProperties properties;

    public PayPalPayouts(PayPalClient client, PayPalProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "paypal";
    }

    @Override
    public int maxItemsPerSubmission() {
        return MAX_ITEMS;
    }

    @Override
    public PayoutReceipt submit(PayoutSubmission submission) {
        if (submission.items().size() > MAX_ITEMS) {
            throw new IllegalArgumentException("a PayPal payout carries at most " + MAX_ITEMS + " items");
        }
        PayPalClient.Answer answer = client.call("POST", client.url("/v1/payments/payouts"), body(submission), true, Map.of());
        if (answer.ok()) {
            return receipt(answer.body(), submission);
        }
        JsonNode error = answer.body();
        if (duplicateBatch(error)) {
            // Sent before (our answer was lost, or we crashed before committing it): read the original.
            String href = originalLink(error).orElseThrow(() -> new PayoutCallException("paypal", Outcome.UNKNOWN,
                    answer.status(), "DUPLICATE_BATCH", "sender_batch_id " + submission.idempotencyKey()
                    + " already used and PayPal named no original payout", null, null));
            String payoutBatchId = href.substring(href.lastIndexOf('/') + 1);
            PayoutReceipt original = status(submission.batchId(), payoutBatchId);
            return original.items().isEmpty() ? pendingReceipt(payoutBatchId, original.rawBatchStatus(), submission) : original;
        }
        String name = PayPalClient.errorName(error);
        throw new PayoutCallException("paypal", answer.status() == 404 ? Outcome.NOT_APPLIED : Outcome.REFUSED,
                answer.status(), name, "payout refused (HTTP " + answer.status() + (name == null ? "" : ", " + name) + ")"
                + details(error), null, null);
    }

    /**
     * PayPal has no read by sender_batch_id: the lookup is the same POST, which PayPal answers with
     * "duplicate" and a link to the original when the first one arrived, and otherwise processes as
     * the first and only payout of that sender_batch_id (PayPal completes a payment only once per
     * sender_batch_id within 30 days).
     */
    @Override
    public Optional<PayoutReceipt> lookup(PayoutSubmission submission) {
        return Optional.of(submit(submission));
    }

    @Override
    public PayoutReceipt status(UUID batchId, String providerBatchId) {
        if (providerBatchId == null || providerBatchId.isBlank()) {
            throw new IllegalArgumentException("a PayPal batch is read by its payout_batch_id");
        }
        List<ItemResult> items = new ArrayList<>();
        String batchStatus = null;
        int pageSize = Math.max(1, Math.min(1000, properties.pageSize()));
        for (int page = 1; ; page++) {
            HttpUrl url = client.url("/v1/payments/payouts/" + providerBatchId).newBuilder()
                    .addQueryParameter("page", Integer.toString(page))
                    .addQueryParameter("page_size", Integer.toString(pageSize))
                    .addQueryParameter("total_required", "true")
                    .build();
            PayPalClient.Answer answer = client.call("GET", url, null, false, Map.of());
            if (!answer.ok() || answer.body() == null) {
                throw new PayoutCallException("paypal", answer.status() == 404 ? Outcome.REFUSED : Outcome.NOT_APPLIED,
                        answer.status(), PayPalClient.errorName(answer.body()),
                        "payout " + providerBatchId + " unreadable (HTTP " + answer.status() + ")", null, null);
            }
            JsonNode body = answer.body();
            batchStatus = body.path("batch_header").path("batch_status").asString(null);
            JsonNode pageItems = body.path("items");
            for (JsonNode item : pageItems) {
                itemResult(item).ifPresent(items::add);
            }
            int totalPages = body.path("total_pages").asInt(0);
            if (pageItems.isEmpty() || (totalPages > 0 ? page >= totalPages : pageItems.size() < pageSize)) {
                return new PayoutReceipt(providerBatchId, batchStatus, items);
            }
        }
    }

    private String body(PayoutSubmission submission) {
        ObjectNode root = client.json().createObjectNode();
        ObjectNode header = root.putObject("sender_batch_header");
        header.put("sender_batch_id", submission.idempotencyKey());
        header.put("recipient_type", "EMAIL");
        header.put("email_subject", properties.emailSubject());
        ArrayNode items = root.putArray("items");
        for (PayoutSubmission.Item item : submission.items()) {
            String senderItemId = item.paymentId().toString();
            if (senderItemId.length() > MAX_SENDER_ITEM_ID) {
                throw new IllegalArgumentException("sender_item_id longer than " + MAX_SENDER_ITEM_ID);
            }
            ObjectNode node = items.addObject();
            node.put("recipient_type", "EMAIL");
            node.putObject("amount")
                    .put("value", item.amount().toDecimal().toPlainString())
                    .put("currency", item.amount().currency());
            node.put("receiver", item.destination());
            node.put("sender_item_id", senderItemId);
            if (item.note() != null && !item.note().isBlank()) {
                node.put("note", item.note());
            }
        }
        return client.json().writeValueAsString(root);
    }

    /** The answer to a created payout: its id and status; items are not processed yet. */
    private PayoutReceipt receipt(JsonNode body, PayoutSubmission submission) {
        JsonNode header = body == null ? null : body.path("batch_header");
        String payoutBatchId = header == null ? "" : header.path("payout_batch_id").asString("");
        if (payoutBatchId.isEmpty()) {
            throw new PayoutCallException("paypal", Outcome.UNKNOWN, 201, null,
                    "payout accepted without a payout_batch_id", null, null);
        }
        return pendingReceipt(payoutBatchId, header.path("batch_status").asString(null), submission);
    }

    private static PayoutReceipt pendingReceipt(String payoutBatchId, String status, PayoutSubmission submission) {
        List<ItemResult> items = submission.items().stream()
                .map(i -> new ItemResult(i.paymentId(), null, PayoutItemState.IN_FLIGHT, status, null)).toList();
        return new PayoutReceipt(payoutBatchId, status, items);
    }

    private static Optional<ItemResult> itemResult(JsonNode item) {
        String senderItemId = item.path("payout_item").path("sender_item_id").asString("");
        UUID paymentId;
        try {
            paymentId = UUID.fromString(senderItemId);
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
        String status = item.path("transaction_status").asString("PENDING").toUpperCase(Locale.ROOT);
        JsonNode errors = item.path("errors");
        String reason = null;
        if (errors.isObject()) {
            String name = errors.path("name").asString("");
            String message = errors.path("message").asString("");
            reason = (name + (message.isEmpty() ? "" : ": " + message)).trim();
            reason = reason.isEmpty() ? null : reason;
        }
        return Optional.of(new ItemResult(paymentId, item.path("payout_item_id").asString(null), state(status), status,
                reason == null && state(status) == PayoutItemState.FAILED ? status : reason));
    }

    /** PayPal's transaction_status in our words. BLOCKED and DENIED items are not paid: failed. */
    static PayoutItemState state(String transactionStatus) {
        return switch (transactionStatus) {
            case "SUCCESS" -> PayoutItemState.PAID;
            case "FAILED", "BLOCKED", "DENIED" -> PayoutItemState.FAILED;
            case "UNCLAIMED" -> PayoutItemState.UNCLAIMED;
            case "RETURNED", "REFUNDED" -> PayoutItemState.RETURNED;
            case "REVERSED" -> PayoutItemState.REVERSED;
            default -> PayoutItemState.IN_FLIGHT;   // PENDING, ONHOLD, NEW, UNCLAIMED-in-progress...
        };
    }

    private static boolean duplicateBatch(JsonNode error) {
        if (error == null) {
            return false;
        }
        for (JsonNode detail : error.path("details")) {
            String field = detail.path("field").asString("");
            String issue = detail.path("issue").asString("").toLowerCase(Locale.ROOT);
            if (field.equalsIgnoreCase("SENDER_BATCH_ID") || field.endsWith("sender_batch_id")) {
                if (issue.contains("duplicate") || issue.contains("already")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Optional<String> originalLink(JsonNode error) {
        for (JsonNode link : error.path("links")) {
            String href = link.path("href").asString("");
            if (href.contains("/v1/payments/payouts/") && "GET".equalsIgnoreCase(link.path("method").asString("GET"))) {
                int query = href.indexOf('?');
                return Optional.of(query < 0 ? href : href.substring(0, query));
            }
        }
        return Optional.empty();
    }

    private static String details(JsonNode error) {
        if (error == null || !error.path("details").isArray() || error.path("details").isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(": ");
        int n = 0;
        for (JsonNode detail : error.path("details")) {
            if (n++ == 5) {
                out.append(", ...");
                break;
            }
            out.append(n > 1 ? ", " : "").append(detail.path("field").asString("?"))
                    .append(' ').append(detail.path("issue").asString(""));
        }
        return out.toString();
    }
}
