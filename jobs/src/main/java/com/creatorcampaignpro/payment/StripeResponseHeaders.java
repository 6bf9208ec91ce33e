package com.creatorcampaignpro.payment;

import com.stripe.net.HttpURLConnectionClient;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;

import java.time.Duration;
import java.util.Optional;

/**
 * stripe-java's HTTP client, remembering per thread the headers of the last answer. The SDK's
 * exceptions carry no headers, yet a 429's {@code Retry-After} must reach our own clients and a 5xx's
 * {@code Stripe-Should-Retry} says whether the request may have been applied. Every SDK call is
 * synchronous on the calling thread, so the value read after a call belongs to that call.
 */
public final class StripeResponseHeaders extends HttpURLConnectionClient {
    private static final ThreadLocal<StripeResponse> LAST = new ThreadLocal<>();

    @Override
    public StripeResponse request(StripeRequest request) throws com.stripe.exception.ApiConnectionException {
        LAST.remove();
        StripeResponse response = super.request(request);
        LAST.set(response);
        return response;
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
