package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.fakes.paypal.FakePayPal;
import com.creatorcampaignpro.fakes.stripe.FakeStripe;
import com.creatorcampaignpro.jobs.JobOperations;
import com.creatorcampaignpro.testing.ProviderFakesIntegrationTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** POST /api/payments/process, finance (batches, four-eyes, CSV) and the payout webhooks, over HTTP. */
class SettlementApiIntegrationTests extends ProviderFakesIntegrationTest {
    private static final String STRIPE_SECRET = "whsec_ccp_test_secret";

    @Autowired
    Jdbi jdbi;
    @Autowired
    JobOperations operations;
    @Autowired
    PaymentProcessing processing;
    @Autowired
    PayoutSettlement settlement;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    private SettlementFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new SettlementFixtures(jdbi);
        PAYPAL.setAdvanceOnRead(false);
    }

    private ResultActions process(Account marketer, UUID contentId, String key) throws Exception {
        var request = post("/api/payments/process").header("Authorization", marketer.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("contentId", contentId.toString())));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return mvc.perform(request);
    }

    private UUID campaignOf(Account marketer, long budget) {
        return fixtures.campaign(marketer.id(), budget);
    }

    private String runJob(Account launcher) throws Exception {
        long id;
        if (launcher == null) {
            id = operations.launch(PayoutSettlementJobConfiguration.JOB_NAME, Map.of()).getId();
        } else {
            id = readJson(mvc.perform(post("/api/ops/jobs/" + PayoutSettlementJobConfiguration.JOB_NAME + "/executions")
                    .header("Authorization", launcher.bearer()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andExpect(status().isAccepted())).get("executionId").asLong();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> operations.find(id).status(),
                s -> !s.equals("STARTING") && !s.equals("STARTED") && !s.equals("STOPPING"));
        return operations.find(id).status();
    }

    private Account withRoles(String... roles) throws Exception {
        Account account = staff(roles[0]);
        for (int i = 1; i < roles.length; i++) {
            userDao.grantRole(account.id(), roles[i], null);
        }
        JsonNode body = readJson(mvc.perform(fromRandomClient(post("/api/auth/login")).contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("email", account.email(), "password", PASSWORD)))).andExpect(status().isOk()));
        return new Account(account.id(), account.email(), body.get("accessToken").asString(), body.get("refreshToken").asString());
    }

    // ---- process -------------------------------------------------------------------------------

    @Test
    void processSettlesOneApprovedContentNowAndARetryAnswersTheSamePayment() throws Exception {
        Account marketer = marketer();
        UUID campaign = campaignOf(marketer, 1_000_000);
        UUID payee = fixtures.payee("stripe", STRIPE.addConnectedAccount("process@example.com"));
        UUID reel = fixtures.approvedReel(campaign, payee, fixtures.invitation(campaign, payee, 2_000, 1));

        JsonNode first = readJson(process(marketer, reel, "process-" + reel).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("submitted"))
                .andExpect(jsonPath("$.amount").value(2000))
                .andExpect(jsonPath("$.netAmount").value(1800)));
        process(marketer, reel, "process-" + reel).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(first.get("id").asString()));
        process(marketer, reel, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(first.get("id").asString()));

        assertThat(STRIPE.successfulTransfersByPayment()).containsEntry(first.get("id").asString(), 1L);
        assertThat(first.get("providerReference").asString()).startsWith("tr_");
    }

    @Test
    void processAnswersNotFoundForAnotherMarketersContentAndConflictForUnapprovedContent() throws Exception {
        Account owner = marketer();
        Account stranger = marketer();
        UUID campaign = campaignOf(owner, 1_000_000);
        UUID payee = fixtures.payee("paypal", null);
        UUID reel = fixtures.approvedReel(campaign, payee, fixtures.invitation(campaign, payee, 2_000, 1));

        process(stranger, reel, null).andExpect(status().isNotFound());
        jdbi.useHandle(h -> h.execute("UPDATE content SET status = 'pending' WHERE id = ?", reel));
        process(owner, reel, null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("content-not-approved")));
        process(owner, UUID.randomUUID(), "k-" + UUID.randomUUID()).andExpect(status().isNotFound());
        assertThat(fixtures.paymentsOf(campaign)).isEmpty();
    }

    @Test
    void theBudgetIsNeverPassedUnderConcurrentProcessCallsAndAccruals() throws Exception {
        Account marketer = marketer();
        UUID campaign = campaignOf(marketer, 2_000);
        UUID payee = fixtures.payee("stripe", STRIPE.addConnectedAccount("budget@example.com"));
        UUID invitation = fixtures.invitation(campaign, payee, 3_000, 10);   // 300 per reel, 10 reels: 3,000 > budget
        List<UUID> reels = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            reels.add(fixtures.approvedReel(campaign, payee, invitation));
        }
        var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Object>> calls = new ArrayList<>();
            for (UUID reel : reels) {
                calls.add(() -> processing.process(marketer.id(), reel, null));
                calls.add(() -> tx.execute(s -> settlement.accrueNext(null)));
            }
            for (Future<Object> f : pool.invokeAll(calls)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        List<Map<String, Object>> payments = fixtures.paymentsOf(campaign);
        long spent = jdbi.withHandle(h -> h.createQuery("SELECT spent FROM campaigns WHERE id = :c").bind("c", campaign)
                .mapTo(Long.class).one());
        long owed = payments.stream().filter(p -> !"held".equals(p.get("status"))).mapToLong(p -> (Long) p.get("amount")).sum();
        assertThat(payments).hasSize(10);
        assertThat(spent).isEqualTo(owed).isEqualTo(1_800).isLessThanOrEqualTo(2_000);
        assertThat(payments).filteredOn(p -> "held".equals(p.get("status")))
                .hasSize(4).allSatisfy(p -> assertThat(p.get("hold_reason")).isEqualTo(SettlementDao.OVER_BUDGET));
    }

    // ---- finance: four-eyes and batches -------------------------------------------------------

    @Test
    void aBatchOverTheThresholdWaitsForAnotherFinanceUsersApproval() throws Exception {
        Account operatorAndFinance = withRoles("operator", "finance");
        Account secondFinance = staff("finance");
        UUID campaign = fixtures.campaign(fixtures.user("marketer"), 100_000_000);
        UUID payee = fixtures.payee("paypal", null);
        UUID reel = fixtures.approvedReel(campaign, payee, fixtures.invitation(campaign, payee, 2_000_000, 1));

        assertThat(runJob(operatorAndFinance)).isEqualTo("COMPLETED");
        Map<String, Object> payment = fixtures.payment(reel);
        assertThat(payment).containsEntry("status", "batched");
        String batch = payment.get("payout_batch_id").toString();
        mvc.perform(get("/api/finance/batches/" + batch).header("Authorization", secondFinance.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.batch.status").value("awaiting_approval"))
                .andExpect(jsonPath("$.batch.totalNet").value(1_800_000))
                .andExpect(jsonPath("$.itemStatuses.batched").value(1));

        // when: the user who launched the run approves: refused
        mvc.perform(post("/api/finance/batches/" + batch + "/approve").header("Authorization", operatorAndFinance.bearer()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("four-eyes")));
        assertThat(runJob(null)).isEqualTo("COMPLETED");
        assertThat(fixtures.payment(reel)).containsEntry("status", "batched");   // still waiting: nothing sent
        assertThat(PAYPAL.itemsOf(payment.get("id").toString())).isEmpty();

        // then: another finance user approves, the next run pays
        mvc.perform(post("/api/finance/batches/" + batch + "/approve").header("Authorization", secondFinance.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.batch.status").value("ready"))
                .andExpect(jsonPath("$.batch.approvedBy").value(secondFinance.id().toString()));
        mvc.perform(post("/api/finance/batches/" + batch + "/approve").header("Authorization", secondFinance.bearer()))
                .andExpect(status().isOk());
        assertThat(runJob(null)).isEqualTo("COMPLETED");
        PAYPAL.completeAll();
        assertThat(runJob(null)).isEqualTo("COMPLETED");
        assertThat(fixtures.payment(reel)).containsEntry("status", "paid");
        assertThat(PAYPAL.successfulItemsByPayment()).containsEntry(payment.get("id").toString(), 1L);
        mvc.perform(get("/api/finance/batches?status=completed&limit=100").header("Authorization", secondFinance.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == '" + batch + "')].approvedBy").value(secondFinance.id().toString()));
        mvc.perform(get("/api/finance/batches?status=bogus").header("Authorization", secondFinance.bearer()))
                .andExpect(status().isBadRequest());
    }

    // ---- finance: the CSV ---------------------------------------------------------------------

    @Test
    void theCsvHasItsVersionedHeaderOneRowPerPaymentDecimalsAndInjectionSafeText() throws Exception {
        Account finance = staff("finance");
        Account marketer = marketer();
        UUID campaign = campaignOf(marketer, 1_000_000);
        jdbi.useHandle(h -> h.execute("UPDATE campaigns SET name = ? WHERE id = ?", "=HYPERLINK(\"http://evil\",\"x\")", campaign));
        UUID payee = fixtures.payee("stripe", STRIPE.addConnectedAccount("csv@example.com"));
        jdbi.useHandle(h -> h.execute("UPDATE users SET first_name = '@SUM(1+1)', last_name = 'Doe' WHERE id = ?", payee));
        UUID invitation = fixtures.invitation(campaign, payee, 1_235, 2);
        UUID first = fixtures.approvedReel(campaign, payee, invitation);
        fixtures.approvedReel(campaign, payee, invitation);
        Instant from = Instant.now().minusSeconds(5);
        process(marketer, first, null).andExpect(status().isOk());
        tx(() -> settlement.accrueNext(null));

        MvcResult started = mvc.perform(get("/api/finance/payouts.csv").param("from", from.toString())
                        .header("Authorization", finance.bearer()))
                .andExpect(request().asyncStarted()).andReturn();
        String csv = mvc.perform(asyncDispatch(started)).andExpect(status().isOk())
                .andExpect(header().string("X-CCP-CSV-Version", PayoutCsvLayout.VERSION))
                .andReturn().getResponse().getContentAsString();

        assertThat(csv.lines().findFirst()).contains(String.join(",", PayoutCsvLayout.HEADER));
        List<CSVRecord> rows;
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get())) {
            rows = parser.getRecords().stream().filter(r -> r.get("campaign_id").equals(campaign.toString())).toList();
        }
        assertThat(rows).hasSize(2);
        CSVRecord paid = rows.stream().filter(r -> r.get("content_id").equals(first.toString())).findFirst().orElseThrow();
        assertThat(paid.get("campaign_name")).isEqualTo("'=HYPERLINK(\"http://evil\",\"x\")");
        assertThat(paid.get("payee_name")).isEqualTo("'@SUM(1+1) Doe");
        assertThat(paid.get("gross")).isEqualTo("6.18");
        assertThat(paid.get("fee")).isEqualTo("0.62");
        assertThat(paid.get("tax")).isEqualTo("0.00");
        assertThat(paid.get("net")).isEqualTo("5.56");
        assertThat(paid.get("currency")).isEqualTo("USD");
        assertThat(paid.get("provider")).isEqualTo("stripe");
        assertThat(paid.get("provider_reference")).startsWith("tr_");
        assertThat(Instant.parse(paid.get("created_at"))).isAfter(from);
        assertThat(paid.get("submitted_at")).endsWith("Z");

        mvc.perform(get("/api/finance/payouts.csv").param("provider", "venmo").header("Authorization", finance.bearer()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("provider"));
        mvc.perform(get("/api/finance/payouts.csv").param("from", "yesterday").header("Authorization", finance.bearer()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
    }

    private void tx(Runnable work) {
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(s -> work.run());
    }

    // ---- webhooks -----------------------------------------------------------------------------

    private ResultActions stripeEvent(String payload, String signature) throws Exception {
        return mvc.perform(post("/api/payments/webhooks/stripe").contentType(MediaType.APPLICATION_JSON).content(payload)
                .header("Stripe-Signature", signature));
    }

    @Test
    void stripeTransferEventsApplyOnceAndNeverMoveAPaymentBackwards() throws Exception {
        Account marketer = marketer();
        UUID campaign = campaignOf(marketer, 1_000_000);
        UUID payee = fixtures.payee("stripe", STRIPE.addConnectedAccount("hook@example.com"));
        UUID reel = fixtures.approvedReel(campaign, payee, fixtures.invitation(campaign, payee, 1_000, 1));
        String paymentId = readJson(process(marketer, reel, null)).get("id").asString();
        String transfer = fixtures.payment(reel).get("provider_reference").toString();
        String created = STRIPE.transferEvent("evt_created_" + paymentId, "transfer.created", transfer);

        // a bad signature: 400, nothing changed
        stripeEvent(created, FakeStripe.signature(created, "whsec_wrong", Instant.now())).andExpect(status().isBadRequest());
        assertThat(fixtures.payment(reel)).containsEntry("status", "submitted");

        stripeEvent(created, FakeStripe.signature(created, STRIPE_SECRET, Instant.now()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.handled").value(true));
        assertThat(fixtures.payment(reel)).containsEntry("status", "paid");
        stripeEvent(created, FakeStripe.signature(created, STRIPE_SECRET, Instant.now()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.handled").value(false));
        long events = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM processed_webhook_events WHERE event_id = :e")
                .bind("e", "evt_created_" + paymentId).mapTo(Long.class).one());
        assertThat(events).isEqualTo(1);
    }

    private ResultActions paypalEvent(FakePayPal.Webhook delivery, String body) throws Exception {
        var request = post("/api/payments/webhooks/paypal").contentType(MediaType.APPLICATION_JSON).content(body);
        delivery.headers().forEach(request::header);
        return mvc.perform(request);
    }

    @Test
    void payPalItemEventsAreVerifiedAppliedOnceAndNeverMoveAPaymentBackwards() throws Exception {
        UUID campaign = fixtures.campaign(fixtures.user("marketer"), 1_000_000);
        UUID payee = fixtures.payee("paypal", null);
        UUID reel = fixtures.approvedReel(campaign, payee, fixtures.invitation(campaign, payee, 1_000, 1));
        assertThat(runJob(null)).isEqualTo("COMPLETED");
        String paymentId = fixtures.payment(reel).get("id").toString();
        assertThat(fixtures.payment(reel)).containsEntry("status", "submitted");
        PAYPAL.completeAll();
        FakePayPal.Item item = PAYPAL.itemsOf(paymentId).get(0);
        FakePayPal.Webhook succeeded = PAYPAL.itemEvent("WH-S-" + paymentId, "PAYMENT.PAYOUTS-ITEM.SUCCEEDED", item);

        // tampered: PayPal does not verify it; 400 and nothing changed
        paypalEvent(succeeded, succeeded.body().replace("SUCCESS", "FAILED")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("PAYPAL-TRANSMISSION-SIG"));
        assertThat(fixtures.payment(reel)).containsEntry("status", "submitted");

        paypalEvent(succeeded, succeeded.body()).andExpect(status().isOk()).andExpect(jsonPath("$.handled").value(true));
        assertThat(fixtures.payment(reel)).containsEntry("status", "paid")
                .containsEntry("provider_reference", item.payoutItemId());
        paypalEvent(succeeded, succeeded.body()).andExpect(status().isOk()).andExpect(jsonPath("$.handled").value(false));

        // a late FAILED for the same item (another event id) cannot take a paid payment back
        FakePayPal.Webhook lateFailure = PAYPAL.itemEvent("WH-F-" + paymentId, "PAYMENT.PAYOUTS-ITEM.FAILED", item);
        paypalEvent(lateFailure, lateFailure.body()).andExpect(status().isOk());
        assertThat(fixtures.payment(reel)).containsEntry("status", "paid");
    }

    @Test
    void aReversedTransferStaysReversedWhateverArrivesLateAndThePayeeIsToldOnceItWasPaid() throws Exception {
        Account marketer = marketer();
        UUID campaign = campaignOf(marketer, 1_000_000);
        UUID payee = fixtures.payee("stripe", STRIPE.addConnectedAccount("reversed@example.com"));
        UUID reel = fixtures.approvedReel(campaign, payee, fixtures.invitation(campaign, payee, 1_000, 1));
        String paymentId = readJson(process(marketer, reel, null)).get("id").asString();
        String transfer = fixtures.payment(reel).get("provider_reference").toString();
        String created = STRIPE.transferEvent("evt_c_" + paymentId, "transfer.created", transfer);

        stripeEvent(created, FakeStripe.signature(created, STRIPE_SECRET, Instant.now())).andExpect(status().isOk());
        assertThat(fixtures.payment(reel)).containsEntry("status", "paid");
        assertThat(fixtures.notifications(payee, "payment.paid")).singleElement().satisfies(n -> assertThat(n).contains(paymentId));

        STRIPE.reverse(transfer);
        String reversed = STRIPE.transferEvent("evt_r_" + paymentId, "transfer.reversed", transfer);
        stripeEvent(reversed, FakeStripe.signature(reversed, STRIPE_SECRET, Instant.now()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.handled").value(true));
        assertThat(fixtures.payment(reel)).containsEntry("status", "reversed");

        // Stripe delivers out of order: an older transfer.updated (not reversed yet) arrives last.
        String stale = created.replace("evt_c_", "evt_u_").replace("\"transfer.created\"", "\"transfer.updated\"");
        stripeEvent(stale, FakeStripe.signature(stale, STRIPE_SECRET, Instant.now())).andExpect(status().isOk());
        assertThat(fixtures.payment(reel)).containsEntry("status", "reversed");
        assertThat(fixtures.notifications(payee, "payment.paid")).hasSize(1);
    }

    @Test
    void anUnclaimedPayPalItemThenReturnedNeverGoesBackAndASucceededOneVerifiesTheMethod() throws Exception {
        UUID campaign = fixtures.campaign(fixtures.user("marketer"), 1_000_000);
        UUID unclaimedPayee = fixtures.payee("paypal", null);
        UUID paidPayee = fixtures.payee("paypal", null);
        UUID unclaimedReel = fixtures.approvedReel(campaign, unclaimedPayee, fixtures.invitation(campaign, unclaimedPayee, 900, 1));
        UUID paidReel = fixtures.approvedReel(campaign, paidPayee, fixtures.invitation(campaign, paidPayee, 700, 1));
        assertThat(runJob(null)).isEqualTo("COMPLETED");
        String unclaimedId = fixtures.payment(unclaimedReel).get("id").toString();
        String paidId = fixtures.payment(paidReel).get("id").toString();
        FakePayPal.Item unclaimedItem = PAYPAL.itemsOf(unclaimedId).get(0);
        FakePayPal.Item paidItem = PAYPAL.itemsOf(paidId).get(0);

        FakePayPal.Webhook unclaimed = PAYPAL.itemEvent("WH-U-" + unclaimedId, "PAYMENT.PAYOUTS-ITEM.UNCLAIMED", unclaimedItem);
        paypalEvent(unclaimed, unclaimed.body()).andExpect(status().isOk()).andExpect(jsonPath("$.handled").value(true));
        assertThat(fixtures.payment(unclaimedReel)).containsEntry("status", "unclaimed");

        FakePayPal.Webhook returned = PAYPAL.itemEvent("WH-R-" + unclaimedId, "PAYMENT.PAYOUTS-ITEM.RETURNED", unclaimedItem);
        paypalEvent(returned, returned.body()).andExpect(status().isOk());
        assertThat(fixtures.payment(unclaimedReel)).containsEntry("status", "returned");
        // A late UNCLAIMED or SUCCEEDED (other event ids) cannot undo the return.
        FakePayPal.Webhook lateUnclaimed = PAYPAL.itemEvent("WH-U2-" + unclaimedId, "PAYMENT.PAYOUTS-ITEM.UNCLAIMED", unclaimedItem);
        paypalEvent(lateUnclaimed, lateUnclaimed.body()).andExpect(status().isOk());
        FakePayPal.Webhook lateSuccess = PAYPAL.itemEvent("WH-S2-" + unclaimedId, "PAYMENT.PAYOUTS-ITEM.SUCCEEDED", unclaimedItem);
        paypalEvent(lateSuccess, lateSuccess.body()).andExpect(status().isOk());
        assertThat(fixtures.payment(unclaimedReel)).containsEntry("status", "returned");
        assertThat(fixtures.method(unclaimedPayee).get("details_json").toString()).doesNotContain("payoutsEnabled");
        assertThat(fixtures.notifications(unclaimedPayee, "payment.paid")).isEmpty();

        FakePayPal.Webhook succeeded = PAYPAL.itemEvent("WH-S-" + paidId, "PAYMENT.PAYOUTS-ITEM.SUCCEEDED", paidItem);
        paypalEvent(succeeded, succeeded.body()).andExpect(status().isOk());
        assertThat(fixtures.payment(paidReel)).containsEntry("status", "paid");
        assertThat(fixtures.method(paidPayee).get("details_json").toString()).contains("\"payoutsEnabled\": true");
        assertThat(fixtures.notifications(paidPayee, "payment.paid")).singleElement().satisfies(n -> assertThat(n).contains(paidId));
    }

    // ---- races --------------------------------------------------------------------------------

    @Autowired
    PaymentMethodService methods;

    @Test
    void deletingAMethodWhileItsPaymentIsBatchedNeverLeavesABatchedPaymentWithoutIt() throws Exception {
        var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int deleted = 0;
        int batched = 0;
        try {
            for (int i = 0; i < 12; i++) {
                UUID campaign = fixtures.campaign(fixtures.user("marketer"), 1_000_000);
                UUID payee = fixtures.payee("paypal", null);
                UUID reel = fixtures.approvedReel(campaign, payee, fixtures.invitation(campaign, payee, 1_000, 1));
                tx.execute(st -> settlement.accrueNext(reel));
                UUID paymentId = (UUID) fixtures.payment(reel).get("id");
                UUID methodId = jdbi.withHandle(h -> h.createQuery("SELECT id FROM payment_methods WHERE user_id = :u")
                        .bind("u", payee).mapTo(UUID.class).one());

                Future<?> bind = pool.submit(() -> tx.execute(st -> settlement.batchNext(paymentId, null, null, null)));
                Future<Boolean> delete = pool.submit(() -> {
                    try {
                        methods.delete(payee, methodId);
                        return true;
                    } catch (com.creatorcampaignpro.error.ConflictException inUse) {
                        return false;
                    }
                });
                bind.get();
                boolean gone = delete.get();

                Map<String, Object> payment = fixtures.payment(reel);
                long methodsLeft = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM payment_methods WHERE id = :m")
                        .bind("m", methodId).mapTo(Long.class).one());
                if (gone) {
                    deleted++;
                    assertThat(payment).as("method deleted first: nothing to bind").containsEntry("status", "pending")
                            .containsEntry("payout_batch_id", null);
                    assertThat(methodsLeft).isZero();
                } else {
                    batched++;
                    assertThat(payment).as("bound first: the delete is refused").containsEntry("status", "batched")
                            .containsEntry("payment_method_id", methodId);
                    assertThat(methodsLeft).isOne();
                }
            }
        } finally {
            pool.shutdown();
        }
        assertThat(deleted + batched).isEqualTo(12);
    }

    @Test
    void aDisputeOpenedWhileTheJobReleasesItsHoldKeepsThePaymentUnpaid() throws Exception {
        var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 8; i++) {
                Account payee = influencer();
                UUID campaign = fixtures.campaign(fixtures.user("marketer"), 1_000_000);
                jdbi.useHandle(h -> h.execute("INSERT INTO payee_tax_profiles (user_id, country, form_on_file) VALUES (?, 'US', 'w9')",
                        payee.id()));
                UUID reel = fixtures.approvedReel(campaign, payee.id(), fixtures.invitation(campaign, payee.id(), 1_000, 1));
                tx.execute(st -> settlement.accrueNext(reel));
                Map<String, Object> held = fixtures.payment(reel);
                assertThat(held).containsEntry("hold_reason", SettlementDao.NO_METHOD);
                jdbi.useHandle(h -> h.execute("""
                        INSERT INTO payment_methods (user_id, provider, paypal_email, status, is_default)
                        VALUES (?, 'paypal', ?, 'active', TRUE)""", payee.id(), "race-" + UUID.randomUUID() + "@example.com"));

                Future<?> release = pool.submit(() -> tx.execute(st -> settlement.prepareRun(null)));
                Future<?> dispute = pool.submit(() -> mvc.perform(post("/api/payments/disputes").header("Authorization", payee.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of("paymentId", held.get("id").toString(), "reason", "wrong amount"))))
                        .andExpect(status().isCreated()));
                release.get();
                dispute.get();
                tx.execute(st -> settlement.batchNext((UUID) held.get("id"), null, null, null));

                assertThat(fixtures.payment(reel).get("status")).as("round %d", i).isIn("held", "pending");
                assertThat(fixtures.payment(reel).get("payout_batch_id")).isNull();
            }
        } finally {
            pool.shutdown();
        }
    }
}
