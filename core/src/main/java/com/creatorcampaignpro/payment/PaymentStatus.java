package com.creatorcampaignpro.payment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** pending -> held | batched -> submitted -> paid | failed | returned (DESIGN.md). */
public enum PaymentStatus {
    PENDING, HELD, BATCHED, SUBMITTED, PAID, FAILED, RETURNED;

    /** Settled: the provider has had its last word. */
    public static final Set<PaymentStatus> SETTLED = Set.of(PAID, FAILED, RETURNED);
    /** Handed to a provider or about to be: money may be moving. */
    public static final Set<PaymentStatus> IN_FLIGHT = Set.of(BATCHED, SUBMITTED);

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PaymentStatus> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.dbValue().equalsIgnoreCase(value)).findFirst();
    }
}
