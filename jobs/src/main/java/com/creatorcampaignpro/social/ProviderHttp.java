package com.creatorcampaignpro.social;

import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/**
 * One platform's HTTP plumbing: sends a request and turns every failure into the port's exceptions.
 * Messages name the platform and the path only, never the query string (Graph API calls carry the
 * client secret and codes there) nor a body (tokens).
 */
final class ProviderHttp {
    /** Error codes that mean "slow down", across the four platforms' error shapes. */
    private static final Set<String> RATE_LIMITED = Set.of(
            "rate_limit_exceeded",                                        // TikTok
            "quotaExceeded", "rateLimitExceeded", "userRateLimitExceeded", // Google
            "graph_4", "graph_17", "graph_32", "graph_613");              // Graph API throttling
    /** Error codes that mean "this token or code is dead: connect again". */
    private static final Set<String> REVOKED = Set.of(
            "invalid_grant", "invalid_token",                             // OAuth 2.0 (Google, X, TikTok)
            "access_token_invalid", "scope_not_authorized",               // TikTok
            "graph_190");                                                 // Graph API OAuthException
    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    private final Platform platform;
    private final OkHttpClient http;
    private final JsonMapper json;
    private final Duration defaultRetryAfter;
    private final PlatformGuard guard;

    ProviderHttp(Platform platform, OkHttpClient http, JsonMapper json, Duration defaultRetryAfter, PlatformGuard guard) {
        this.platform = platform;
        this.http = http;
        this.json = json;
        this.defaultRetryAfter = defaultRetryAfter;
        this.guard = guard;
    }

    static HttpUrl url(String base, String path) {
        HttpUrl parsed = HttpUrl.parse(base.endsWith("/") ? base.substring(0, base.length() - 1) + path : base + path);
        if (parsed == null) {
            throw new IllegalStateException("not an http(s) URL: " + base);
        }
        return parsed;
    }

    static FormBody form(Map<String, String> fields) {
        FormBody.Builder form = new FormBody.Builder();
        fields.forEach((k, v) -> {
            if (v != null) {
                form.add(k, v);
            }
        });
        return form.build();
    }

    /** A data call: rate limited, bounded, retried on transient failures, behind the platform's circuit. */
    JsonNode call(Request request) {
        return guard.execute(() -> send(request, false), true);
    }

    /**
     * A call to a token endpoint. There a 400 with an OAuth error means the code or refresh token was
     * refused: X says invalid_request for a bad code, the Graph API code 100 (OAuthException).
     */
    OAuthTokens tokenCall(Request request) {
        return tokens(tokenResponse(request), request.url().encodedPath());
    }

    /** The raw answer of a token endpoint whose shape is not the OAuth 2.0 one (Instagram Login's code exchange). */
    JsonNode tokenResponse(Request request) {
        return guard.execute(() -> send(request, true), false);
    }

    private JsonNode send(Request request, boolean tokenEndpoint) {
        String where = request.method() + " " + request.url().encodedPath();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            String text = body.string();
            quotaLeft(response);
            JsonNode node = parse(text);
            int status = response.code();
            if (status == 429) {
                throw new ProviderRateLimitedException(platform, "rate limited on " + where, retryAfter(response));
            }
            if (status >= 500) {
                throw new TransientProviderException(platform, "HTTP " + status + " on " + where);
            }
            String error = errorCode(node);
            if (status >= 200 && status < 300 && (error == null || "ok".equals(error))) {
                if (node == null || !node.isObject()) {
                    throw new UnreadableResponseException(platform, "no JSON object in the answer to " + where);
                }
                return node;
            }
            if (error != null && RATE_LIMITED.contains(error)) {
                throw new ProviderRateLimitedException(platform, "rate limited (" + error + ") on " + where, retryAfter(response));
            }
            boolean refusedGrant = tokenEndpoint && status == 400 && error != null
                    && (error.equals("invalid_request") || error.equals("graph_100") || error.equals("ig_OAuthException"));
            if (status == 401 || refusedGrant || (error != null && REVOKED.contains(error))) {
                throw new TokenRevokedException(platform, "token or code rejected" + (error == null ? "" : " (" + error + ")")
                        + " on " + where);
            }
            throw new UnreadableResponseException(platform, "unexpected HTTP " + status
                    + (error == null ? "" : " (" + error + ")") + " on " + where);
        } catch (IOException e) {
            // Timeouts, resets, refused connections: worth another try later.
            throw new TransientProviderException(platform, "no answer on " + where + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * The platform's own count of requests left in its window, where it sends one: X on every
     * response ({@code x-rate-limit-remaining}), others under the common {@code x-ratelimit-remaining}.
     */
    private void quotaLeft(Response response) {
        String header = response.header("x-rate-limit-remaining");
        if (header == null) {
            header = response.header("x-ratelimit-remaining");
        }
        if (header != null) {
            try {
                guard.remaining(Long.parseLong(header.trim()));
            } catch (NumberFormatException unreadable) {
                // A malformed header says nothing about the quota; the call itself stands.
            }
        }
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JacksonException e) {
            return null;
        }
    }

    /**
     * The error's code in the shape each platform uses: OAuth's {@code {"error": "invalid_grant"}},
     * TikTok's {@code {"error": {"code": "access_token_invalid"}}}, Google's
     * {@code {"error": {"errors": [{"reason": "quotaExceeded"}]}}}, the Graph API's
     * {@code {"error": {"code": 190, "type": "OAuthException"}}}.
     */
    static String errorCode(JsonNode body) {
        if (body == null || !body.isObject()) {
            return null;
        }
        if (body.path("error_type").isString()) {
            // api.instagram.com (Instagram Login's code exchange): {"error_type": "OAuthException", "code": 400, ...}
            return "ig_" + body.path("error_type").asString();
        }
        JsonNode error = body.path("error");
        if (error.isString()) {
            return error.asString();
        }
        if (!error.isObject()) {
            return null;
        }
        JsonNode reason = error.path("errors").path(0).path("reason");
        if (reason.isString()) {
            return reason.asString();
        }
        JsonNode code = error.path("code");
        if (code.isString()) {
            return code.asString();
        }
        if (code.isNumber()) {
            return error.has("status") ? "google_" + code.asLong() : "graph_" + code.asLong();
        }
        return null;
    }

    /** Retry-After (seconds or an HTTP date), else X's x-rate-limit-reset (epoch seconds), else the default. */
    private Duration retryAfter(Response response) {
        Duration wait = null;
        String header = response.header("Retry-After");
        if (header != null) {
            try {
                wait = Duration.ofSeconds(Long.parseLong(header.trim()));
            } catch (NumberFormatException notSeconds) {
                try {
                    wait = Duration.between(Instant.now(),
                            ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                } catch (DateTimeParseException unreadable) {
                    wait = null;
                }
            }
        }
        String reset = response.header("x-rate-limit-reset");
        if (wait == null && reset != null) {
            try {
                wait = Duration.between(Instant.now(), Instant.ofEpochSecond(Long.parseLong(reset.trim())));
            } catch (NumberFormatException unreadable) {
                wait = null;
            }
        }
        if (wait == null) {
            return defaultRetryAfter;
        }
        if (wait.compareTo(Duration.ofSeconds(1)) < 0) {
            return Duration.ofSeconds(1);
        }
        return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
    }

    /** access_token (required), refresh_token, expires_in (seconds), scope: the OAuth 2.0 token response. */
    OAuthTokens tokens(JsonNode body, String where) {
        String access = text(body, "access_token");
        if (access == null) {
            throw new UnreadableResponseException(platform, "no access_token in the answer to " + where);
        }
        JsonNode expiresIn = body.path("expires_in");
        Instant expiresAt = expiresIn.isNumber() || expiresIn.isString()
                ? Instant.now().plusSeconds(count(expiresIn, "expires_in")) : null;
        return new OAuthTokens(access, text(body, "refresh_token"), expiresAt, text(body, "scope"));
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }

    /** A counter, as a number or (Google) a decimal string; absent counts as zero. */
    long count(JsonNode value, String field) {
        if (value.isMissingNode() || value.isNull()) {
            return 0;
        }
        if (value.isNumber()) {
            return value.asLong();
        }
        if (value.isString()) {
            try {
                return Long.parseLong(value.asString().trim());
            } catch (NumberFormatException e) {
                throw new UnreadableResponseException(platform, field + " is not a number");
            }
        }
        throw new UnreadableResponseException(platform, field + " is not a number");
    }

    /** A counter the platform may leave out (hidden likes, a metric it lacks): null, not zero. */
    Long optionalCount(JsonNode value, String field) {
        return value.isMissingNode() || value.isNull() ? null : count(value, field);
    }

    /** An ISO-8601 time; Graph API writes offsets without a colon ("+0000"). */
    Instant time(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw new UnreadableResponseException(platform, field + " is missing");
        }
        try {
            return OffsetDateTime.parse(value, GRAPH_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnreadableResponseException(platform, field + " is not a time");
        }
    }

    private static final DateTimeFormatter GRAPH_TIME = new java.time.format.DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    Platform platform() {
        return platform;
    }
}
