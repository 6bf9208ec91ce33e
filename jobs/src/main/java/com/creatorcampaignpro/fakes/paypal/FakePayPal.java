package com.creatorcampaignpro.fakes.paypal;

import com.creatorcampaignpro.fakes.FakeHttp;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Credentials;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

/**
 * A stateful fake of PayPal Payouts v1 and the webhook verification call, speaking PayPal's paths,
 * JSON and error shapes: client-credentials tokens that expire, payouts refused for a
 * {@code sender_batch_id} seen before (with a link to the original, as PayPal does), a whole batch
 * refused with VALIDATION_ERROR for one bad item, batches moving PENDING -> PROCESSING -> SUCCESS with
 * each item ending as the test set it (SUCCESS, FAILED, UNCLAIMED, ...), paginated reads, and signed
 * webhook deliveries that only {@code /v1/notifications/verify-webhook-signature} can check.
 * Used by tests and by the benchmark; the application never starts it.
 */
public final class FakePayPal extends Dispatcher implements AutoCloseable {
    public static final String CLIENT_ID = "fake-paypal-client";
    public static final String CLIENT_SECRET = "fake-paypal-secret";
    public static final String WEBHOOK_ID = "WH-FAKE-0123456789";

    public enum Fault {
        /** 503 before doing anything. */
        SERVER_ERROR,
        /** The payout is created, then a 500 answers. */
        SERVER_ERROR_AFTER_APPLYING,
        /** 429 with Retry-After. */
        RATE_LIMITED,
        /** The whole batch refused: 400 VALIDATION_ERROR naming the first item. */
        VALIDATION_ERROR,
        /** The payout is created, the answer comes after {@link #setSlowDelay}. */
        SLOW_AFTER_APPLYING,
        /** The payout is created, then the connection closes without an answer. */
        DROP_AFTER_APPLYING,
        /** The bearer token is refused (401) as if it had expired early. */
        TOKEN_EXPIRED
    }

    /** One payout item as PayPal holds it. */
    public record Item(String payoutItemId, String payoutBatchId, String senderItemId, String receiver, String value,
                       String currency, String status, String finalStatus) {
        Item withStatus(String newStatus) {
            return new Item(payoutItemId, payoutBatchId, senderItemId, receiver, value, currency, newStatus, finalStatus);
        }
    }

    /** A delivery as PayPal posts it: the body and the PAYPAL-* transmission headers. */
    public record Webhook(String body, Map<String, String> headers) {
    }

    private static final class Batch {
        final String id;
        final String senderBatchId;
        final Instant created;
        volatile String status = "PENDING";
        final List<Item> items;

        Batch(String id, String senderBatchId, List<Item> items) {
            this.id = id;
            this.senderBatchId = senderBatchId;
            this.items = new ArrayList<>(items);
            this.created = Instant.now();
        }
    }

    private final MockWebServer server = FakeHttp.server();
    private final JsonMapper json = JsonMapper.builder().build();
    private final byte[] signingKey = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Map<String, Batch> batches = new ConcurrentHashMap<>();
    private final Map<String, String> bySenderBatchId = new ConcurrentHashMap<>();
    private final Map<String, String> outcomes = new ConcurrentHashMap<>();       // receiver -> final status
    private final Set<String> invalidReceivers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final FakeHttp.Journal journal = new FakeHttp.Journal("PayPal-Request-Id");
    // Random faults hit payout creation and batch reads; a read only meets the ones that answer without applying.
    private final FakeHttp.Faults<Fault> faults = new FakeHttp.Faults<>("/v1/payments/payouts",
            Set.of(Fault.RATE_LIMITED, Fault.TOKEN_EXPIRED), Fault.SERVER_ERROR, 11);
    private volatile Duration tokenTtl = Duration.ofHours(9);
    private volatile Duration latency = Duration.ZERO;
    private volatile Duration slowDelay = Duration.ofSeconds(3);
    private volatile boolean advanceOnRead = true;
    private volatile java.util.function.IntConsumer onPayoutCreated = n -> { };

    public FakePayPal() {
        server.setDispatcher(this);
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    @Override
    public void close() {
        server.close();
    }

    // ---- set-up -------------------------------------------------------------------------------

    /** Items paid to {@code receiver} end as {@code transactionStatus} (SUCCESS unless set). */
    public void setOutcome(String receiver, String transactionStatus) {
        outcomes.put(receiver.toLowerCase(Locale.ROOT), transactionStatus);
    }

    /** A batch with an item for {@code receiver} is refused whole with VALIDATION_ERROR. */
    public void rejectReceiver(String receiver) {
        invalidReceivers.add(receiver.toLowerCase(Locale.ROOT));
    }

    public void setTokenTtl(Duration ttl) {
        this.tokenTtl = ttl;
    }

    /** Every token issued so far stops working, as when PayPal expires or revokes them. */
    public void expireTokens() {
        tokens.replaceAll((t, at) -> Instant.EPOCH);
    }

    /** PayPal-Request-Id values kept per endpoint (counts stay exact): the benchmark keeps none. */
    public void setJournalKept(int kept) {
        journal.setKept(kept);
    }

    public void setLatency(Duration latency) {
        this.latency = latency;
    }

    public void setSlowDelay(Duration slowDelay) {
        this.slowDelay = slowDelay;
    }

    /** true (default): each read of a batch moves it one step; false: only {@link #advance} does. */
    public void setAdvanceOnRead(boolean advanceOnRead) {
        this.advanceOnRead = advanceOnRead;
    }

    public void failNext(String method, String pathPrefix, Fault fault) {
        faults.failNext(method, pathPrefix, fault);
    }

    /** Each payout POST or batch read meets one of {@code kinds} with probability {@code rate} (seeded). */
    public void setFaultRate(double rate, long seed, Fault... kinds) {
        faults.setRate(rate, seed, List.of(kinds));
    }

    /** Called on the server thread after the n-th payout was created, before its answer is written. */
    public void onPayoutCreated(java.util.function.IntConsumer hook) {
        this.onPayoutCreated = hook;
    }

    /** Moves every batch one step: PENDING -> PROCESSING -> SUCCESS, items then end as set. */
    public void advance() {
        batches.values().forEach(this::step);
    }

    /** Moves every batch to SUCCESS. */
    public void completeAll() {
        batches.values().forEach(b -> {
            step(b);
            step(b);
        });
    }

    /** UNCLAIMED items of {@code receiver} come back to the sender, as after PayPal's 30 days. */
    public void returnUnclaimed(String receiver) {
        for (Batch batch : batches.values()) {
            synchronized (batch) {
                batch.items.replaceAll(i -> i.receiver().equalsIgnoreCase(receiver) && i.status().equals("UNCLAIMED")
                        ? i.withStatus("RETURNED") : i);
            }
        }
    }

    // ---- what happened ------------------------------------------------------------------------

    public int tokensIssued() {
        return tokensIssued.get();
    }

    /** Faults served so far, queued or random. */
    public long faultsServed() {
        return faults.served();
    }

    public int payoutRequests() {
        return journal.count("POST", "/v1/payments/payouts");
    }

    public int batchCount() {
        return batches.size();
    }

    public List<Item> items() {
        List<Item> all = new ArrayList<>();
        batches.values().forEach(b -> {
            synchronized (b) {
                all.addAll(b.items);
            }
        });
        return all;
    }

    /** Items that were paid (SUCCESS), counted per sender_item_id. */
    public Map<String, Long> successfulItemsByPayment() {
        Map<String, Long> out = new TreeMap<>();
        items().stream().filter(i -> i.status().equals("SUCCESS")).forEach(i -> out.merge(i.senderItemId(), 1L, Long::sum));
        return out;
    }

    /** Items not failed (paid, pending, unclaimed...), counted per sender_item_id: money that is or may be moving. */
    public Map<String, Long> liveItemsByPayment() {
        Map<String, Long> out = new TreeMap<>();
        items().stream().filter(i -> !Set.of("FAILED", "BLOCKED", "DENIED").contains(i.status()))
                .forEach(i -> out.merge(i.senderItemId(), 1L, Long::sum));
        return out;
    }

    public List<Item> itemsOf(String senderItemId) {
        return items().stream().filter(i -> i.senderItemId().equals(senderItemId)).toList();
    }

    /**
     * A signed delivery of {@code eventType} about one item (a {@code PAYMENT.PAYOUTS-ITEM.*} event)
     * or a batch ({@code PAYMENT.PAYOUTSBATCH.*}), as PayPal would post it to our webhook URL.
     */
    public Webhook itemEvent(String eventId, String eventType, Item item) {
        ObjectNode event = event(eventId, eventType);
        ObjectNode resource = event.putObject("resource");
        resource.put("payout_item_id", item.payoutItemId());
        resource.put("payout_batch_id", item.payoutBatchId());
        resource.put("transaction_status", item.status());
        resource.put("sender_batch_id", batches.get(item.payoutBatchId()).senderBatchId);
        ObjectNode payoutItem = resource.putObject("payout_item");
        payoutItem.put("sender_item_id", item.senderItemId());
        payoutItem.put("receiver", item.receiver());
        payoutItem.putObject("amount").put("value", item.value()).put("currency", item.currency());
        return sign(json.writeValueAsString(event));
    }

    public Webhook batchEvent(String eventId, String eventType, String payoutBatchId) {
        Batch batch = batches.get(payoutBatchId);
        ObjectNode event = event(eventId, eventType);
        ObjectNode header = event.putObject("resource").putObject("batch_header");
        header.put("payout_batch_id", batch.id);
        header.put("batch_status", batch.status);
        header.putObject("sender_batch_header").put("sender_batch_id", batch.senderBatchId);
        return sign(json.writeValueAsString(event));
    }

    /** Signs an arbitrary body (for tests that tamper with it afterwards). */
    public Webhook sign(String body) {
        String transmissionId = UUID.randomUUID().toString();
        String time = Instant.now().toString();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("PAYPAL-TRANSMISSION-ID", transmissionId);
        headers.put("PAYPAL-TRANSMISSION-TIME", time);
        // The fake compares events in one canonical serialization (verification gets them back parsed).
        headers.put("PAYPAL-TRANSMISSION-SIG", signature(transmissionId, time, WEBHOOK_ID, canonical(body)));
        headers.put("PAYPAL-CERT-URL", baseUrl() + "/v1/notifications/certs/CERT-FAKE");
        headers.put("PAYPAL-AUTH-ALGO", "SHA256withRSA");
        return new Webhook(body, headers);
    }

    // ---- the wire -----------------------------------------------------------------------------

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        FakeHttp.forgetServedRequests(server);
        return FakeHttp.delayed(route(request), latency);
    }

    private MockResponse route(RecordedRequest request) {
        String method = request.getMethod();
        String path = request.getUrl().encodedPath();
        if ("POST".equals(method) && path.equals("/v1/oauth2/token")) {
            return token(request);
        }
        journal.record(request);
        Fault fault = faults.next(method, path);
        if (fault == Fault.TOKEN_EXPIRED || !authorized(request)) {
            return FakeHttp.json(401, """
                    {"error":"invalid_token","error_description":"Token signature verification failed"}""");
        }
        if (fault == Fault.RATE_LIMITED) {
            return error(429, "RATE_LIMIT_REACHED", "Too many requests. Blocked due to rate limiting.", List.of())
                    .newBuilder().setHeader("Retry-After", "1").build();
        }
        if (fault == Fault.SERVER_ERROR) {
            return error(503, "SERVICE_UNAVAILABLE", "Service Unavailable.", List.of());
        }
        if ("POST".equals(method) && path.equals("/v1/payments/payouts")) {
            MockResponse response = createPayout(request, fault == Fault.VALIDATION_ERROR);
            if (fault == null || response.getCode() >= 400) {
                return response;
            }
            return switch (fault) {
                case SERVER_ERROR_AFTER_APPLYING -> error(500, "INTERNAL_SERVER_ERROR",
                        "An internal server error occurred.", List.of());
                case SLOW_AFTER_APPLYING -> FakeHttp.delayed(response, slowDelay);
                case DROP_AFTER_APPLYING -> FakeHttp.dropped();
                default -> response;
            };
        }
        if ("GET".equals(method) && path.startsWith("/v1/payments/payouts/")) {
            return readBatch(request, path.substring("/v1/payments/payouts/".length()));
        }
        if ("GET".equals(method) && path.startsWith("/v1/payments/payouts-item/")) {
            String id = path.substring("/v1/payments/payouts-item/".length());
            return items().stream().filter(i -> i.payoutItemId().equals(id)).findFirst()
                    .map(i -> FakeHttp.json(200, json.writeValueAsString(itemJson(i))))
                    .orElseGet(() -> error(404, "RESOURCE_NOT_FOUND", "The specified resource does not exist.", List.of()));
        }
        if ("POST".equals(method) && path.equals("/v1/notifications/verify-webhook-signature")) {
            return verify(request);
        }
        return error(404, "RESOURCE_NOT_FOUND", "The specified resource does not exist.", List.of());
    }

    private MockResponse token(RecordedRequest request) {
        String auth = request.getHeaders().get("Authorization");
        if (!Credentials.basic(CLIENT_ID, CLIENT_SECRET).equals(auth)
                || !"client_credentials".equals(FakeHttp.form(request).get("grant_type"))) {
            return FakeHttp.json(401, """
                    {"error":"invalid_client","error_description":"Client Authentication failed"}""");
        }
        String token = "A21AA" + UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, Instant.now().plus(tokenTtl));
        tokensIssued.incrementAndGet();
        return FakeHttp.json(200, """
                {"scope":"https://uri.paypal.com/services/payments/payouts","access_token":"%s","token_type":"Bearer",
                "app_id":"APP-FAKE","expires_in":%d,"nonce":"%s"}""".formatted(token, tokenTtl.toSeconds(), UUID.randomUUID()));
    }

    private boolean authorized(RecordedRequest request) {
        String auth = request.getHeaders().get("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            return false;
        }
        Instant expires = tokens.get(auth.substring("Bearer ".length()));
        return expires != null && Instant.now().isBefore(expires);
    }

    private MockResponse createPayout(RecordedRequest request, boolean refuseWhole) {
        JsonNode body;
        try {
            body = json.readTree(request.getBody() == null ? "" : request.getBody().utf8());
        } catch (JacksonException e) {
            return error(400, "MALFORMED_REQUEST", "Incoming JSON request does not map to API request", List.of());
        }
        String senderBatchId = body.path("sender_batch_header").path("sender_batch_id").asString("");
        List<Map<String, String>> details = new ArrayList<>();
        if (senderBatchId.isEmpty() || senderBatchId.length() > 256) {
            details.add(Map.of("field", "sender_batch_header.sender_batch_id", "location", "body",
                    "issue", "Sender batch ID is required and at most 256 characters"));
        }
        JsonNode items = body.path("items");
        if (!items.isArray() || items.isEmpty() || items.size() > 15_000) {
            details.add(Map.of("field", "items", "location", "body", "issue", "Between 1 and 15000 items are required"));
        }
        Set<String> senderItemIds = new HashSet<>();
        for (int i = 0; items.isArray() && i < items.size(); i++) {
            JsonNode item = items.get(i);
            String receiver = item.path("receiver").asString("");
            if (!receiver.contains("@") || invalidReceivers.contains(receiver.toLowerCase(Locale.ROOT))) {
                details.add(Map.of("field", "items[" + i + "].receiver", "location", "body",
                        "issue", "Receiver is invalid or does not match with type"));
            }
            String currency = item.path("amount").path("currency").asString("");
            String value = item.path("amount").path("value").asString("");
            if (!validAmount(value, currency)) {
                details.add(Map.of("field", "items[" + i + "].amount.value", "location", "body",
                        "issue", "Amount is invalid for the currency"));
            }
            String senderItemId = item.path("sender_item_id").asString("");
            if (senderItemId.length() > 63 || !senderItemIds.add(senderItemId)) {
                details.add(Map.of("field", "items[" + i + "].sender_item_id", "location", "body",
                        "issue", "Sender item ID is at most 63 characters and unique in the batch"));
            }
        }
        if (refuseWhole && details.isEmpty()) {
            details.add(Map.of("field", "items[0].receiver", "location", "body",
                    "issue", "Receiver is invalid or does not match with type"));
        }
        if (!details.isEmpty()) {
            return error(400, "VALIDATION_ERROR", "Invalid request - see details", details);
        }
        synchronized (bySenderBatchId) {
            String existing = bySenderBatchId.get(senderBatchId);
            if (existing != null) {
                ObjectNode withLink = errorNode("USER_BUSINESS_ERROR", "User business error.",
                        List.of(Map.of("field", "SENDER_BATCH_ID", "location", "body",
                                "issue", "Batch with given sender_batch_id already exists")));
                // PayPal links to the original payout with that sender_batch_id.
                withLink.putArray("links").addObject()
                        .put("href", baseUrl() + "/v1/payments/payouts/" + existing)
                        .put("rel", "self").put("method", "GET").put("encType", "application/json");
                return FakeHttp.json(400, json.writeValueAsString(withLink));
            }
            String id = "PB" + UUID.randomUUID().toString().replace("-", "").substring(0, 13).toUpperCase(Locale.ROOT);
            List<Item> created = new ArrayList<>();
            for (JsonNode item : items) {
                String receiver = item.path("receiver").asString();
                created.add(new Item("PI" + UUID.randomUUID().toString().replace("-", "").substring(0, 13).toUpperCase(Locale.ROOT),
                        id, item.path("sender_item_id").asString(), receiver, item.path("amount").path("value").asString(),
                        item.path("amount").path("currency").asString(), "PENDING",
                        outcomes.getOrDefault(receiver.toLowerCase(Locale.ROOT), "SUCCESS")));
            }
            batches.put(id, new Batch(id, senderBatchId, created));
            bySenderBatchId.put(senderBatchId, id);
            onPayoutCreated.accept(batches.size());
            ObjectNode answer = json.createObjectNode();
            ObjectNode header = answer.putObject("batch_header");
            header.put("payout_batch_id", id);
            header.put("batch_status", "PENDING");
            header.putObject("sender_batch_header").put("sender_batch_id", senderBatchId)
                    .put("email_subject", body.path("sender_batch_header").path("email_subject").asString(""));
            answer.putArray("links").addObject().put("href", baseUrl() + "/v1/payments/payouts/" + id)
                    .put("rel", "self").put("method", "GET").put("encType", "application/json");
            return FakeHttp.json(201, json.writeValueAsString(answer));
        }
    }

    private static boolean validAmount(String value, String currency) {
        int exponent;
        try {
            exponent = Currency.getInstance(currency).getDefaultFractionDigits();
        } catch (IllegalArgumentException e) {
            return false;
        }
        String pattern = exponent <= 0 ? "\\d+" : "\\d+\\.\\d{" + exponent + "}";
        return value.matches(pattern) && new BigDecimal(value).signum() > 0;
    }

    private MockResponse readBatch(RecordedRequest request, String id) {
        Batch batch = batches.get(id);
        if (batch == null) {
            return error(404, "INVALID_RESOURCE_ID", "Requested resource ID was not found.", List.of());
        }
        if (advanceOnRead) {
            step(batch);
        }
        int page = parse(FakeHttp.query(request, "page"), 1);
        int pageSize = Math.max(1, Math.min(1000, parse(FakeHttp.query(request, "page_size"), 1000)));
        boolean totals = "true".equals(FakeHttp.query(request, "total_required"));
        List<Item> items;
        String status;
        synchronized (batch) {
            items = List.copyOf(batch.items);
            status = batch.status;
        }
        int from = Math.min(items.size(), (page - 1) * pageSize);
        int to = Math.min(items.size(), from + pageSize);
        ObjectNode answer = json.createObjectNode();
        if (totals) {
            answer.put("total_items", items.size());
            answer.put("total_pages", (items.size() + pageSize - 1) / pageSize);
        }
        ObjectNode header = answer.putObject("batch_header");
        header.put("payout_batch_id", batch.id);
        header.put("batch_status", status);
        header.put("time_created", batch.created.toString());
        header.putObject("sender_batch_header").put("sender_batch_id", batch.senderBatchId);
        BigDecimal total = items.stream().map(i -> new BigDecimal(i.value())).reduce(BigDecimal.ZERO, BigDecimal::add);
        header.putObject("amount").put("value", total.toPlainString()).put("currency", items.get(0).currency());
        ArrayNode out = answer.putArray("items");
        for (Item item : items.subList(from, to)) {
            out.add(itemJson(item));
        }
        ArrayNode links = answer.putArray("links");
        if (to < items.size()) {
            links.addObject().put("href", baseUrl() + "/v1/payments/payouts/" + id + "?page=" + (page + 1)
                    + "&page_size=" + pageSize).put("rel", "next").put("method", "GET");
        }
        return FakeHttp.json(200, json.writeValueAsString(answer));
    }

    private ObjectNode itemJson(Item item) {
        ObjectNode node = json.createObjectNode();
        node.put("payout_item_id", item.payoutItemId());
        node.put("transaction_status", item.status());
        node.put("payout_batch_id", item.payoutBatchId());
        if (item.status().equals("SUCCESS") || item.status().equals("UNCLAIMED")) {
            node.put("transaction_id", "TX" + item.payoutItemId().substring(2));
        }
        ObjectNode payoutItem = node.putObject("payout_item");
        payoutItem.put("recipient_type", "EMAIL");
        payoutItem.putObject("amount").put("value", item.value()).put("currency", item.currency());
        payoutItem.put("receiver", item.receiver());
        payoutItem.put("sender_item_id", item.senderItemId());
        if (item.status().equals("FAILED")) {
            node.putObject("errors").put("name", "RECEIVER_UNREGISTERED")
                    .put("message", "Receiver is unregistered");
        }
        return node;
    }

    private void step(Batch batch) {
        synchronized (batch) {
            switch (batch.status) {
                case "PENDING" -> batch.status = "PROCESSING";
                case "PROCESSING" -> {
                    batch.status = "SUCCESS";
                    batch.items.replaceAll(i -> i.status().equals("PENDING") ? i.withStatus(i.finalStatus()) : i);
                }
                default -> {
                }
            }
        }
    }

    private MockResponse verify(RecordedRequest request) {
        JsonNode body;
        try {
            body = json.readTree(request.getBody() == null ? "" : request.getBody().utf8());
        } catch (JacksonException e) {
            return error(400, "MALFORMED_REQUEST", "Incoming JSON request does not map to API request", List.of());
        }
        JsonNode event = body.path("webhook_event");
        String id = body.path("transmission_id").asString("");
        String time = body.path("transmission_time").asString("");
        String webhookId = body.path("webhook_id").asString("");
        String sig = body.path("transmission_sig").asString("");
        if (!event.isObject() || id.isEmpty() || time.isEmpty() || webhookId.isEmpty()) {
            return error(400, "VALIDATION_ERROR", "Invalid request - see details",
                    List.of(Map.of("field", "webhook_event", "location", "body", "issue", "MISSING_REQUIRED_PARAMETER")));
        }
        String eventText = json.writeValueAsString(event);
        boolean ok = WEBHOOK_ID.equals(webhookId) && signature(id, time, webhookId, eventText).equals(sig);
        return FakeHttp.json(200, "{\"verification_status\":\"" + (ok ? "SUCCESS" : "FAILURE") + "\"}");
    }

    private String canonical(String body) {
        try {
            return json.writeValueAsString(json.readTree(body));
        } catch (JacksonException notJson) {
            return body;
        }
    }

    private String signature(String transmissionId, String time, String webhookId, String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        String message = transmissionId + "|" + time + "|" + webhookId + "|" + crc.getValue();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode event(String eventId, String eventType) {
        ObjectNode event = json.createObjectNode();
        event.put("id", eventId);
        event.put("event_version", "1.0");
        event.put("create_time", Instant.now().toString());
        event.put("resource_type", eventType.startsWith("PAYMENT.PAYOUTSBATCH") ? "payouts" : "payouts_item");
        event.put("event_type", eventType);
        event.put("summary", "Payout event");
        return event;
    }

    private MockResponse error(int status, String name, String message, List<Map<String, String>> details) {
        return FakeHttp.json(status, json.writeValueAsString(errorNode(name, message, details)));
    }

    private ObjectNode errorNode(String name, String message, List<Map<String, String>> details) {
        ObjectNode body = json.createObjectNode();
        body.put("name", name);
        body.put("message", message);
        body.put("debug_id", UUID.randomUUID().toString().substring(0, 13));
        body.put("information_link", "https://developer.paypal.com/docs/api/payments.payouts-batch/#errors");
        ArrayNode array = body.putArray("details");
        details.forEach(d -> {
            ObjectNode node = array.addObject();
            d.forEach(node::put);
        });
        return body;
    }

    private static int parse(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
