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
    /** Sent to a provider: the statuses between which the provider's reports (reconciliation, webhooks) move a payment. */
    public static final Set<PaymentStatus> WITH_PROVIDER = Set.of(SUBMITTED, UNKNOWN, UNCLAIMED, PAID, FAILED, RETURNED, REVERSED);

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

    /**
     * The statuses from which a provider's report of this status may move a payment: those with the
     * provider from which this one is reachable through moves among them. A report may skip states we
     * never saw (a transfer seen first as reversed was paid, then reversed: submitted -> reversed), but
     * never leads backwards, and never out of a status whose only way on is a new attempt (failed,
     * returned -> pending). Empty for a status no provider reports (pending, held, batched).
     */
    public Set<PaymentStatus> reportableFrom() {
        Set<PaymentStatus> from = EnumSet.noneOf(PaymentStatus.class);
        if (!WITH_PROVIDER.contains(this)) {
            return from;
        }
        for (PaymentStatus start : WITH_PROVIDER) {
            if (start != this && reachesWithProvider(start, this)) {
                from.add(start);
            }
        }
        return from;
    }

    private static boolean reachesWithProvider(PaymentStatus start, PaymentStatus target) {
        Set<PaymentStatus> seen = EnumSet.of(start);
        java.util.ArrayDeque<PaymentStatus> queue = new java.util.ArrayDeque<>(seen);
        while (!queue.isEmpty()) {
            for (PaymentStatus next : queue.poll().allowedNext()) {
                if (next == target) {
                    return true;
                }
                if (WITH_PROVIDER.contains(next) && seen.add(next)) {
                    queue.add(next);
                }
            }
        }
        return false;
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
