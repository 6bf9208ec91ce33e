package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.payment.PayoutCallException.Outcome;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * PayPal's REST plumbing: an OAuth 2.0 client-credentials token, cached until shortly before it
 * expires and fetched again when PayPal answers 401 (tokens can be revoked early), and every call's
 * failure turned into a {@link PayoutCallException}. Messages name the path, never a token or body.
 */
public class PayPalClient {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    /** A 2xx or 4xx answer that the caller reads: status, body (null when not JSON), headers. */
    public record Answer(int status, JsonNode body, okhttp3.Headers headers) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private record Token(String value, Instant refreshAt) {
    }

    private final PayPalProperties properties;
    private final OkHttpClient http;
    private final JsonMapper json;
    private final Clock clock;
    private Token token;

    public PayPalClient(PayPalProperties properties, OkHttpClient http, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    JsonMapper json() {
        return json;
    }

    HttpUrl url(String path) {
        String base = properties.baseUrl().endsWith("/")
                ? properties.baseUrl().substring(0, properties.baseUrl().length() - 1) : properties.baseUrl();
        HttpUrl url = HttpUrl.parse(base + path);
        if (url == null) {
            throw new IllegalStateException("ccp.paypal.base-url is not an http(s) URL: " + properties.baseUrl());
        }
        return url;
    }

    /**
     * Sends a JSON request with a bearer token, once more with a fresh token after a 401.
     * {@code mutating}: a 5xx or a lost answer may have left the change behind (UNKNOWN), whereas
     * a read that fails changed nothing (NOT_APPLIED). 4xx answers are returned for the caller to read.
     */
    Answer call(String method, HttpUrl url, String jsonBody, boolean mutating, Map<String, String> headers) {
        for (int round = 0; ; round++) {
            String bearer = accessToken(round > 0);
            Request.Builder request = new Request.Builder().url(url).header("Authorization", "Bearer " + bearer)
                    .header("Accept", "application/json")
                    .method(method, jsonBody == null ? null : RequestBody.create(jsonBody, JSON));
            headers.forEach(request::header);
            Answer answer = send(request.build(), mutating);
            if (answer.status() == 401 && round == 0) {
                continue;   // expired or revoked before its time: one fresh token, then give up
            }
            if (answer.status() == 401 || answer.status() == 403) {
                throw new PayoutCallException("paypal", Outcome.NOT_APPLIED, answer.status(), errorName(answer.body()),
                        "credentials refused on " + url.encodedPath(), null, null);
            }
            return answer;
        }
    }

    private synchronized String accessToken(boolean refresh) {
        Instant now = clock.instant();
        if (!refresh && token != null && now.isBefore(token.refreshAt())) {
            return token.value();
        }
        if (!properties.configured()) {
            throw new PayoutCallException("paypal", Outcome.NOT_APPLIED, 0, "not_configured",
                    "PAYPAL_CLIENT_ID and PAYPAL_CLIENT_SECRET are not set", null, null);
        }
        Request request = new Request.Builder().url(url("/v1/oauth2/token"))
                .header("Authorization", Credentials.basic(properties.clientId(), properties.clientSecret()))
                .header("Accept", "application/json")
                .post(new FormBody.Builder().add("grant_type", "client_credentials").build())
                .build();
        Answer answer = send(request, false);
        String value = answer.body() == null ? "" : answer.body().path("access_token").asString("");
        if (!answer.ok() || value.isEmpty()) {
            throw new PayoutCallException("paypal", Outcome.NOT_APPLIED, answer.status(), errorName(answer.body()),
                    "no access token (HTTP " + answer.status() + ")", null, null);
        }
        long expiresIn = answer.body().path("expires_in").asLong(0);
        Instant refreshAt = now.plusSeconds(expiresIn).minus(properties.tokenRefreshSkew());
        token = new Token(value, refreshAt);
        return value;
    }

    private Answer send(Request request, boolean mutating) {
        String where = request.method() + " " + request.url().encodedPath();
        try (Response response = http.newCall(request).execute()) {
            String text = response.body().string();
            int status = response.code();
            if (status == 429) {
                throw new PayoutCallException("paypal", Outcome.NOT_APPLIED, 429, "RATE_LIMIT_REACHED",
                        "rate limited on " + where, retryAfter(response.header("Retry-After")), null);
            }
            if (status >= 500) {
                throw new PayoutCallException("paypal", mutating ? Outcome.UNKNOWN : Outcome.NOT_APPLIED, status,
                        errorName(parse(text)), "HTTP " + status + " on " + where, null, null);
            }
            return new Answer(status, parse(text), response.headers());
        } catch (IOException e) {
            // A refused connection never reached PayPal; a timeout or a dropped answer may have.
            Outcome outcome = !mutating || e instanceof ConnectException ? Outcome.NOT_APPLIED : Outcome.UNKNOWN;
            throw new PayoutCallException("paypal", outcome, 0, "connection",
                    "no answer on " + where + " (" + e.getClass().getSimpleName() + ")", null, e);
        }
    }

    JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JacksonException e) {
            return null;
        }
    }

    static String errorName(JsonNode body) {
        if (body == null) {
            return null;
        }
        String name = body.path("name").asString("");
        if (!name.isEmpty()) {
            return name;
        }
        String error = body.path("error").asString("");
        return error.isEmpty() ? null : error;
    }

    static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            Duration seconds = Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
            return seconds.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : seconds;
        } catch (NumberFormatException notSeconds) {
            return null;
        }
    }
}
