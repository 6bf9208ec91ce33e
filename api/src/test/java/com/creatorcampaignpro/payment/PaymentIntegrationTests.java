package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.audit.AuditLogDao;
import com.creatorcampaignpro.db.testing.TestDatabase;
import com.creatorcampaignpro.testing.ProviderFakesIntegrationTest;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class PaymentIntegrationTests extends ProviderFakesIntegrationTest {
    private final Jdbi jdbi = TestDatabase.shared().jdbi();
    @Autowired
    AuditLogDao audit;

    private ResultActions addMethod(Account who, String body) throws Exception {
        return mvc.perform(post("/api/payments/methods").header("Authorization", who.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions putMethod(Account who, String id, String body) throws Exception {
        return mvc.perform(put("/api/payments/methods/" + id).header("Authorization", who.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private UUID campaign(Account marketer) {
        return fixtures.campaign(marketer.id()).name("Paid campaign").budget(100_000, "EUR").create();
    }

    /** A payment as the settlement job will write it (that job comes later): straight into the table. */
    private UUID payment(UUID campaignId, Account influencer, String status, UUID methodId) {
        UUID content = fixtures.content(campaignId, influencer.id()).status("approved").create();
        return fixtures.payment(content, methodId, 50_000, 1_500, 500, status);
    }

    private String paymentStatus(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT status FROM payments WHERE id = :id").bind("id", id).mapTo(String.class).one());
    }

    @Test
    void aStripeMethodOpensOneExpressAccountAndHandsOutOnboardingLinks() throws Exception {
        Account influencer = influencer();
        int before = STRIPE.accountsCreated();

        JsonNode created = readJson(addMethod(influencer, "{\"provider\":\"stripe\",\"country\":\"DE\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.method.provider").value("stripe"))
                .andExpect(jsonPath("$.method.status").value("pending"))
                .andExpect(jsonPath("$.method.isDefault").value(true))
                .andExpect(jsonPath("$.method.name").value("Stripe"))
                .andExpect(jsonPath("$.method.verified").value(false))
                .andExpect(jsonPath("$.method.details.country").value("DE"))
                .andExpect(jsonPath("$.method.stripeAccountId").value(startsWith("acct_")))
                .andExpect(jsonPath("$.onboardingUrl").value(startsWith("https://connect.stripe.com/setup/e/acct_"))));
        String id = created.get("method").get("id").asString();

        // A repeated add finds the account it made and only hands out a fresh link.
        addMethod(influencer, "{\"provider\":\"stripe\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.method.id").value(id))
                .andExpect(jsonPath("$.onboardingUrl").value(startsWith("https://connect.stripe.com/")));

        assertThat(STRIPE.accountsCreated()).isEqualTo(before + 1);

        // Once Stripe reports the account onboarded, the next visit activates the method.
        STRIPE.completeOnboarding(created.get("method").get("stripeAccountId").asString());
        addMethod(influencer, "{\"provider\":\"stripe\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.method.status").value("active"))
                .andExpect(jsonPath("$.method.verified").value(true))
                .andExpect(jsonPath("$.onboardingUrl").doesNotExist());
        assertThat(audit.actionsOn("payment_method", id)).containsExactly("payment_method.added", "payment_method.activated");
    }

    @Test
    void aStripeFailureIsRetriedWithTheSameIdempotencyKeyAndOpensOneAccount() throws Exception {
        Account influencer = influencer();
        int created = STRIPE.accountsCreated();
        int requests = STRIPE.accountRequests();
        STRIPE.failNextAccountCreation();

        addMethod(influencer, "{\"provider\":\"stripe\"}").andExpect(status().isCreated());

        assertThat(STRIPE.accountRequests()).isEqualTo(requests + 2);     // the 500, then the SDK's retry
        // Derived from the user, not random: a retry by anyone (SDK, client, us after a crash) is the same request.
        assertThat(STRIPE.accountIdempotencyKeys()).filteredOn(k -> k.endsWith(influencer.id().toString()))
                .containsExactly("ccp-express-account-" + influencer.id(), "ccp-express-account-" + influencer.id());
        assertThat(STRIPE.accountsCreated()).isEqualTo(created + 1);
    }

    @Test
    void stripesRateLimitReachesOurClientAs503WithStripesRetryAfterAndNothingIsOpened() throws Exception {
        Account influencer = influencer();
        int created = STRIPE.accountsCreated();
        STRIPE.setRetryAfter(java.time.Duration.ofSeconds(7));
        STRIPE.failNext("POST", "/v1/accounts", com.creatorcampaignpro.fakes.stripe.FakeStripe.Fault.RATE_LIMITED);
        try {
            // Not a 502 (Stripe is not broken) and not our default wait: Stripe's own Retry-After, end to end.
            addMethod(influencer, "{\"provider\":\"stripe\"}")
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                            .string("Retry-After", "7"))
                    .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("payout-provider-rate-limited")))
                    .andExpect(jsonPath("$.provider").value("stripe"))
                    .andExpect(jsonPath("$.retriable").value(true));
        } finally {
            STRIPE.setRetryAfter(java.time.Duration.ofSeconds(1));
        }
        assertThat(STRIPE.accountsCreated()).isEqualTo(created);
        long methods = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM payment_methods WHERE user_id = :u")
                .bind("u", influencer.id()).mapTo(Long.class).one());
        assertThat(methods).isZero();

        // The client retries after the wait: one account.
        addMethod(influencer, "{\"provider\":\"stripe\"}").andExpect(status().isCreated());
        assertThat(STRIPE.accountsCreated()).isEqualTo(created + 1);
    }

    @Test
    void paypalMethodsKeepExactlyOneDefault() throws Exception {
        Account influencer = influencer();
        String first = readJson(addMethod(influencer, "{\"provider\":\"paypal\",\"paypalEmail\":\"me@paypal.example\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.method.isDefault").value(true))
                .andExpect(jsonPath("$.method.status").value("active"))
                .andExpect(jsonPath("$.onboardingUrl").doesNotExist())).get("method").get("id").asString();
        String second = readJson(addMethod(influencer, "{\"provider\":\"paypal\",\"paypalEmail\":\"other@paypal.example\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.method.isDefault").value(false))).get("method").get("id").asString();
        addMethod(influencer, "{\"provider\":\"paypal\",\"paypalEmail\":\"ME@paypal.example\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.method.id").value(first));

        putMethod(influencer, second, "{\"isDefault\":true}").andExpect(status().isOk()).andExpect(jsonPath("$.isDefault").value(true));
        mvc.perform(get("/api/payments/methods").header("Authorization", influencer.bearer()))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[?(@.isDefault == true)].id").value(org.hamcrest.Matchers.contains(second)));
        putMethod(influencer, second, "{\"isDefault\":false}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("isDefault"));
        putMethod(influencer, first, "{\"paypalEmail\":\"new@paypal.example\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.paypalEmail").value("new@paypal.example"));

        // Deleting the default promotes the remaining method.
        mvc.perform(delete("/api/payments/methods/" + second).header("Authorization", influencer.bearer()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/payments/methods").header("Authorization", influencer.bearer()))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].isDefault").value(true));
        assertThat(audit.actionsOn("payment_method", second))
                .containsExactly("payment_method.added", "payment_method.updated", "payment_method.deleted");
    }

    @Test
    void aMethodHasADisplayNameProviderDetailsAndAVerifiedFlag() throws Exception {
        Account influencer = influencer();
        String named = readJson(addMethod(influencer,
                "{\"provider\":\"paypal\",\"paypalEmail\":\"named@paypal.example\",\"name\":\" Freelance account \"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.method.name").value("Freelance account"))
                // Payable at once, but PayPal has not confirmed a payout to it yet.
                .andExpect(jsonPath("$.method.status").value("active"))
                .andExpect(jsonPath("$.method.verified").value(false))
                .andExpect(jsonPath("$.method.details").isMap()))
                .get("method").get("id").asString();
        addMethod(influencer, "{\"provider\":\"paypal\",\"paypalEmail\":\"plain@paypal.example\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.method.name").value("PayPal plain@paypal.example"));

        putMethod(influencer, named, "{\"name\":\"Savings\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Savings"));
        putMethod(influencer, named, "{\"name\":\" \"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        addMethod(influencer, "{\"provider\":\"paypal\",\"paypalEmail\":\"long@paypal.example\",\"name\":\""
                + "x".repeat(101) + "\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));

        // PayPal confirmed a payout to it (what settlement records in details): now verified.
        jdbi.useHandle(h -> h.execute("UPDATE payment_methods SET details = '{\"payoutsEnabled\": true}' WHERE id = ?",
                UUID.fromString(named)));
        mvc.perform(get("/api/payments/methods").header("Authorization", influencer.bearer()))
                .andExpect(jsonPath("$.items[?(@.id == '" + named + "')].verified").value(hasItem(true)))
                .andExpect(jsonPath("$.items[?(@.id == '" + named + "')].details.payoutsEnabled").value(hasItem(true)));
    }

    @Test
    void paymentsShowTheSeedFieldsAndTheNewSettlementStates() throws Exception {
        Account influencer = influencer();
        UUID campaign = campaign(marketer());
        UUID unknown = payment(campaign, influencer, "unknown", null);
        jdbi.useHandle(h -> h.execute("UPDATE payments SET due_date = DATE '2026-07-01', description = 'Reel 1/2',"
                + " tax_rate = 0.0100 WHERE id = ?", unknown));
        mvc.perform(get("/api/payments").header("Authorization", influencer.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].status").value("unknown"))
                .andExpect(jsonPath("$.items[0].dueDate").value("2026-07-01"))
                .andExpect(jsonPath("$.items[0].description").value("Reel 1/2"))
                .andExpect(jsonPath("$.items[0].taxRate").value(0.01))
                .andExpect(jsonPath("$.items[0].taxAmount").value(500));
        mvc.perform(get("/api/payments?status=unknown").header("Authorization", influencer.bearer()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(1));

        UUID reversed = payment(campaign, influencer, "reversed", null);
        mvc.perform(get("/api/payments/history").header("Authorization", influencer.bearer()))
                .andExpect(jsonPath("$.items[0].id").value(reversed.toString()))
                .andExpect(jsonPath("$.items[0].status").value("reversed"));
    }

    @Test
    void badMethodRequestsAre400sAndOthersMethodsAre404() throws Exception {
        Account influencer = influencer();
        addMethod(influencer, "{\"provider\":\"venmo\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("provider"));
        addMethod(influencer, "{\"provider\":\"paypal\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("paypalEmail"));
        addMethod(influencer, "{\"provider\":\"paypal\",\"paypalEmail\":\"not-an-email\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("paypalEmail"));
        addMethod(influencer, "{\"provider\":\"stripe\",\"country\":\"Germany\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("country"));
        addMethod(influencer, "{\"provider\":\"stripe\",\"country\":\"ZZ\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("country"));
        String id = readJson(addMethod(influencer, "{\"provider\":\"paypal\",\"paypalEmail\":\"a@paypal.example\"}"))
                .get("method").get("id").asString();

        Account stranger = influencer();
        putMethod(stranger, id, "{\"isDefault\":true}").andExpect(status().isNotFound());
        mvc.perform(delete("/api/payments/methods/" + id).header("Authorization", stranger.bearer())).andExpect(status().isNotFound());
        mvc.perform(get("/api/payments/methods").header("Authorization", marketer().bearer())).andExpect(status().isForbidden());
        mvc.perform(get("/api/payments/methods")).andExpect(status().isUnauthorized());
    }

    @Test
    void aMethodWithAPaymentInFlightCannotBeDeleted() throws Exception {
        Account influencer = influencer();
        Account marketer = marketer();
        UUID method = UUID.fromString(readJson(addMethod(influencer, "{\"provider\":\"paypal\",\"paypalEmail\":\"f@paypal.example\"}"))
                .get("method").get("id").asString());
        UUID paymentId = payment(campaign(marketer), influencer, "submitted", method);

        mvc.perform(delete("/api/payments/methods/" + method).header("Authorization", influencer.bearer()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://creatorcampaignpro.com/problems/payment-method-in-use"));

        jdbi.useHandle(h -> h.createUpdate("UPDATE payments SET status = 'paid', paid_at = now() WHERE id = :id").bind("id", paymentId).execute());
        mvc.perform(delete("/api/payments/methods/" + method).header("Authorization", influencer.bearer()))
                .andExpect(status().isNoContent());
    }

    @Test
    void paymentsAreScopedToPayeePayerAndFinance() throws Exception {
        Account influencer = influencer();
        Account marketer = marketer();
        Account otherMarketer = marketer();
        Account finance = staff("finance");
        UUID campaign = campaign(marketer);
        UUID paid = payment(campaign, influencer, "paid", null);
        UUID pending = payment(campaign, influencer, "pending", null);
        UUID otherCampaign = campaign(otherMarketer);
        UUID foreign = payment(otherCampaign, influencer(), "pending", null);

        mvc.perform(get("/api/payments").header("Authorization", influencer.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].id").value(pending.toString()))
                .andExpect(jsonPath("$.items[0].netAmount").value(48_000));
        mvc.perform(get("/api/payments?limit=1").header("Authorization", marketer.bearer()))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.nextCursor").isNotEmpty());
        mvc.perform(get("/api/payments?status=paid").header("Authorization", marketer.bearer()))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(paid.toString()));
        mvc.perform(get("/api/payments").header("Authorization", otherMarketer.bearer()))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(foreign.toString()));
        mvc.perform(get("/api/payments?campaignId=" + otherCampaign).header("Authorization", finance.bearer()))
                .andExpect(jsonPath("$.items.length()").value(1));
        mvc.perform(get("/api/payments?campaignId=" + campaign).header("Authorization", finance.bearer()))
                .andExpect(jsonPath("$.items.length()").value(2));

        mvc.perform(get("/api/payments/history").header("Authorization", influencer.bearer()))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(paid.toString()))
                .andExpect(jsonPath("$.items[0].status").value("paid"));

        mvc.perform(get("/api/payments?status=lost").header("Authorization", influencer.bearer()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(get("/api/payments?campaignId=nope").header("Authorization", influencer.bearer()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("campaignId"));
        mvc.perform(get("/api/payments")).andExpect(status().isUnauthorized());
    }

    @Test
    void disputesHoldAPendingPaymentUntilFinanceDecides() throws Exception {
        Account influencer = influencer();
        Account marketer = marketer();
        Account finance = staff("finance");
        UUID paymentId = payment(campaign(marketer), influencer, "pending", null);
        String body = json(Map.of("paymentId", paymentId.toString(), "reason", "The agreed rate was 600.00"));

        mvc.perform(post("/api/payments/disputes").header("Authorization", influencer().bearer())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isNotFound());
        mvc.perform(post("/api/payments/disputes").header("Authorization", finance.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isNotFound());
        mvc.perform(post("/api/payments/disputes").header("Authorization", influencer.bearer())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"paymentId\":\"" + paymentId + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));

        String disputeId = readJson(mvc.perform(post("/api/payments/disputes").header("Authorization", influencer.bearer())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("open"))).get("id").asString();
        assertThat(paymentStatus(paymentId)).isEqualTo("held");
        // A retry of the same request answers with the same dispute.
        mvc.perform(post("/api/payments/disputes").header("Authorization", influencer.bearer())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(disputeId));

        // The payer cannot open a second one while it is open.
        mvc.perform(post("/api/payments/disputes").header("Authorization", marketer.bearer())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://creatorcampaignpro.com/problems/dispute-already-open"));

        mvc.perform(get("/api/payments/disputes?status=open").header("Authorization", marketer.bearer()))
                .andExpect(jsonPath("$.items[0].id").value(disputeId));
        mvc.perform(get("/api/payments/disputes").header("Authorization", influencer().bearer()))
                .andExpect(jsonPath("$.items.length()").value(0));

        String resolve = "/api/payments/disputes/" + disputeId + "/resolve";
        mvc.perform(post(resolve).header("Authorization", influencer.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"rejected\"}")).andExpect(status().isForbidden());
        mvc.perform(post(resolve).header("Authorization", finance.bearer()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"maybe\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("outcome"));
        mvc.perform(post(resolve).header("Authorization", finance.bearer()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"rejected\",\"note\":\"The contract says 500.00\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("resolved"))
                .andExpect(jsonPath("$.outcome").value("rejected"))
                .andExpect(jsonPath("$.resolvedBy").value(finance.id().toString()));
        assertThat(paymentStatus(paymentId)).isEqualTo("pending");
        mvc.perform(post(resolve).header("Authorization", finance.bearer()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"rejected\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("rejected"));
        mvc.perform(post(resolve).header("Authorization", finance.bearer()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"upheld\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://creatorcampaignpro.com/problems/dispute-already-resolved"));
        mvc.perform(post("/api/payments/disputes/" + UUID.randomUUID() + "/resolve").header("Authorization", finance.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"upheld\"}")).andExpect(status().isNotFound());

        assertThat(audit.actionsOn("payment", paymentId.toString()))
                .containsExactly("payment.dispute_opened", "payment.dispute_resolved");

        // An upheld dispute keeps the payment on hold.
        String second = readJson(mvc.perform(post("/api/payments/disputes").header("Authorization", marketer.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated())).get("id").asString();
        mvc.perform(post("/api/payments/disputes/" + second + "/resolve").header("Authorization", finance.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"upheld\"}")).andExpect(status().isOk());
        assertThat(paymentStatus(paymentId)).isEqualTo("held");
    }
}
