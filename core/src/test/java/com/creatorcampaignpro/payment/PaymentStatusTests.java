package com.creatorcampaignpro.payment;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static com.creatorcampaignpro.payment.PaymentStatus.BATCHED;
import static com.creatorcampaignpro.payment.PaymentStatus.FAILED;
import static com.creatorcampaignpro.payment.PaymentStatus.HELD;
import static com.creatorcampaignpro.payment.PaymentStatus.PAID;
import static com.creatorcampaignpro.payment.PaymentStatus.PENDING;
import static com.creatorcampaignpro.payment.PaymentStatus.RETURNED;
import static com.creatorcampaignpro.payment.PaymentStatus.REVERSED;
import static com.creatorcampaignpro.payment.PaymentStatus.SUBMITTED;
import static com.creatorcampaignpro.payment.PaymentStatus.UNCLAIMED;
import static com.creatorcampaignpro.payment.PaymentStatus.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

class PaymentStatusTests {

    /** The whole matrix, written out independently of the enum's switch. */
    private static final Map<PaymentStatus, Set<PaymentStatus>> ALLOWED = Map.of(
            PENDING, EnumSet.of(HELD, BATCHED),
            HELD, EnumSet.of(PENDING),
            BATCHED, EnumSet.of(SUBMITTED, PENDING, HELD),
            SUBMITTED, EnumSet.of(PAID, FAILED, UNKNOWN, UNCLAIMED),
            UNKNOWN, EnumSet.of(PAID, FAILED, UNCLAIMED, SUBMITTED),
            UNCLAIMED, EnumSet.of(PAID, RETURNED),
            FAILED, EnumSet.of(PENDING),
            PAID, EnumSet.of(RETURNED, REVERSED),
            RETURNED, EnumSet.of(PENDING),
            REVERSED, EnumSet.noneOf(PaymentStatus.class));

    @Test
    void everyPairOfStatusesFollowsTheMatrix() {
        assertThat(ALLOWED.keySet()).containsExactlyInAnyOrder(PaymentStatus.values());
        for (PaymentStatus from : PaymentStatus.values()) {
            assertThat(from.allowedNext()).as("allowed after %s", from).isEqualTo(ALLOWED.get(from));
            for (PaymentStatus to : PaymentStatus.values()) {
                boolean expected = from == to || ALLOWED.get(from).contains(to);
                assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(expected);
            }
        }
    }

    @Test
    void onlyReversedIsFinal() {
        assertThat(EnumSet.allOf(PaymentStatus.class).stream().filter(PaymentStatus::isTerminal))
                .containsExactly(REVERSED);
    }

    @Test
    void moneyInFlightNeverGoesBackToPendingOrHeld() {
        for (PaymentStatus inFlight : EnumSet.of(SUBMITTED, UNKNOWN, UNCLAIMED)) {
            assertThat(inFlight.isInFlight()).isTrue();
            assertThat(inFlight.canMoveTo(PENDING)).as(inFlight + " -> pending").isFalse();
            assertThat(inFlight.canMoveTo(HELD)).as(inFlight + " -> held").isFalse();
        }
        assertThat(PENDING.isInFlight()).isFalse();
        assertThat(PAID.isSettled()).isTrue();
        assertThat(UNKNOWN.isSettled()).isFalse();
    }

    @Test
    void dbValuesRoundTrip() {
        for (PaymentStatus s : PaymentStatus.values()) {
            assertThat(PaymentStatus.parse(s.dbValue())).contains(s);
        }
        assertThat(PaymentStatus.parse("Unknown")).contains(UNKNOWN);
        assertThat(PaymentStatus.parse("cancelled")).isEmpty();
    }

    @Test
    void providerReportsMoveOnlyForwardFromWhatWasSent() {
        assertThat(PAID.reportableFrom()).containsExactlyInAnyOrder(SUBMITTED, UNKNOWN, UNCLAIMED);
        assertThat(FAILED.reportableFrom()).containsExactlyInAnyOrder(SUBMITTED, UNKNOWN);
        assertThat(UNCLAIMED.reportableFrom()).containsExactlyInAnyOrder(SUBMITTED, UNKNOWN);
        assertThat(RETURNED.reportableFrom()).containsExactlyInAnyOrder(SUBMITTED, UNKNOWN, UNCLAIMED, PAID);
        // Seen first as reversed: it was paid, then reversed.
        assertThat(REVERSED.reportableFrom()).containsExactlyInAnyOrder(SUBMITTED, UNKNOWN, UNCLAIMED, PAID);
        for (PaymentStatus notReported : EnumSet.of(PENDING, HELD, BATCHED)) {
            assertThat(notReported.reportableFrom()).as("%s", notReported).isEmpty();
        }
        // A late "paid" never resurrects a reversed, returned or failed payment (those move on only by a new attempt).
        for (PaymentStatus status : PaymentStatus.values()) {
            assertThat(status.reportableFrom()).as("%s", status).doesNotContain(REVERSED, RETURNED, FAILED, status);
        }
    }
}
