package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.jobs.testing.PayoutFakesIntegrationTest;
import com.creatorcampaignpro.audit.AuditLogDao;
import com.creatorcampaignpro.monitoring.PaymentMetrics;
import com.creatorcampaignpro.notification.Notifications;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** payoutSettlementJob end to end against the Stripe and PayPal fakes. */
class PayoutSettlementJobIntegrationTests extends PayoutFakesIntegrationTest {
    @Autowired
    Jdbi jdbi;
    @Autowired
    PaymentMetrics metrics;
    @Autowired
    AuditLogDao audit;

    private SettlementFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new SettlementFixtures(jdbi);
        PAYPAL.setAdvanceOnRead(false);
    }

    private String run() {
        return runSettlement(Duration.ofSeconds(60));
    }

    @Test
    void approvedContentIsPaidOnceThroughStripeAndPayPalAndContentBeyondTheAgreementIsHeld() {
        UUID marketer = fixtures.user("marketer");
        UUID campaign = fixtures.campaign(marketer, 1_000_000);
        String account = STRIPE.addConnectedAccount("stripe-payee@example.com");
        UUID stripePayee = fixtures.payee("stripe", account);
        UUID paypalPayee = fixtures.payee("paypal", null);
        UUID stripeInvitation = fixtures.invitation(campaign, stripePayee, 1001, 2);
        UUID paypalInvitation = fixtures.invitation(campaign, paypalPayee, 500, 1);
        UUID reel1 = fixtures.approvedReel(campaign, stripePayee, stripeInvitation);
        UUID reel2 = fixtures.approvedReel(campaign, stripePayee, stripeInvitation);
        UUID beyond = fixtures.approvedReel(campaign, stripePayee, stripeInvitation);
        UUID paypalReel = fixtures.approvedReel(campaign, paypalPayee, paypalInvitation);

        assertThat(run()).isEqualTo("COMPLETED");
        PAYPAL.completeAll();
        assertThat(run()).isEqualTo("COMPLETED");   // reconciles the PayPal payout
        assertThat(run()).isEqualTo("COMPLETED");   // and nothing more happens

        Map<String, Object> first = fixtures.payment(reel1);
        Map<String, Object> second = fixtures.payment(reel2);
        Map<String, Object> viaPaypal = fixtures.payment(paypalReel);
        assertThat(first).containsEntry("status", "paid").containsEntry("amount", 501L).containsEntry("fee_amount", 50L)
                .containsEntry("net_amount", 451L).containsEntry("attempt", 1);
        assertThat((BigDecimal) first.get("tax_rate")).isEqualByComparingTo("0");   // the W-9 profile's rate
        assertThat(second).containsEntry("status", "paid").containsEntry("amount", 500L).containsEntry("net_amount", 450L);
        assertThat(viaPaypal).containsEntry("status", "paid").containsEntry("net_amount", 450L);
        assertThat(fixtures.payment(beyond)).containsEntry("status", "held").containsEntry("amount", 0L);

        String firstId = first.get("id").toString();
        String secondId = second.get("id").toString();
        assertThat(STRIPE.successfulTransfersByPayment()).containsEntry(firstId, 1L).containsEntry(secondId, 1L);
        assertThat(STRIPE.transfers()).filteredOn(t -> t.paymentId().equals(firstId))
                .singleElement().satisfies(t -> {
                    assertThat(t.amount()).isEqualTo(451);
                    assertThat(t.destination()).isEqualTo(account);
                    assertThat(t.id()).isEqualTo(first.get("provider_reference"));
                });
        String paypalId = viaPaypal.get("id").toString();
        assertThat(PAYPAL.successfulItemsByPayment()).containsEntry(paypalId, 1L);
        assertThat(PAYPAL.itemsOf(paypalId)).singleElement().satisfies(i -> {
            assertThat(i.value()).isEqualTo("4.50");
            assertThat(i.receiver()).isEqualTo(fixtures.paypalEmail(paypalPayee));
        });
        List<Map<String, Object>> attempts = jdbi.withHandle(h -> h.createQuery("""
                SELECT a.* FROM payment_attempts a JOIN payments p ON p.id = a.payment_id WHERE p.campaign_id = :c""")
                .bind("c", campaign).mapToMap().list());
        assertThat(attempts).hasSize(3).allSatisfy(a -> assertThat(a.get("outcome")).isEqualTo("paid"));
        assertThat(attempts).extracting(a -> a.get("idempotency_key"))
                .contains("ccp-payout-" + firstId + "-1", "ccp-payout-" + secondId + "-1");
    }

    @Test
    void theTaxProfileUsedIsRecordedPaidPayeesAreToldAndCountedAndAPayPalMethodTurnsVerified() {
        UUID campaign = fixtures.campaign(fixtures.user("marketer"), 1_000_000);
        UUID payee = fixtures.payee("paypal", null, "w8ben", "0.30");
        UUID reel = fixtures.approvedReel(campaign, payee, fixtures.invitation(campaign, payee, 500, 1));
        assertThat(fixtures.method(payee).get("details_json").toString()).doesNotContain("payoutsEnabled");
        long paidBefore = metrics.count("paypal", "paid");

        assertThat(run()).isEqualTo("COMPLETED");
        assertThat(fixtures.notifications(payee, Notifications.PAYMENT_PAID)).isEmpty();   // PayPal still processing
        PAYPAL.completeAll();
        assertThat(run()).isEqualTo("COMPLETED");

        // gross 500, fee 50, tax 30 % of 450 = 135, net 315; the rate of the W-8BEN profile is kept.
        Map<String, Object> payment = fixtures.payment(reel);
        assertThat(payment).containsEntry("status", "paid").containsEntry("tax_amount", 135L)
                .containsEntry("net_amount", 315L);
        assertThat((BigDecimal) payment.get("tax_rate")).isEqualByComparingTo("0.30");
        // PayPal never checks an email up front: the method is verified once a payout to it was paid.
        assertThat(fixtures.method(payee).get("details_json").toString()).contains("\"payoutsEnabled\": true");
        assertThat(fixtures.notifications(payee, Notifications.PAYMENT_PAID)).singleElement().satisfies(n -> assertThat(n)
                .contains(payment.get("id").toString()).contains("\"netAmount\": 315").contains("\"provider\": \"paypal\""));
        assertThat(metrics.count("paypal", "paid")).isEqualTo(paidBefore + 1);

        assertThat(run()).isEqualTo("COMPLETED");   // nothing moves again: no second notification, no second count
        assertThat(fixtures.notifications(payee, Notifications.PAYMENT_PAID)).hasSize(1);
        assertThat(metrics.count("paypal", "paid")).isEqualTo(paidBefore + 1);
    }

    @Test
    void aRefusedTransferFailsThePaymentTellsThePayeeAndCountsAFailure() {
        UUID campaign = fixtures.campaign(fixtures.user("marketer"), 1_000_000);
        // An account Stripe does not know: the transfer is refused (400), nothing is paid.
        UUID payee = fixtures.payee("stripe", "acct_unknown" + UUID.randomUUID().toString().substring(0, 8));
        UUID reel = fixtures.approvedReel(campaign, payee, fixtures.invitation(campaign, payee, 800, 1));
        long failedBefore = metrics.count("stripe", "failed");

        assertThat(run()).isEqualTo("COMPLETED");

        Map<String, Object> payment = fixtures.payment(reel);
        assertThat(payment).containsEntry("status", "failed");
        assertThat(payment.get("failure_reason").toString()).contains("No such destination");
        assertThat(fixtures.notifications(payee, Notifications.PAYMENT_FAILED)).singleElement()
                .satisfies(n -> assertThat(n).contains(payment.get("id").toString()).contains("No such destination"));
        assertThat(fixtures.notifications(payee, Notifications.PAYMENT_PAID)).isEmpty();
        assertThat(metrics.count("stripe", "failed")).isEqualTo(failedBefore + 1);
        assertThat((BigDecimal) payment.get("tax_rate")).isEqualByComparingTo("0");
    }

    @Test
    void aPendingStripeAccountWhoseWebhookNeverCameIsLookedUpAndActivatedOnceOnboarded() {
        UUID campaign = fixtures.campaign(fixtures.user("marketer"), 1_000_000);
        String account = STRIPE.addPendingAccount("late-webhook@example.com");
        UUID payee = fixtures.pendingStripePayee(account);
        UUID reel = fixtures.approvedReel(campaign, payee, fixtures.invitation(campaign, payee, 700, 1));

        // Still onboarding at Stripe: looked up, left pending; the payment waits for a method.
        assertThat(run()).isEqualTo("COMPLETED");
        assertThat(fixtures.method(payee)).containsEntry("status", "pending");
        assertThat(fixtures.method(payee).get("provider_checked_at")).isNotNull();
        assertThat(fixtures.payment(reel)).containsEntry("status", "held");

        // Onboarding completes, but account.updated is lost: the next reconcile asks Stripe and activates.
        STRIPE.completeOnboarding(account);
        assertThat(run()).isEqualTo("COMPLETED");
        Map<String, Object> method = fixtures.method(payee);
        assertThat(method).containsEntry("status", "active");
        assertThat(method.get("details_json").toString()).contains("\"payoutsEnabled\": true");
        assertThat(audit.actionsOn("payment_method", method.get("id").toString())).containsExactly("payment_method.activated");

        // And the held payment is released and paid by the run after.
        assertThat(run()).isEqualTo("COMPLETED");
        assertThat(fixtures.payment(reel)).containsEntry("status", "paid");
        assertThat(STRIPE.successfulTransfersByPayment()).containsEntry(fixtures.payment(reel).get("id").toString(), 1L);
    }
}
