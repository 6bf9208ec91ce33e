package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.jobs.JobOperations;
import com.creatorcampaignpro.testing.ProviderFakesIntegrationTest;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** payoutSettlementJob end to end against the Stripe and PayPal fakes. */
class PayoutSettlementJobIntegrationTests extends ProviderFakesIntegrationTest {
    @Autowired
    JobOperations operations;
    @Autowired
    Jdbi jdbi;

    private SettlementFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new SettlementFixtures(jdbi);
        PAYPAL.setAdvanceOnRead(false);
    }

    private String run() {
        long id = operations.launch(PayoutSettlementJobConfiguration.JOB_NAME, Map.of()).getId();
        await().atMost(Duration.ofSeconds(60)).until(() -> operations.find(id).status(),
                s -> !s.equals("STARTING") && !s.equals("STARTED") && !s.equals("STOPPING"));
        return operations.find(id).status();
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
}
