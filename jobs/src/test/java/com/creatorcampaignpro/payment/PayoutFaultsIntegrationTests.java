package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.fakes.paypal.FakePayPal;
import com.creatorcampaignpro.fakes.stripe.FakeStripe;
import com.creatorcampaignpro.jobs.testing.PayoutFakesIntegrationTest;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance (b): 20% of the calls to both providers meet a transient fault (rate limits, 5xx before
 * and after applying, dropped connections, Stripe's stored failures, expired PayPal tokens); runs of
 * payoutSettlementJob still settle everything, and every payment is paid exactly once.
 */
class PayoutFaultsIntegrationTests extends PayoutFakesIntegrationTest {
    @Autowired
    Jdbi jdbi;

    @AfterEach
    void calm() {
        STRIPE.setTransferFaultRate(0, 0);
        PAYPAL.setFaultRate(0, 0);
        PAYPAL.setAdvanceOnRead(true);
    }

    @Test
    void withOneCallInFiveFailingEveryPaymentIsStillPaidExactlyOnce() {
        SettlementFixtures fixtures = new SettlementFixtures(jdbi);
        UUID campaign = fixtures.campaign(fixtures.user("marketer"), 100_000_000);
        for (int i = 0; i < 24; i++) {
            boolean stripe = i % 2 == 0;
            UUID payee = fixtures.payee(stripe ? "stripe" : "paypal", stripe ? STRIPE.addConnectedAccount("faults@example.com") : null);
            UUID invitation = fixtures.invitation(campaign, payee, 2_000 + i, 2);
            fixtures.approvedReel(campaign, payee, invitation);
            fixtures.approvedReel(campaign, payee, invitation);
        }
        PAYPAL.setAdvanceOnRead(false);
        STRIPE.setTransferFaultRate(0.2, 42, FakeStripe.Fault.RATE_LIMITED, FakeStripe.Fault.SERVER_ERROR,
                FakeStripe.Fault.SERVER_ERROR_SHOULD_RETRY, FakeStripe.Fault.SERVER_ERROR_SHOULD_NOT_RETRY,
                FakeStripe.Fault.SERVER_ERROR_AFTER_APPLYING, FakeStripe.Fault.DROP_AFTER_APPLYING);
        PAYPAL.setFaultRate(0.2, 42, FakePayPal.Fault.RATE_LIMITED, FakePayPal.Fault.SERVER_ERROR,
                FakePayPal.Fault.SERVER_ERROR_AFTER_APPLYING, FakePayPal.Fault.DROP_AFTER_APPLYING,
                FakePayPal.Fault.TOKEN_EXPIRED);
        // PayPal sees a handful of calls per run (one payout, its reads): one fault is certain, the worst
        // one, a payout applied whose answer never arrives.
        PAYPAL.failNext("POST", "/v1/payments/payouts", FakePayPal.Fault.DROP_AFTER_APPLYING);
        long stripeFaults = STRIPE.faultsServed();
        long paypalFaults = PAYPAL.faultsServed();

        // A payment failed for good by a stored Stripe 500 gets a new attempt (new key) in a later run:
        // a few runs, never the same payment sent twice within one.
        for (int run = 0; run < 8 && !allPaid(fixtures, campaign); run++) {
            assertThat(runSettlement(Duration.ofSeconds(120))).isIn("COMPLETED", "FAILED");
            PAYPAL.completeAll();
        }

        // The faults did happen (a test under faults that met none would prove nothing).
        assertThat(STRIPE.faultsServed() - stripeFaults).as("Stripe faults served").isPositive();
        assertThat(PAYPAL.faultsServed() - paypalFaults).as("PayPal faults served").isPositive();
        List<Map<String, Object>> payments = fixtures.paymentsOf(campaign);
        assertThat(payments).hasSize(48).allSatisfy(p -> assertThat(p.get("status")).as("payment %s", p.get("id"))
                .isEqualTo("paid"));
        Map<String, Long> transfers = STRIPE.successfulTransfersByPayment();
        Map<String, Long> items = PAYPAL.liveItemsByPayment();
        long stripeNet = 0;
        long stripeSent = 0;
        for (Map<String, Object> p : payments) {
            String id = p.get("id").toString();
            boolean viaStripe = transfers.containsKey(id);
            long sent = viaStripe ? transfers.get(id) : items.getOrDefault(id, 0L);
            assertThat(sent).as("payment %s", id).isEqualTo(1L);
            if (viaStripe) {
                stripeNet += (Long) p.get("net_amount");
            }
        }
        for (FakeStripe.Transfer t : STRIPE.transfers()) {
            if (!t.reversed() && transfers.containsKey(t.paymentId())
                    && payments.stream().anyMatch(p -> p.get("id").toString().equals(t.paymentId()))) {
                stripeSent += t.amount();
            }
        }
        assertThat(stripeSent).as("Stripe's total equals ours").isEqualTo(stripeNet);
    }

    private static boolean allPaid(SettlementFixtures fixtures, UUID campaign) {
        List<Map<String, Object>> payments = fixtures.paymentsOf(campaign);
        return !payments.isEmpty() && payments.stream().allMatch(p -> "paid".equals(p.get("status")));
    }
}
