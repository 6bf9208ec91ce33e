package com.creatorcampaignpro.fakes.stripe;

import com.creatorcampaignpro.fakes.FakeHttp;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okio.Buffer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A stateful fake of the Stripe Connect endpoints we call, as stripe-java sees Stripe: form-encoded
 * requests with a Bearer secret key, JSON objects back, errors in Stripe's
 * {@code {"error": {"type", "code", "message", "param"}}} shape, and Idempotency-Key honoured (a
 * repeated key replays the first answer; the same key with other parameters is an idempotency_error).
 * stripe-mock cannot do that: it is stateless.
 *
 * <p>Endpoints: accounts (create, retrieve), account links, transfers (create, retrieve, list by
 * transfer_group with cursor paging, reversals). Faults on demand or at a random rate: 429 with
 * Retry-After, 500 with and without {@code Stripe-Should-Retry}, a 500 after applying, an answer
 * slower than the client's read timeout, the connection dropped after applying, insufficient balance.
 * Used by tests and by the benchmark; the application never starts it.
 */
public final class FakeStripe extends Dispatcher implements AutoCloseable {
    public static final String SECRET_KEY = "sk_test_fake_0123456789";

    /** What the next matching request meets. */
    public enum Fault {
        /** 429 with Retry-After; nothing applied. */
        RATE_LIMITED,
        /** 500 without Stripe-Should-Retry; nothing applied, nothing stored under the key. */
        SERVER_ERROR,
        /** 500 with {@code Stripe-Should-Retry: true}; nothing applied. */
        SERVER_ERROR_SHOULD_RETRY,
        /** 500 with {@code Stripe-Should-Retry: false}, stored under the key and replayed; nothing applied. */
        SERVER_ERROR_SHOULD_NOT_RETRY,
        /** Applied and stored under the key, but answered 500. */
        SERVER_ERROR_AFTER_APPLYING,
        /** Applied and stored, answered after {@link #slowDelay}: past the client's read timeout. */
        SLOW_AFTER_APPLYING,
        /** Applied and stored, then the connection closes without an answer. */
        DROP_AFTER_APPLYING
    }

    /** A transfer as Stripe holds it. */
    public record Transfer(String id, long amount, String currency, String destination, String transferGroup,
                           Map<String, String> metadata, long created, long sequence, boolean reversed) {
        public String paymentId() {
            return metadata.get("ccp_payment_id");
        }
    }

    /** An answer stored under an idempotency key: its text, not the MockResponse (whose body buffer takes 8 KiB). */
    private record Stored(String params, int code, Headers headers, String body) {
        MockResponse replay() {
            MockResponse.Builder replay = new MockResponse.Builder().code(code).body(body);   // sets Content-Length
            for (String name : headers.names()) {
                if (!name.equalsIgnoreCase("Content-Length")) {
                    headers.values(name).forEach(value -> replay.addHeader(name, value));
                }
            }
            return replay.setHeader("Idempotent-Replayed", "true").build();
        }
    }

    private final MockWebServer server = FakeHttp.server();
    private final Map<String, Stored> idempotent = new ConcurrentHashMap<>();
    private final Map<String, Object> keyLocks = new ConcurrentHashMap<>();
    private final Map<String, String> accounts = new ConcurrentHashMap<>();   // id -> email
    private final Map<String, Boolean> onboarded = new ConcurrentHashMap<>();
    private final Map<String, Transfer> transfers = new ConcurrentHashMap<>();
    // Transfer ids per transfer_group, oldest first: a list by group reads its group, not every transfer.
    private final Map<String, List<String>> transfersByGroup = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> balances = new ConcurrentHashMap<>();  // absent currency: unlimited
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger accountsCreated = new AtomicInteger();
    private final FakeHttp.Journal journal = new FakeHttp.Journal("Idempotency-Key");
    // Random faults hit transfers; a list (a read) only meets the ones that answer without applying.
    private final FakeHttp.Faults<Fault> faults = new FakeHttp.Faults<>("/v1/transfers", Set.of(Fault.RATE_LIMITED),
            Fault.SERVER_ERROR, 7);
    private volatile Duration latency = Duration.ZERO;
    private volatile Duration slowDelay = Duration.ofSeconds(3);
    private volatile Duration retryAfter = Duration.ofSeconds(1);
    private volatile java.util.function.IntConsumer onTransferCreated = n -> { };

    public FakeStripe() {
        server.setDispatcher(this);
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String apiBase() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    @Override
    public void close() {
        server.close();
    }

    // ---- set-up -------------------------------------------------------------------------------

    /** A connected account that finished onboarding, ready to receive transfers. */
    public String addConnectedAccount(String email) {
        String id = "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        accounts.put(id, email);
        onboarded.put(id, true);
        return id;
    }

    /** A connected account with a given id (e.g. one written to the database by a benchmark), onboarded. */
    public void registerConnectedAccount(String id) {
        accounts.put(id, id + "@example.com");
        onboarded.put(id, true);
    }

    /** A connected account still in Stripe's hosted onboarding: transfers to it are refused until it completes. */
    public String addPendingAccount(String email) {
        String id = "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        accounts.put(id, email);
        onboarded.put(id, false);
        return id;
    }

    /** As if the payee finished Stripe's hosted onboarding. */
    public void completeOnboarding(String accountId) {
        onboarded.put(accountId, true);
    }

    /** The platform's available balance in one currency; transfers beyond it fail. Unset: unlimited. */
    public void setAvailableBalance(String currency, long minorUnits) {
        balances.put(currency.toLowerCase(), new AtomicLong(minorUnits));
    }

    /**
     * Idempotency-Key values kept per endpoint for {@link #transferIdempotencyKeys()} (counts stay
     * exact): the benchmark keeps none.
     */
    public void setJournalKept(int kept) {
        journal.setKept(kept);
    }

    /** Every answer takes this long (the benchmark's provider latency). */
    public void setLatency(Duration latency) {
        this.latency = latency;
    }

    /** How late a {@link Fault#SLOW_AFTER_APPLYING} answer comes. */
    public void setSlowDelay(Duration slowDelay) {
        this.slowDelay = slowDelay;
    }

    public void setRetryAfter(Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    /** The next request to {@code method path} (path prefix) meets {@code fault}; rules queue up in order. */
    public void failNext(String method, String pathPrefix, Fault fault) {
        faults.failNext(method, pathPrefix, fault);
    }

    /** The next POST /v1/accounts answers with a Stripe 500 before doing anything. */
    public void failNextAccountCreation() {
        failNext("POST", "/v1/accounts", Fault.SERVER_ERROR);
    }

    /** Each transfer request meets one of {@code kinds} with probability {@code rate} (seeded: reproducible). */
    public void setTransferFaultRate(double rate, long seed, Fault... kinds) {
        faults.setRate(rate, seed, List.of(kinds));
    }

    /**
     * Called on the server thread right after the n-th transfer was created and before its answer is
     * written: a crash test kills the client there, between the provider's commit and ours.
     */
    public void onTransferCreated(java.util.function.IntConsumer hook) {
        this.onTransferCreated = hook;
    }

    /** As if the platform reversed the transfer from the dashboard. */
    public void reverse(String transferId) {
        transfers.computeIfPresent(transferId, (id, t) -> new Transfer(t.id(), t.amount(), t.currency(), t.destination(),
                t.transferGroup(), t.metadata(), t.created(), t.sequence(), true));
    }

    // ---- what happened ------------------------------------------------------------------------

    public int accountsCreated() {
        return accountsCreated.get();
    }

    public int accountRequests() {
        return journal.count("POST", "/v1/accounts");
    }

    /** The Idempotency-Key of every POST /v1/accounts received, in order. */
    public List<String> accountIdempotencyKeys() {
        return journal.headerValues("POST", "/v1/accounts");
    }

    /** The Idempotency-Key of every POST /v1/transfers received, in order (replays included). */
    public List<String> transferIdempotencyKeys() {
        return journal.headerValues("POST", "/v1/transfers");
    }

    /** Faults served so far, queued or random. */
    public long faultsServed() {
        return faults.served();
    }

    public int transferRequests() {
        return journal.count("POST", "/v1/transfers");
    }

    public List<Transfer> transfers() {
        return transfers.values().stream().sorted((a, b) -> Long.compare(a.sequence(), b.sequence())).toList();
    }

    /** Transfers that moved money and were not reversed, counted per ccp_payment_id. */
    public Map<String, Long> successfulTransfersByPayment() {
        return transfers.values().stream().filter(t -> !t.reversed() && t.paymentId() != null)
                .collect(Collectors.groupingBy(Transfer::paymentId, TreeMap::new, Collectors.counting()));
    }

    /** A Stripe-Signature header for {@code payload}, as Stripe signs webhook deliveries. */
    public static String signature(String payload, String secret, Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            long t = at.getEpochSecond();
            byte[] sig = mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A {@code transfer.*} event about one of our transfers, as Stripe would post it. */
    public String transferEvent(String eventId, String type, String transferId) {
        Transfer transfer = transfers.get(transferId);
        if (transfer == null) {
            throw new IllegalArgumentException("no transfer " + transferId);
        }
        return """
                {"id":%s,"object":"event","api_version":"2024-06-20","created":%d,"type":%s,"livemode":false,
                "data":{"object":%s}}""".formatted(FakeHttp.quote(eventId), Instant.now().getEpochSecond(),
                FakeHttp.quote(type), transferJson(transfer));
    }

    // ---- the wire -----------------------------------------------------------------------------

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        FakeHttp.forgetServedRequests(server);
        return FakeHttp.delayed(route(request), latency);
    }

    private MockResponse route(RecordedRequest request) {
        if (!("Bearer " + SECRET_KEY).equals(request.getHeaders().get("Authorization"))) {
            return error(401, "invalid_request_error", null, "Invalid API Key provided: sk_test_****", null);
        }
        String method = request.getMethod();
        String path = request.getUrl().encodedPath();
        journal.record(request);
        if ("POST".equals(method) && path.equals("/v1/accounts")) {
            return withFaults(request, () -> createAccount(request));
        }
        if ("GET".equals(method) && path.startsWith("/v1/accounts/")) {
            return account(path.substring("/v1/accounts/".length()));
        }
        if ("POST".equals(method) && path.equals("/v1/account_links")) {
            return accountLink(request);
        }
        if ("POST".equals(method) && path.equals("/v1/transfers")) {
            return withFaults(request, () -> createTransfer(request));
        }
        if ("GET".equals(method) && path.equals("/v1/transfers")) {
            Fault fault = faults.next(method, path);
            if (fault == Fault.RATE_LIMITED) {
                return rateLimited();
            }
            if (fault != null) {
                return serverError(null);
            }
            return listTransfers(request);
        }
        if ("POST".equals(method) && path.matches("/v1/transfers/[^/]+/reversals")) {
            String id = path.split("/")[3];
            if (!transfers.containsKey(id)) {
                return error(404, "invalid_request_error", "resource_missing", "No such transfer: '" + id + "'", "id");
            }
            reverse(id);
            Transfer t = transfers.get(id);
            return FakeHttp.json(200, """
                    {"id":"trr_%s","object":"transfer_reversal","amount":%d,"currency":"%s","transfer":"%s"}"""
                    .formatted(UUID.randomUUID().toString().replace("-", "").substring(0, 16), t.amount(), t.currency(), id));
        }
        if ("GET".equals(method) && path.startsWith("/v1/transfers/")) {
            Transfer t = transfers.get(path.substring("/v1/transfers/".length()));
            return t == null ? error(404, "invalid_request_error", "resource_missing", "No such transfer", "id")
                    : FakeHttp.json(200, transferJson(t));
        }
        return error(404, "invalid_request_error", null, "Unrecognized request URL (" + method + ": " + path + ").", null);
    }

    /** Faults that hit before the request is applied come first; the others wrap the idempotent action. */
    private MockResponse withFaults(RecordedRequest request, Supplier<MockResponse> action) {
        Fault fault = faults.next(request.getMethod(), request.getUrl().encodedPath());
        if (fault == Fault.RATE_LIMITED) {
            return rateLimited();
        }
        if (fault == Fault.SERVER_ERROR) {
            return serverError(null);
        }
        if (fault == Fault.SERVER_ERROR_SHOULD_RETRY) {
            return serverError(true);
        }
        if (fault == Fault.SERVER_ERROR_SHOULD_NOT_RETRY) {
            // Stripe saves the failed request's 500 under the key and replays it.
            return idempotently(request, () -> serverError(false));
        }
        MockResponse response = idempotently(request, action);
        if (fault == null || response.getCode() >= 400) {
            return response;
        }
        return switch (fault) {
            case SERVER_ERROR_AFTER_APPLYING -> serverError(null);
            case SLOW_AFTER_APPLYING -> FakeHttp.delayed(response, slowDelay);
            case DROP_AFTER_APPLYING -> FakeHttp.dropped();
            default -> response;
        };
    }

    private MockResponse createTransfer(RecordedRequest request) {
        Map<String, String> form = FakeHttp.form(request);
        long amount;
        try {
            amount = Long.parseLong(form.getOrDefault("amount", ""));
        } catch (NumberFormatException e) {
            return error(400, "invalid_request_error", "parameter_missing", "Missing required param: amount.", "amount");
        }
        if (amount <= 0) {
            return error(400, "invalid_request_error", "amount_too_small", "Amount must be at least 1.", "amount");
        }
        String currency = form.get("currency");
        if (currency == null || !currency.matches("[a-z]{3}")) {
            return error(400, "invalid_request_error", "parameter_missing", "Missing required param: currency.", "currency");
        }
        String destination = form.get("destination");
        if (destination == null || !accounts.containsKey(destination)) {
            return error(400, "invalid_request_error", "resource_missing", "No such destination: '" + destination + "'",
                    "destination");
        }
        if (!onboarded.getOrDefault(destination, false)) {
            return error(400, "invalid_request_error", "insufficient_capabilities_for_transfer",
                    "Your destination account needs to have at least one of the following capabilities enabled: transfers",
                    "destination");
        }
        AtomicLong balance = balances.get(currency);
        if (balance != null) {
            long left = balance.addAndGet(-amount);
            if (left < 0) {
                balance.addAndGet(amount);
                return error(400, "invalid_request_error", "balance_insufficient",
                        "You have insufficient available funds in your Stripe account.", null);
            }
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("metadata[") && k.endsWith("]")) {
                metadata.put(k.substring("metadata[".length(), k.length() - 1), v);
            }
        });
        String id = "tr_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        Transfer transfer = new Transfer(id, amount, currency, destination, form.get("transfer_group"), Map.copyOf(metadata),
                Instant.now().getEpochSecond(), sequence.incrementAndGet(), false);
        transfers.put(id, transfer);
        if (transfer.transferGroup() != null) {
            List<String> group = transfersByGroup.computeIfAbsent(transfer.transferGroup(), g -> new ArrayList<>());
            synchronized (group) {
                group.add(id);
            }
        }
        onTransferCreated.accept(transfers.size());
        return FakeHttp.json(200, transferJson(transfer));
    }

    /** Newest first, like Stripe; {@code starting_after} is the last id of the previous page. */
    private MockResponse listTransfers(RecordedRequest request) {
        String group = FakeHttp.query(request, "transfer_group");
        String after = FakeHttp.query(request, "starting_after");
        String limitParam = FakeHttp.query(request, "limit");
        int limit = limitParam == null ? 10 : Math.max(1, Math.min(100, Integer.parseInt(limitParam)));
        List<Transfer> all;
        if (group == null) {
            all = transfers.values().stream().sorted((a, b) -> Long.compare(b.sequence(), a.sequence())).toList();
        } else {
            List<String> ids = transfersByGroup.getOrDefault(group, List.of());
            synchronized (ids) {
                all = new ArrayList<>(ids.size());
                for (int i = ids.size() - 1; i >= 0; i--) {
                    all.add(transfers.get(ids.get(i)));
                }
            }
        }
        int start = 0;
        if (after != null) {
            start = all.size();
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).id().equals(after)) {
                    start = i + 1;
                    break;
                }
            }
        }
        List<Transfer> page = all.subList(Math.min(start, all.size()), Math.min(start + limit, all.size()));
        boolean hasMore = start + limit < all.size();
        List<String> data = new ArrayList<>();
        for (Transfer t : page) {
            data.add(transferJson(t));
        }
        return FakeHttp.json(200, """
                {"object":"list","url":"/v1/transfers","has_more":%s,"data":[%s]}""".formatted(hasMore, String.join(",", data)));
    }

    /** Concatenated, not String.formatted: the payout benchmark sends 50,000 of these through a fake in its own JVM. */
    private static String transferJson(Transfer t) {
        String metadata = t.metadata().entrySet().stream()
                .map(e -> FakeHttp.quote(e.getKey()) + ":" + FakeHttp.quote(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
        return "{\"id\":\"" + t.id() + "\",\"object\":\"transfer\",\"amount\":" + t.amount()
                + ",\"amount_reversed\":" + (t.reversed() ? t.amount() : 0) + ",\"currency\":\"" + t.currency()
                + "\",\"created\":" + t.created() + ",\"destination\":\"" + t.destination()
                + "\",\"livemode\":false,\"metadata\":" + metadata + ",\"reversed\":" + t.reversed()
                + ",\"reversals\":{\"object\":\"list\",\"data\":[],\"has_more\":false,\"url\":\"/v1/transfers/" + t.id()
                + "/reversals\"},\"transfer_group\":" + FakeHttp.quote(t.transferGroup()) + "}";
    }

    private MockResponse createAccount(RecordedRequest request) {
        Map<String, String> form = FakeHttp.form(request);
        if (!"express".equals(form.get("type"))) {
            return error(400, "invalid_request_error", "parameter_invalid_empty", "Missing required param: type.", "type");
        }
        String id = "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        accounts.put(id, String.valueOf(form.get("email")));
        accountsCreated.incrementAndGet();
        return FakeHttp.json(200, """
                {"id":"%s","object":"account","type":"express","country":"%s","email":"%s","charges_enabled":false,
                "payouts_enabled":false,"details_submitted":false,"capabilities":{"transfers":"inactive"},
                "metadata":{"ccp_user_id":"%s"},"created":%d}"""
                .formatted(id, form.get("country"), form.get("email"), form.get("metadata[ccp_user_id]"),
                        Instant.now().getEpochSecond()));
    }

    private MockResponse account(String id) {
        if (!accounts.containsKey(id)) {
            return error(404, "invalid_request_error", "resource_missing", "No such account: '" + id + "'", "id");
        }
        boolean done = onboarded.getOrDefault(id, false);
        return FakeHttp.json(200, """
                {"id":"%s","object":"account","type":"express","email":"%s","charges_enabled":%s,"payouts_enabled":%s,
                "details_submitted":%s,"capabilities":{"transfers":"%s"}}"""
                .formatted(id, accounts.get(id), done, done, done, done ? "active" : "inactive"));
    }

    private MockResponse accountLink(RecordedRequest request) {
        Map<String, String> form = FakeHttp.form(request);
        String account = form.get("account");
        if (account == null || !accounts.containsKey(account)) {
            return error(400, "invalid_request_error", "resource_missing", "No such account: '" + account + "'", "account");
        }
        if (!"account_onboarding".equals(form.get("type")) || form.get("refresh_url") == null || form.get("return_url") == null) {
            return error(400, "invalid_request_error", "parameter_missing", "Missing required param: type.", "type");
        }
        long now = Instant.now().getEpochSecond();
        return FakeHttp.json(200, """
                {"object":"account_link","created":%d,"expires_at":%d,"url":"https://connect.stripe.com/setup/e/%s/%s"}"""
                .formatted(now, now + 300, account, UUID.randomUUID().toString().substring(0, 8)));
    }

    /**
     * Stripe's idempotency: the first answer under a key is stored with the parameters and replayed;
     * other parameters under the same key are an idempotency_error. Requests with different keys run
     * concurrently; the same key is serialized.
     */
    private MockResponse idempotently(RecordedRequest request, Supplier<MockResponse> action) {
        String key = request.getHeaders().get("Idempotency-Key");
        if (key == null) {
            return action.get();
        }
        String params = request.getBody() == null ? "" : request.getBody().utf8();
        synchronized (keyLocks.computeIfAbsent(key, k -> new Object())) {
            Stored stored = idempotent.get(key);
            if (stored != null) {
                if (!stored.params().equals(params)) {
                    return error(400, "idempotency_error", null, "Keys for idempotent requests can only be used with the"
                            + " same parameters they were first used with.", null);
                }
                return stored.replay();
            }
            MockResponse response = action.get();
            // Stripe saves a result once the endpoint started executing; a refused validation is not saved.
            if (response.getCode() < 400 || response.getCode() >= 500) {
                idempotent.put(key, new Stored(params, response.getCode(), response.getHeaders(), bodyText(response)));
            }
            return response;
        }
    }

    private static String bodyText(MockResponse response) {
        if (response.getBody() == null) {
            return "";
        }
        try (Buffer buffer = new Buffer()) {
            response.getBody().writeTo(buffer);
            return buffer.readUtf8();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private MockResponse rateLimited() {
        return error(429, "invalid_request_error", "rate_limit", "Too many requests hit the API too quickly.", null)
                .newBuilder().setHeader("Retry-After", Long.toString(retryAfter.toSeconds())).build();
    }

    private static MockResponse serverError(Boolean shouldRetry) {
        MockResponse response = error(500, "api_error", null, "An unknown error occurred", null);
        return shouldRetry == null ? response
                : response.newBuilder().setHeader("Stripe-Should-Retry", shouldRetry.toString()).build();
    }

    private static MockResponse error(int status, String type, String code, String message, String param) {
        StringBuilder body = new StringBuilder("{\"error\":{\"type\":\"").append(type).append('"');
        if (code != null) {
            body.append(",\"code\":\"").append(code).append('"');
        }
        if (param != null) {
            body.append(",\"param\":\"").append(param).append('"');
        }
        body.append(",\"message\":").append(FakeHttp.quote(message)).append("}}");
        return FakeHttp.json(status, body.toString());
    }
}
