package com.creatorcampaignpro.payment;

/**
 * The payout provider refused or failed a call. {@code retriable}: a network error, rate limit or 5xx
 * (safe to retry with the same idempotency key); otherwise the request itself was refused.
 */
public class PayoutProviderException extends RuntimeException {
    private final String provider;
    private final boolean retriable;

    public PayoutProviderException(String provider, String message, boolean retriable, Throwable cause) {
        super(provider + ": " + message, cause);
        this.provider = provider;
        this.retriable = retriable;
    }

    public String provider() {
        return provider;
    }

    public boolean retriable() {
        return retriable;
    }
}
