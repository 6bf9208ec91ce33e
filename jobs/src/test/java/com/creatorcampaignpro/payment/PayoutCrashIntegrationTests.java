package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.db.testing.TestDatabase;
import com.creatorcampaignpro.fakes.paypal.FakePayPal;
import com.creatorcampaignpro.fakes.stripe.FakeStripe;
import com.creatorcampaignpro.jobs.testing.ChildInstance;
import com.creatorcampaignpro.jobs.testing.PayoutFakesIntegrationTest;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Acceptance (a): a child JVM settles against the fakes and is killed with SIGKILL at randomized
 * points - after a random delay (accrue, batch, submit or reconcile), or inside the fake right after
 * it created the n-th Stripe transfer or the PayPal payout and before its answer leaves (the
 * provider has committed, we have not). Each time the operators' path (a launch of
 * payoutSettlementJob) finishes the work, and the fakes then hold exactly one successful transfer
 * or payout item per payment, for the amounts the database says.
 */
class PayoutCrashIntegrationTests extends PayoutFakesIntegrationTest {
    private static final int RUNS = 24;
    private static final int STRIPE_PAYEES = 6;
    private static final int PAYPAL_PAYEES = 4;

    @Autowired
    Jdbi jdbi;

    @AfterEach
    void unhook() {
        STRIPE.onTransferCreated(n -> { });
        PAYPAL.onPayoutCreated(n -> { });
        PAYPAL.setAdvanceOnRead(true);
        STRIPE.setLatency(Duration.ZERO);
        PAYPAL.setLatency(Duration.ZERO);
    }

    private String runJob() {
        return runSettlement(Duration.ofSeconds(90));
    }

    @Test
    void killedAtRandomPointsAndRestartedEveryPaymentIsPaidExactlyOnce() throws Exception {
        Random random = new Random(20261203L);
        SettlementFixtures fixtures = new SettlementFixtures(jdbi);
        PAYPAL.setAdvanceOnRead(false);
        // Provider latency stretches the child's run (about a second) so a random delay lands in any step.
        STRIPE.setLatency(Duration.ofMillis(40));
        PAYPAL.setLatency(Duration.ofMillis(40));
        List<String> points = new ArrayList<>();
        for (int r = 0; r < RUNS; r++) {
            int run = r;
            // given: a campaign with Stripe and PayPal payees, two approved reels each
            UUID campaign = fixtures.campaign(fixtures.user("marketer"), 10_000_000);
            for (int i = 0; i < STRIPE_PAYEES + PAYPAL_PAYEES; i++) {
                boolean stripe = i < STRIPE_PAYEES;
                UUID payee = fixtures.payee(stripe ? "stripe" : "paypal",
                        stripe ? STRIPE.addConnectedAccount("crash@example.com") : null);
                UUID invitation = fixtures.invitation(campaign, payee, 1000 + random.nextInt(9000), 2);
                fixtures.approvedReel(campaign, payee, invitation);
                fixtures.approvedReel(campaign, payee, invitation);
            }

            // when: the child settles and dies somewhere
            String point = killPoint(run, random);
            points.add(point);
            TestDatabase db = TestDatabase.shared();
            ChildInstance child = ChildInstance.main("settlement-child-" + run + ".log", "256m", SettlementChild.class,
                    db.jdbcUrl(), db.username(), db.password() == null || db.password().isEmpty() ? "-" : db.password(),
                    STRIPE.apiBase(), PAYPAL.baseUrl());
            AtomicReference<ChildInstance> victim = new AtomicReference<>(child);
            arm(point, victim);
            if (point.startsWith("after ")) {
                long ms = Long.parseLong(point.substring("after ".length(), point.indexOf(" ms")));
                child.awaitOutput("child ready", Duration.ofSeconds(30));
                await().pollDelay(Duration.ofMillis(ms)).atMost(Duration.ofMillis(ms + 1000)).until(() -> true);
                child.kill();
            }
            if (!child.waitFor(Duration.ofSeconds(120))) {
                child.kill();
            }
            STRIPE.onTransferCreated(n -> { });
            PAYPAL.onPayoutCreated(n -> { });
            String childLog = child.output();
            String where = point.startsWith("after ") && childLog.contains("child done")
                    ? point + " (too late: the child had finished)" : point;
            points.set(points.size() - 1, where);

            // then: the operators' path finishes it (PayPal completes its payout in between)
            assertThat(runJob()).as("run %d (%s)", run, where).isEqualTo("COMPLETED");
            PAYPAL.completeAll();
            assertThat(runJob()).as("run %d (%s)", run, where).isEqualTo("COMPLETED");

            List<Map<String, Object>> payments = fixtures.paymentsOf(campaign);
            assertThat(payments).as("run %d (%s): %s", run, where, childLog).hasSize(2 * (STRIPE_PAYEES + PAYPAL_PAYEES))
                    .allSatisfy(p -> assertThat(p.get("status")).as("run %d (%s) payment %s", run, where, p.get("id"))
                            .isEqualTo("paid"));
            Map<String, Long> transfers = STRIPE.successfulTransfersByPayment();
            Map<String, Long> items = PAYPAL.successfulItemsByPayment();
            Map<String, Long> liveItems = PAYPAL.liveItemsByPayment();
            long dbNet = 0;
            long sentNet = 0;
            for (Map<String, Object> p : payments) {
                String id = p.get("id").toString();
                dbNet += (Long) p.get("net_amount");
                if ("stripe".equals(p.get("provider"))) {
                    assertThat(transfers.get(id)).as("run %d (%s): Stripe transfers of %s", run, where, id).isEqualTo(1L);
                    assertThat(items).doesNotContainKey(id);
                    sentNet += STRIPE.transfers().stream().filter(t -> id.equals(t.paymentId()) && !t.reversed())
                            .mapToLong(FakeStripe.Transfer::amount).sum();
                } else {
                    assertThat(items.get(id)).as("run %d (%s): PayPal items of %s", run, where, id).isEqualTo(1L);
                    assertThat(liveItems.get(id)).isEqualTo(1L);
                    assertThat(transfers).doesNotContainKey(id);
                    sentNet += PAYPAL.itemsOf(id).stream().filter(i -> i.status().equals("SUCCESS"))
                            .mapToLong(i -> new java.math.BigDecimal(i.value()).movePointRight(2).longValueExact()).sum();
                }
            }
            assertThat(sentNet).as("run %d (%s): what the providers paid equals the database's net", run, where)
                    .isEqualTo(dbNet);
        }
        System.out.println("settlement crash points: " + points);
        assertThat(points).anyMatch(p -> p.startsWith("stripe")).anyMatch(p -> p.startsWith("paypal"))
                .anyMatch(p -> p.startsWith("after"));
    }

    /** Where run {@code run} dies: inside a fake right after it applied a request, or after a delay. */
    private static String killPoint(int run, Random random) {
        return switch (run % 3) {
            case 0 -> "stripe transfer #" + (1 + random.nextInt(2 * STRIPE_PAYEES));
            case 1 -> "paypal payout";
            default -> "after " + random.nextInt(900) + " ms";
        };
    }

    private static void arm(String point, AtomicReference<ChildInstance> victim) {
        if (point.startsWith("stripe transfer #")) {
            int target = Integer.parseInt(point.substring("stripe transfer #".length()));
            int before = STRIPE.transfers().size();
            STRIPE.onTransferCreated(n -> {
                if (n - before == target) {
                    victim.get().kill();
                }
            });
        } else if (point.equals("paypal payout")) {
            int before = PAYPAL.batchCount();
            PAYPAL.onPayoutCreated(n -> {
                if (n > before) {
                    victim.get().kill();
                }
            });
        }
    }
}
