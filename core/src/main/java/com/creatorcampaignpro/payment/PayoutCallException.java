package com.creatorcampaignpro.payment;

import java.time.Duration;
import java.util.Optional;

/**
 * A failed call to a payout provider, classified by what it means for the money:
 * <ul>
 *   <li>{@link Outcome#REFUSED}: the provider refused the request (invalid, insufficient balance,
 *       whole-batch validation error); nothing was or will be paid, retrying the same request won't help.</li>
 *   <li>{@link Outcome#NOT_APPLIED}: the provider did nothing yet (rate limit, refused connection,
 *       PayPal's 5xx which it documents as safe to resend); retry later with the same key.</li>
 *   <li>{@link Outcome#UNKNOWN}: the request may have been applied (timeout, dropped connection,
 *       Stripe's 5xx, a reused key): the payment becomes {@code unknown} and is looked up before
 *       anything is sent again.</li>
 * </ul>
 * {@code retryAfter} keeps the provider's Retry-After (429) so it can reach our own clients.
 */
public class PayoutCallException extends PayoutProviderException {

    public enum Outcome { REFUSED, NOT_APPLIED, UNKNOWN }

    private final Outcome outcome;
    private final String code;
    private final Duration retryAfter;
    private final int httpStatus;

    public PayoutCallException(String provider, Outcome outcome, int httpStatus, String code, String message,
                               Duration retryAfter, Throwable cause) {
        super(provider, message, outcome != Outcome.REFUSED, cause);
        this.outcome = outcome;
        this.httpStatus = httpStatus;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** The provider's error code (e.g. {@code balance_insufficient}, {@code VALIDATION_ERROR}), if it sent one. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /** The HTTP status the provider answered, 0 when no answer arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    public boolean rateLimited() {
        return httpStatus == 429;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
