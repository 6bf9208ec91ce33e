package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.db.testing.PostgresExtension;
import com.creatorcampaignpro.payment.SettlementDao.Accrued;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Accrue and batch, the set-based heart of payout settlement, on the real PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class SettlementDaoIntegrationTests {
    private static final BigDecimal FEE = new BigDecimal("0.10");
    private static final BigDecimal BACKUP = new BigDecimal("0.24");

    private final Jdbi jdbi;

    SettlementDaoIntegrationTests(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    // ---- fixtures -----------------------------------------------------------------------------

    private UUID user(String type) {
        return jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO users (email, password_hash, user_type) VALUES (:email, 'x', :type) RETURNING id""")
                .bind("email", type + "-" + UUID.randomUUID() + "@example.com").bind("type", type)
                .mapTo(UUID.class).one());
    }

    private UUID campaign(long budget, String currency) {
        UUID marketer = user("marketer");
        return jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO campaigns (marketer_id, name, status, budget, currency) VALUES (:m, 'Launch', 'active', :b, :c)
                RETURNING id""").bind("m", marketer).bind("b", budget).bind("c", currency).mapTo(UUID.class).one());
    }

    private UUID invitation(UUID campaign, UUID influencer, long rate, String deliverables) {
        return jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO campaign_invitations (campaign_id, influencer_id, rate_amount, currency, deliverables, status,
                                                  responded_at, expires_at)
                VALUES (:c, :i, :r, 'USD', CAST(:d AS jsonb), 'accepted', now(), now() + interval '1 day') RETURNING id""")
                .bind("c", campaign).bind("i", influencer).bind("r", rate).bind("d", deliverables)
                .mapTo(UUID.class).one());
    }

    private UUID content(UUID campaign, UUID influencer, UUID invitation, String platform, String type) {
        return jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO content (campaign_id, influencer_id, invitation_id, platform, content_type, status, reviewed_at,
                                     content_url)
                VALUES (:c, :i, :inv, :p, :t, 'approved', clock_timestamp(), :url) RETURNING id""")
                .bind("c", campaign).bind("i", influencer).bind("inv", invitation).bind("p", platform).bind("t", type)
                .bind("url", "https://example.com/" + UUID.randomUUID()).mapTo(UUID.class).one());
    }

    private void rate(UUID influencer, String platform, String type, long amount) {
        jdbi.useHandle(h -> h.execute("INSERT INTO content_rates (influencer_id, platform, content_type, rate_amount, currency)"
                + " VALUES (?, ?, ?, ?, 'USD')", influencer, platform, type, amount));
    }

    private void method(UUID user, String provider) {
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO payment_methods (user_id, provider, stripe_account_id, paypal_email, status, is_default)
                VALUES (?, ?, ?, ?, 'active', TRUE)""", user, provider,
                provider.equals("stripe") ? "acct_" + UUID.randomUUID() : null,
                provider.equals("paypal") ? "p-" + UUID.randomUUID() + "@example.com" : null));
    }

    private void taxProfile(UUID user, String form, String rate) {
        jdbi.useHandle(h -> h.execute("INSERT INTO payee_tax_profiles (user_id, country, form_on_file, withholding_rate)"
                + " VALUES (?, 'US', ?, CAST(? AS numeric))", user, form, rate));
    }

    private UUID payee(String provider) {
        UUID influencer = user("influencer");
        method(influencer, provider);
        taxProfile(influencer, "w9", "0");
        return influencer;
    }

    private Accrued accrue(UUID contentId, boolean noFormHolds) {
        return jdbi.inTransaction(h -> {
            SettlementDao dao = h.attach(SettlementDao.class);
            List<UUID> locked = dao.lockCampaignsWithDueContent(contentId, 1000);
            return dao.accrue(locked.toArray(UUID[]::new), contentId, FEE, noFormHolds, BACKUP);
        });
    }

    private Map<String, Object> payment(UUID contentId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM payments WHERE content_id = :c").bind("c", contentId)
                .mapToMap().one());
    }

    private long spent(UUID campaign) {
        return jdbi.withHandle(h -> h.createQuery("SELECT spent FROM campaigns WHERE id = :id").bind("id", campaign)
                .mapTo(Long.class).one());
    }

    // ---- accrue -------------------------------------------------------------------------------

    @Test
    void anInvitationsRateIsAllocatedOverItsUnitsAndContentBeyondThemIsHeld() {
        UUID campaign = campaign(1_000_000, "USD");
        UUID influencer = payee("stripe");
        UUID invitation = invitation(campaign, influencer, 1000, """
                [{"platform":"instagram","contentType":"reel","quantity":2},{"platform":"tiktok","contentType":"video","quantity":1}]""");
        UUID reel1 = content(campaign, influencer, invitation, "instagram", "reel");
        UUID reel2 = content(campaign, influencer, invitation, "instagram", "reel");
        UUID video = content(campaign, influencer, invitation, "tiktok", "video");
        accrue(null, false);
        UUID reel3 = content(campaign, influencer, invitation, "instagram", "reel");   // a unit nobody agreed to
        UUID story = content(campaign, influencer, invitation, "instagram", "story");

        accrue(null, false);

        assertThat(payment(reel1)).containsEntry("amount", 334L).containsEntry("status", "pending");
        assertThat(payment(reel2)).containsEntry("amount", 333L);
        assertThat(payment(video)).containsEntry("amount", 333L);
        assertThat(payment(reel3)).containsEntry("amount", 0L).containsEntry("status", "held")
                .containsEntry("hold_reason", SettlementDao.BEYOND);
        assertThat(payment(story)).containsEntry("status", "held").containsEntry("hold_reason", SettlementDao.BEYOND);
        assertThat(spent(campaign)).isEqualTo(1000);
    }

    @Test
    void twoInvitationsOfOneCampaignEachAllocateTheirOwnRate() {
        UUID campaign = campaign(1_000_000, "USD");
        UUID first = payee("stripe");
        UUID second = payee("paypal");
        String reels = "[{\"platform\":\"instagram\",\"contentType\":\"reel\",\"quantity\":2}]";
        UUID firstInvitation = invitation(campaign, first, 1001, reels);
        UUID secondInvitation = invitation(campaign, second, 500, reels.replace("2", "1"));
        UUID a = content(campaign, first, firstInvitation, "instagram", "reel");
        UUID b = content(campaign, first, firstInvitation, "instagram", "reel");
        UUID c = content(campaign, second, secondInvitation, "instagram", "reel");

        accrue(null, false);

        assertThat(payment(a)).containsEntry("amount", 501L);
        assertThat(payment(b)).containsEntry("amount", 500L);
        assertThat(payment(c)).containsEntry("amount", 500L);
    }

    @Test
    void feeAndTaxAreRoundedHalfToEvenAndTheAmountsAddUp() {
        UUID campaign = campaign(1_000_000, "USD");
        UUID influencer = user("influencer");
        method(influencer, "paypal");
        taxProfile(influencer, "w8ben", "0.3000");
        rate(influencer, "youtube", "video", 1005);   // fee 100.5 -> 100; tax 0.3 x 905 = 271.5 -> 272
        UUID video = content(campaign, influencer, null, "youtube", "video");

        accrue(video, false);

        assertThat(payment(video)).containsEntry("amount", 1005L).containsEntry("fee_amount", 100L)
                .containsEntry("tax_amount", 272L).containsEntry("net_amount", 633L).containsEntry("status", "pending");
    }

    @Test
    void roundingHalfToEvenAgreesWithBigDecimal() {
        List<String> values = List.of("0", "0.5", "1.5", "2.5", "2.4999", "2.5001", "3.5", "100.5", "101.5", "7.49", "12345.5");
        for (String value : values) {
            long sql = jdbi.withHandle(h -> h.createQuery("SELECT ccp_round_half_even(CAST(:v AS numeric))")
                    .bind("v", value).mapTo(Long.class).one());
            assertThat(sql).as(value).isEqualTo(new BigDecimal(value).setScale(0, RoundingMode.HALF_EVEN).longValueExact());
        }
    }

    @Test
    void withoutAFormThePolicyHoldsOrWithholdsAtTheBackupRate() {
        UUID campaign = campaign(1_000_000, "USD");
        UUID influencer = user("influencer");
        method(influencer, "paypal");
        rate(influencer, "instagram", "post", 1000);
        UUID held = content(campaign, influencer, null, "instagram", "post");
        accrue(held, true);
        assertThat(payment(held)).containsEntry("status", "held").containsEntry("hold_reason", SettlementDao.NO_TAX_FORM);

        UUID withheld = content(campaign, influencer, null, "instagram", "post");
        accrue(withheld, false);
        assertThat(payment(withheld)).containsEntry("status", "pending").containsEntry("tax_amount", 216L);   // 0.24 x 900

        taxProfile(influencer, "w9", "0.1000");
        int releasedTax = jdbi.withExtension(SettlementDao.class, SettlementDao::releaseTaxHolds);
        assertThat(releasedTax).isEqualTo(1);
        assertThat(payment(held)).containsEntry("status", "pending").containsEntry("tax_amount", 90L)
                .containsEntry("net_amount", 810L);
    }

    @Test
    void aPayeeWithoutAnActiveMethodIsHeldButOwedAndReleasedOnceOneExists() {
        UUID campaign = campaign(1_000_000, "USD");
        UUID influencer = user("influencer");
        taxProfile(influencer, "w9", "0");
        rate(influencer, "instagram", "post", 700);
        UUID post = content(campaign, influencer, null, "instagram", "post");

        accrue(post, false);
        assertThat(payment(post)).containsEntry("status", "held").containsEntry("hold_reason", SettlementDao.NO_METHOD);
        assertThat(spent(campaign)).isEqualTo(700);

        method(influencer, "stripe");
        jdbi.useExtension(SettlementDao.class, SettlementDao::releaseMethodHolds);
        assertThat(payment(post)).containsEntry("status", "pending");
    }

    @Test
    void aDisputeOnAPaymentTheJobHoldsKeepsItUnpaidUntilTheDisputeIsResolved() {
        UUID campaign = campaign(1_000_000, "USD");
        UUID influencer = user("influencer");
        taxProfile(influencer, "w9", "0");
        rate(influencer, "instagram", "post", 700);
        UUID post = content(campaign, influencer, null, "instagram", "post");
        accrue(post, false);
        UUID paymentId = (UUID) payment(post).get("id");
        UUID dispute = jdbi.withHandle(h -> h.createQuery(
                "INSERT INTO payment_disputes (payment_id, opened_by, reason) VALUES (:p, :u, 'not delivered') RETURNING id")
                .bind("p", paymentId).bind("u", influencer).mapTo(UUID.class).one());
        method(influencer, "paypal");

        // when: the job releases what it held, and would batch what is ready
        int released = jdbi.inTransaction(h -> {
            SettlementDao dao = h.attach(SettlementDao.class);
            dao.lockReleasableHolds();
            return dao.releaseMethodHolds();
        });
        assertThat(released).isZero();
        assertThat(payment(post)).containsEntry("status", "held").containsEntry("hold_reason", SettlementDao.NO_METHOD);
        jdbi.useHandle(h -> h.execute("UPDATE payments SET status = 'pending', hold_reason = NULL WHERE id = ?", paymentId));
        Optional<SettlementDao.BatchGroup> whileDisputed = jdbi.withExtension(SettlementDao.class,
                dao -> dao.nextBatchGroup(paymentId));
        assertThat(whileDisputed).isEmpty();

        // then: once the dispute is resolved, the payment is paid as any other
        jdbi.useHandle(h -> h.execute("UPDATE payment_disputes SET status = 'resolved', outcome = 'rejected',"
                + " resolved_at = now() WHERE id = ?", dispute));
        Optional<SettlementDao.BatchGroup> resolved = jdbi.withExtension(SettlementDao.class,
                dao -> dao.nextBatchGroup(paymentId));
        assertThat(resolved).isPresent();
    }

    @Test
    void contentWithoutAnyRateIsHeld() {
        UUID campaign = campaign(1_000_000, "USD");
        UUID influencer = payee("paypal");
        UUID post = content(campaign, influencer, null, "instagram", "post");

        accrue(post, false);

        assertThat(payment(post)).containsEntry("status", "held").containsEntry("hold_reason", SettlementDao.NO_RATE);
        assertThat(spent(campaign)).isZero();
    }

    @Test
    void aPaymentThatWouldPassTheBudgetIsHeldAndSpentStaysWithinIt() {
        UUID campaign = campaign(500, "USD");
        UUID influencer = payee("paypal");
        rate(influencer, "instagram", "post", 200);
        UUID first = content(campaign, influencer, null, "instagram", "post");
        UUID second = content(campaign, influencer, null, "instagram", "post");
        UUID third = content(campaign, influencer, null, "instagram", "post");

        accrue(null, false);

        assertThat(payment(first)).containsEntry("status", "pending");
        assertThat(payment(second)).containsEntry("status", "pending");
        assertThat(payment(third)).containsEntry("status", "held").containsEntry("hold_reason", SettlementDao.OVER_BUDGET);
        assertThat(spent(campaign)).isEqualTo(400);
    }

    @Test
    void concurrentAccrualsCreateOnePaymentPerContentAndNeverPassTheBudget() throws Exception {
        UUID campaign = campaign(5_000, "USD");
        UUID influencer = payee("paypal");
        rate(influencer, "instagram", "post", 300);
        List<UUID> contents = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            contents.add(content(campaign, influencer, null, "instagram", "post"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Accrued>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                UUID one = contents.get(i * 3);
                calls.add(() -> accrue(null, false));     // the job
                calls.add(() -> accrue(one, false));      // a process call for one item
            }
            for (Future<Accrued> f : pool.invokeAll(calls)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        long payments = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM payments WHERE campaign_id = :c")
                .bind("c", campaign).mapTo(Long.class).one());
        long pendingSum = jdbi.withHandle(h -> h.createQuery(
                "SELECT COALESCE(sum(amount), 0) FROM payments WHERE campaign_id = :c AND status = 'pending'")
                .bind("c", campaign).mapTo(Long.class).one());
        assertThat(payments).isEqualTo(40);
        assertThat(spent(campaign)).isEqualTo(pendingSum).isEqualTo(4_800).isLessThanOrEqualTo(5_000);
    }

    @Test
    void accruingAgainChangesNothing() {
        UUID campaign = campaign(1_000_000, "USD");
        UUID influencer = payee("paypal");
        rate(influencer, "instagram", "post", 250);
        UUID post = content(campaign, influencer, null, "instagram", "post");
        accrue(null, false);

        Accrued again = accrue(null, false);

        assertThat(again.pending() + again.held()).isZero();
        assertThat(spent(campaign)).isEqualTo(250);
        assertThat(payment(post)).containsEntry("amount", 250L);
    }

    // ---- batch --------------------------------------------------------------------------------

    @Test
    void batchesGroupReadyPaymentsByProviderAndCurrencyUpToTheLimitAndBindTheDefaultMethod() {
        UUID campaign = campaign(1_000_000, "USD");
        UUID paypalPayee = payee("paypal");
        UUID stripePayee = payee("stripe");
        rate(paypalPayee, "instagram", "post", 100);
        rate(stripePayee, "instagram", "post", 100);
        for (int i = 0; i < 5; i++) {
            content(campaign, paypalPayee, null, "instagram", "post");
        }
        content(campaign, stripePayee, null, "instagram", "post");
        accrue(null, false);

        List<SettlementDao.CreatedBatch> created = new ArrayList<>();
        while (true) {
            var batch = jdbi.inTransaction(h -> {
                SettlementDao dao = h.attach(SettlementDao.class);
                return dao.nextBatchGroup(null).flatMap(g -> {
                    dao.lockPayeesOfNextBatch(null, g.provider(), g.currency(), 2);
                    return dao.createBatch(null, g.provider(), g.currency(), 2, 150, 42L, 7L, null);
                });
            });
            if (batch.isEmpty()) {
                break;
            }
            created.add(batch.get());
        }

        // Other tests share the database: look at this campaign's payments and their batches.
        List<Map<String, Object>> perBatch = jdbi.withHandle(h -> h.createQuery("""
                SELECT b.id, b.item_count, b.total_net, b.status, b.requires_approval, b.job_execution_id
                FROM payout_batches b WHERE b.id IN (SELECT payout_batch_id FROM payments WHERE campaign_id = :c)""")
                .bind("c", campaign).mapToMap().list());
        assertThat(perBatch).allSatisfy(b -> {
            assertThat((Integer) b.get("item_count")).isBetween(1, 2);
            assertThat(b.get("status")).isEqualTo((Long) b.get("total_net") > 150 ? "awaiting_approval" : "ready");
            assertThat(b.get("job_execution_id")).isEqualTo(42L);
        });
        assertThat(created).extracting(SettlementDao.CreatedBatch::id).containsAll(perBatch.stream()
                .map(b -> (UUID) b.get("id")).toList());
        List<Map<String, Object>> batched = jdbi.withHandle(h -> h.createQuery("""
                SELECT p.status, p.provider, p.payment_method_id, m.provider AS method_provider, b.sender_batch_id, b.id AS batch_id
                FROM payments p JOIN payment_methods m ON m.id = p.payment_method_id JOIN payout_batches b ON b.id = p.payout_batch_id
                WHERE p.campaign_id = :c""").bind("c", campaign).mapToMap().list());
        assertThat(batched).hasSize(6).allSatisfy(row -> {
            assertThat(row).containsEntry("status", "batched");
            assertThat(row.get("provider")).isEqualTo(row.get("method_provider"));
            if ("paypal".equals(row.get("provider"))) {
                assertThat(row.get("sender_batch_id")).isEqualTo("ccp-" + row.get("batch_id"));
            } else {
                assertThat(row.get("sender_batch_id")).isNull();
            }
        });
    }

}
