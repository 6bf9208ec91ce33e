package com.creatorcampaignpro.testing.fakes;

import com.creatorcampaignpro.fakes.social.FakeSocialPlatform;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stateful fake of the two Stripe Connect endpoints we call, as stripe-java sees Stripe:
 * form-encoded requests with a Bearer secret key, JSON objects back, errors in Stripe's
 * {@code {"error": {"type", "code", "message", "param"}}} shape, and Idempotency-Key honoured (a
 * repeated key replays the first answer; the same key with other parameters is an idempotency_error).
 * stripe-mock cannot do that: it is stateless.
 */
public final class FakeStripe extends Dispatcher implements AutoCloseable {
    public static final String SECRET_KEY = "sk_test_fake_0123456789";

    private record Stored(String params, MockResponse response) {
    }

    private final MockWebServer server = new MockWebServer();
    private final Map<String, Stored> idempotent = new ConcurrentHashMap<>();
    private final Map<String, String> accounts = new ConcurrentHashMap<>();   // id -> email
    private final Map<String, Boolean> onboarded = new ConcurrentHashMap<>();
    private final AtomicInteger accountsCreated = new AtomicInteger();
    private final AtomicInteger accountRequests = new AtomicInteger();
    private final Deque<MockResponse> faults = new ArrayDeque<>();
    private final java.util.List<String> accountIdempotencyKeys = new java.util.concurrent.CopyOnWriteArrayList<>();

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

    public int accountsCreated() {
        return accountsCreated.get();
    }

    /** The Idempotency-Key of every POST /v1/accounts received, in order. */
    public java.util.List<String> accountIdempotencyKeys() {
        return java.util.List.copyOf(accountIdempotencyKeys);
    }

    public int accountRequests() {
        return accountRequests.get();
    }

    /** As if the payee finished Stripe's hosted onboarding. */
    public void completeOnboarding(String accountId) {
        onboarded.put(accountId, true);
    }

    /** The next POST /v1/accounts answers with a Stripe 500 before doing anything. */
    public synchronized void failNextAccountCreation() {
        faults.add(FakeSocialPlatform.json(500, """
                {"error":{"type":"api_error","message":"An unknown error occurred","request_log_url":"https://dashboard.stripe.com/logs/req_x"}}"""));
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if (!("Bearer " + SECRET_KEY).equals(request.getHeaders().get("Authorization"))) {
            return error(401, "invalid_request_error", null, "Invalid API Key provided: sk_test_****", null);
        }
        String path = request.getUrl().encodedPath();
        if ("POST".equals(request.getMethod()) && path.equals("/v1/accounts")) {
            accountRequests.incrementAndGet();
            accountIdempotencyKeys.add(String.valueOf(request.getHeaders().get("Idempotency-Key")));
            synchronized (this) {
                MockResponse fault = faults.poll();
                if (fault != null) {
                    return fault;
                }
            }
            return idempotently(request, () -> createAccount(request));
        }
        if ("GET".equals(request.getMethod()) && path.startsWith("/v1/accounts/")) {
            String id = path.substring("/v1/accounts/".length());
            if (!accounts.containsKey(id)) {
                return error(404, "invalid_request_error", "resource_missing", "No such account: '" + id + "'", "id");
            }
            boolean done = onboarded.getOrDefault(id, false);
            return FakeSocialPlatform.json(200, """
                    {"id":"%s","object":"account","type":"express","email":"%s","charges_enabled":%s,"payouts_enabled":%s,
                    "details_submitted":%s,"capabilities":{"transfers":"%s"}}"""
                    .formatted(id, accounts.get(id), done, done, done, done ? "active" : "inactive"));
        }
        if ("POST".equals(request.getMethod()) && path.equals("/v1/account_links")) {
            Map<String, String> form = FakeSocialPlatform.form(request);
            String account = form.get("account");
            if (account == null || !accounts.containsKey(account)) {
                return error(400, "invalid_request_error", "resource_missing", "No such account: '" + account + "'", "account");
            }
            if (!"account_onboarding".equals(form.get("type")) || form.get("refresh_url") == null || form.get("return_url") == null) {
                return error(400, "invalid_request_error", "parameter_missing", "Missing required param: type.", "type");
            }
            long now = Instant.now().getEpochSecond();
            return FakeSocialPlatform.json(200, """
                    {"object":"account_link","created":%d,"expires_at":%d,"url":"https://connect.stripe.com/setup/e/%s/%s"}"""
                    .formatted(now, now + 300, account, UUID.randomUUID().toString().substring(0, 8)));
        }
        return error(404, "invalid_request_error", null, "Unrecognized request URL (" + request.getMethod() + ": " + path + ").", null);
    }

    private MockResponse createAccount(RecordedRequest request) {
        Map<String, String> form = FakeSocialPlatform.form(request);
        if (!"express".equals(form.get("type"))) {
            return error(400, "invalid_request_error", "parameter_invalid_empty", "Missing required param: type.", "type");
        }
        String id = "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        accounts.put(id, String.valueOf(form.get("email")));
        accountsCreated.incrementAndGet();
        return FakeSocialPlatform.json(200, """
                {"id":"%s","object":"account","type":"express","country":"%s","email":"%s","charges_enabled":false,
                "payouts_enabled":false,"details_submitted":false,"capabilities":{"transfers":"inactive"},
                "metadata":{"ccp_user_id":"%s"},"created":%d}"""
                .formatted(id, form.get("country"), form.get("email"), form.get("metadata[ccp_user_id]"),
                        Instant.now().getEpochSecond()));
    }

    private MockResponse idempotently(RecordedRequest request, java.util.function.Supplier<MockResponse> action) {
        String key = request.getHeaders().get("Idempotency-Key");
        if (key == null) {
            return action.get();
        }
        String params = request.getBody() == null ? "" : request.getBody().utf8();
        synchronized (idempotent) {
            Stored stored = idempotent.get(key);
            if (stored != null) {
                if (!stored.params().equals(params)) {
                    return error(400, "idempotency_error", null, "Keys for idempotent requests can only be used with the"
                            + " same parameters they were first used with.", null);
                }
                return stored.response().newBuilder().setHeader("Idempotent-Replayed", "true").build();
            }
            MockResponse response = action.get();
            idempotent.put(key, new Stored(params, response));
            return response;
        }
    }

    private static MockResponse error(int status, String type, String code, String message, String param) {
        StringBuilder body = new StringBuilder("{\"error\":{\"type\":\"").append(type).append('"');
        if (code != null) {
            body.append(",\"code\":\"").append(code).append('"');
        }
        if (param != null) {
            body.append(",\"param\":\"").append(param).append('"');
        }
        body.append(",\"message\":\"").append(message.replace("\"", "'")).append("\"}}");
        return FakeSocialPlatform.json(status, body.toString());
    }
}
