package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.db.testing.TestDatabase;
import com.creatorcampaignpro.testing.ApiIntegrationTest;
import com.stripe.net.Webhook;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class StripeWebhookIntegrationTests extends ApiIntegrationTest {
    private static final String SECRET = "whsec_ccp_test_secret";   // application-test.yml

    private final Jdbi jdbi = TestDatabase.shared().jdbi();

    private String pendingStripeMethod(Account payee, String accountId) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO payment_methods (user_id, provider, stripe_account_id, status, is_default)
                        VALUES (:user, 'stripe', :account, 'pending', TRUE)
                        """)
                .bind("user", payee.id()).bind("account", accountId).execute());
        return accountId;
    }

    private String statusOf(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT status FROM payment_methods WHERE stripe_account_id = :a")
                .bind("a", accountId).mapTo(String.class).one());
    }

    private static String accountUpdated(String eventId, String accountId, boolean payoutsEnabled) {
        return """
                {"id": "%s", "object": "event", "type": "account.updated", "livemode": false,
                 "data": {"object": {"id": "%s", "object": "account", "type": "express",
                                     "details_submitted": true, "charges_enabled": %s, "payouts_enabled": %s}}}
                """.formatted(eventId, accountId, payoutsEnabled, payoutsEnabled);
    }

    private ResultActions deliver(String payload, String signature) throws Exception {
        var request = post("/api/payments/webhooks/stripe").contentType(MediaType.APPLICATION_JSON).content(payload);
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return mvc.perform(request);
    }

    @Test
    void onboardedAccountActivatesItsMethodOnceWhateverTheRedeliveries() throws Exception {
        Account payee = influencer();
        String account = pendingStripeMethod(payee, "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
        String event = accountUpdated("evt_1", account, true);

        deliver(event, Webhook.Signature.generateSignatureHeader(event, SECRET))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.handled").value(true));
        assertThat(statusOf(account)).isEqualTo("active");

        // Stripe redelivers: still 200, nothing changes, one audit entry.
        deliver(event, Webhook.Signature.generateSignatureHeader(event, SECRET)).andExpect(status().isOk());
        List<String> actions = jdbi.withHandle(h -> h.createQuery("""
                        SELECT a.action FROM audit_log a JOIN payment_methods m ON a.target_id = m.id::text
                        WHERE m.stripe_account_id = :a""")
                .bind("a", account).mapTo(String.class).list());
        assertThat(actions).containsExactly("payment_method.activated");
    }

    @Test
    void accountNotReadyYetStaysPending() throws Exception {
        Account payee = influencer();
        String account = pendingStripeMethod(payee, "acct_notready" + System.nanoTime());
        String event = accountUpdated("evt_2", account, false);

        deliver(event, Webhook.Signature.generateSignatureHeader(event, SECRET)).andExpect(status().isOk());
        assertThat(statusOf(account)).isEqualTo("pending");
    }

    @Test
    void unsignedForgedOrTamperedEventsAreRefusedAndChangeNothing() throws Exception {
        Account payee = influencer();
        String account = pendingStripeMethod(payee, "acct_forged" + System.nanoTime());
        String event = accountUpdated("evt_3", account, true);

        deliver(event, null)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("Stripe-Signature"));
        deliver(event, Webhook.Signature.generateSignatureHeader(event, "whsec_someone_else"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("Stripe-Signature"));
        String signedOriginal = Webhook.Signature.generateSignatureHeader(accountUpdated("evt_3", account, false), SECRET);
        deliver(event, signedOriginal).andExpect(status().isBadRequest());
        // A correctly signed but stale event (a replay from an hour ago) is refused too.
        long anHourAgo = System.currentTimeMillis() / 1000 - 3600;
        String stale = "t=" + anHourAgo + ",v1=" + Webhook.Util.computeHmacSha256(SECRET, anHourAgo + "." + event);
        deliver(event, stale).andExpect(status().isBadRequest());

        assertThat(statusOf(account)).isEqualTo("pending");
    }

    @Test
    void otherEventTypesAreAcknowledgedAndIgnored() throws Exception {
        String event = """
                {"id": "evt_4", "object": "event", "type": "payout.paid", "data": {"object": {"id": "po_1", "object": "payout"}}}
                """;
        deliver(event, Webhook.Signature.generateSignatureHeader(event, SECRET))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.handled").value(false))
                .andExpect(jsonPath("$.type").value("payout.paid"));
    }
}
