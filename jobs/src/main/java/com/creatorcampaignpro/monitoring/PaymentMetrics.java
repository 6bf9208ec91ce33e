package com.creatorcampaignpro.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;

/**
 * {@code ccp.payments.outcomes} (counter, tags provider stripe/paypal and outcome paid/failed):
 * the success rate per provider is paid / (paid + failed). Call {@link #paid} or {@link #failed}
 * where a payment reaches that final state (settlement's reconcile step, provider webhooks), after
 * the transaction that records it commits.
 */
public final class PaymentMetrics {
    public static final String OUTCOMES = "ccp.payments.outcomes";
    static final List<String> PROVIDERS = List.of("stripe", "paypal");

    private final MeterRegistry meters;

    public PaymentMetrics(MeterRegistry meters) {
        this.meters = meters;
        for (String provider : PROVIDERS) {
            counter(provider, "paid");
            counter(provider, "failed");
        }
    }

    public void paid(String provider, long payments) {
        counter(provider, "paid").increment(payments);
    }

    public void failed(String provider, long payments) {
        counter(provider, "failed").increment(payments);
    }

    /** How many payments of {@code provider} reached {@code outcome} (paid, failed) since start. */
    public long count(String provider, String outcome) {
        return (long) counter(provider, outcome).count();
    }

    private Counter counter(String provider, String outcome) {
        return Counter.builder(OUTCOMES).description("payments that reached a final state, per provider")
                .tag("provider", provider).tag("outcome", outcome).register(meters);
    }
}
