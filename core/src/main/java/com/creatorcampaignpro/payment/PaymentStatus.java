package com.creatorcampaignpro.payment;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A payout's settlement life cycle. Allowed moves (staying in the same status is always allowed):
 * <pre>
 * pending   -> held | batched            held: a dispute or review stops it; batched: picked for a payout run
 * held      -> pending                   the hold is released
 * batched   -> submitted | pending | held
 *                                        sent to the provider; or taken out of the batch again before sending
 * submitted -> paid | failed | unknown | unclaimed
 *                                        the provider's answer; unknown = sent, but no answer (timeout, 5xx)
 * unknown   -> paid | failed | unclaimed | submitted
 *                                        reconciliation learned the outcome, or that the provider still processes it
 * unclaimed -> paid | returned           PayPal: the receiver claims it, or it comes back after 30 days
 * failed    -> pending                   a new attempt (e.g. after the payee fixed their method)
 * paid      -> returned | reversed       the payee's bank bounced it; we clawed it back (dispute, fraud)
 * returned  -> pending                   the money is back with us: a new attempt
 * reversed  -> (none)                    final: the payout was undone on purpose
 * </pre>
 * Nothing goes back from in flight (submitted, unknown, unclaimed) to pending or held: money may be
 * moving, and a second attempt could pay twice.
 */
public enum PaymentStatus {
    PENDING, HELD, BATCHED, SUBMITTED, UNKNOWN, PAID, FAILED, UNCLAIMED, RETURNED, REVERSED;

    /** Settled: the provider has had its last word on this attempt. */
    public static final Set<PaymentStatus> SETTLED = Set.of(PAID, FAILED, RETURNED, REVERSED);
    /** Handed to a provider or about to be: money may be moving, so the payout method must stay. */
    public static final Set<PaymentStatus> IN_FLIGHT = Set.of(BATCHED, SUBMITTED, UNKNOWN, UNCLAIMED);

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PaymentStatus> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.dbValue().equalsIgnoreCase(value)).findFirst();
    }

    public Set<PaymentStatus> allowedNext() {
        return switch (this) {
            case PENDING -> EnumSet.of(HELD, BATCHED);
            case HELD -> EnumSet.of(PENDING);
            case BATCHED -> EnumSet.of(SUBMITTED, PENDING, HELD);
            case SUBMITTED -> EnumSet.of(PAID, FAILED, UNKNOWN, UNCLAIMED);
            case UNKNOWN -> EnumSet.of(PAID, FAILED, UNCLAIMED, SUBMITTED);
            case UNCLAIMED -> EnumSet.of(PAID, RETURNED);
            case FAILED -> EnumSet.of(PENDING);
            case PAID -> EnumSet.of(RETURNED, REVERSED);
            case RETURNED -> EnumSet.of(PENDING);
            case REVERSED -> EnumSet.noneOf(PaymentStatus.class);
        };
    }

    public boolean canMoveTo(PaymentStatus next) {
        return this == next || allowedNext().contains(next);
    }

    public boolean isTerminal() {
        return allowedNext().isEmpty();
    }

    public boolean isSettled() {
        return SETTLED.contains(this);
    }

    public boolean isInFlight() {
        return IN_FLIGHT.contains(this);
    }
}
