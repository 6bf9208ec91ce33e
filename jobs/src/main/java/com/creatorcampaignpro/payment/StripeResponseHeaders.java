package com.creatorcampaignpro.payment;

import com.stripe.exception.ApiConnectionException;
import com.stripe.net.HttpClient;
import com.stripe.net.HttpContent;
import com.stripe.net.HttpHeaders;
import com.stripe.net.RequestOptions;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import okhttp3.ConnectionPool;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * stripe-java's HTTP client on OkHttp, remembering per thread the headers of the last answer.
 *
 * <p>The SDK's exceptions carry no headers, yet a 429's {@code Retry-After} must reach our own
 * clients and a 5xx's {@code Stripe-Should-Retry} says whether the request may have been applied.
 * Every SDK call is synchronous on the calling thread, so the value read after a call belongs to that
 * call. The SDK still builds every request (form encoding, idempotency key, retries with backoff);
 * this class only carries it. Its own HttpURLConnection client costs more CPU per call than a
 * transfer's whole handling here: it rebuilds the client user-agent header on every request, reading
 * the Gson version from a jar resource each time, and opens a URL connection per call.
 */
public final class StripeResponseHeaders extends HttpClient {
    private static final ThreadLocal<StripeResponse> LAST = new ThreadLocal<>();
    /** The SDK's X-Stripe-Client-User-Agent, built once: it describes the JVM and the SDK, not the request. */
    private static final String CLIENT_USER_AGENT = buildXStripeClientUserAgentString();

    private final OkHttpClient http;
    /** Clients for the timeouts and proxy a request's options ask for (one set per StripeClient in practice). */
    private final Map<Settings, OkHttpClient> bySettings = new ConcurrentHashMap<>();

    private record Settings(Integer connectTimeout, Integer readTimeout, Proxy proxy, PasswordAuthentication credential) {
    }

    /**
     * Up to 32 idle keep-alive connections (the payout job's concurrent transfers reuse theirs), and
     * no silent retry on a failed connection: the SDK retries, under the same idempotency key.
     */
    public StripeResponseHeaders() {
        this(new OkHttpClient.Builder().connectionPool(new ConnectionPool(32, 5, TimeUnit.MINUTES))
                .retryOnConnectionFailure(false).followRedirects(false).build());
    }

    public StripeResponseHeaders(OkHttpClient http) {
        this.http = http;
    }

    @Override
    public StripeResponse request(StripeRequest request) throws ApiConnectionException {
        LAST.remove();
        StripeResponse response = send(request);
        LAST.set(response);
        return response;
    }

    private StripeResponse send(StripeRequest request) throws ApiConnectionException {
        Request.Builder call = new Request.Builder().url(request.url());
        request.headers().map().forEach((name, values) -> values.forEach(value -> call.addHeader(name, value)));
        call.header("User-Agent", buildUserAgentString(request));
        call.header("X-Stripe-Client-User-Agent", CLIENT_USER_AGENT);
        HttpContent content = request.content();
        String method = request.method().name();
        RequestBody body = content != null
                ? RequestBody.create(content.byteArrayContent(), MediaType.get(content.contentType()))
                : method.equals("POST") ? RequestBody.create(new byte[0]) : null;
        call.method(method, body);
        try (Response response = client(request.options()).newCall(call.build()).execute()) {
            return new StripeResponse(response.code(), HttpHeaders.of(response.headers().toMultimap()),
                    response.body().string());
        } catch (IOException e) {
            throw new ApiConnectionException("IOException during API request to Stripe (" + request.url().getHost() + "): "
                    + e.getMessage() + " Please check your internet connection and try again.", e);
        }
    }

    private OkHttpClient client(RequestOptions options) {
        Settings settings = new Settings(options.getConnectTimeout(), options.getReadTimeout(), options.getConnectionProxy(),
                options.getProxyCredential());
        return bySettings.computeIfAbsent(settings, s -> {
            OkHttpClient.Builder builder = http.newBuilder();
            if (s.connectTimeout() != null) {
                builder.connectTimeout(Duration.ofMillis(s.connectTimeout()));
            }
            if (s.readTimeout() != null) {
                builder.readTimeout(Duration.ofMillis(s.readTimeout()));
            }
            if (s.proxy() != null) {
                builder.proxy(s.proxy());
            }
            PasswordAuthentication credential = s.credential();
            if (credential != null) {
                String basic = Credentials.basic(credential.getUserName(), new String(credential.getPassword()));
                builder.proxyAuthenticator((route, response) ->
                        Objects.equals(response.request().header("Proxy-Authorization"), basic) ? null
                                : response.request().newBuilder().header("Proxy-Authorization", basic).build());
            }
            return builder.build();
        });
    }

    /** Forgets the last answer; call before an SDK call whose headers will be read. */
    static void clear() {
        LAST.remove();
    }

    static Optional<Duration> retryAfter() {
        return header("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
            } catch (NumberFormatException notSeconds) {
                return Optional.empty();
            }
        });
    }

    /** {@code Stripe-Should-Retry}: empty when Stripe did not say. */
    static Optional<Boolean> shouldRetry() {
        return header("Stripe-Should-Retry").map(v -> Boolean.parseBoolean(v.trim()));
    }

    private static Optional<String> header(String name) {
        StripeResponse last = LAST.get();
        return last == null ? Optional.empty() : last.headers().firstValue(name);
    }
}
