package com.creatorcampaignpro.auth;

import com.creatorcampaignpro.crypto.Sha256;
import com.creatorcampaignpro.mail.OutboundEmailDao;
import com.creatorcampaignpro.testing.FakeProvidersIntegrationTest;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class AccountFlowIntegrationTests extends FakeProvidersIntegrationTest {
    @Autowired
    EmailTokenDao emailTokens;
    @Autowired
    OutboundEmailDao outbox;
    @Autowired
    Jdbi jdbi;

    private ResultActions postJson(String path, Object body) throws Exception {
        return mvc.perform(fromRandomClient(post(path)).contentType(MediaType.APPLICATION_JSON).content(json(body)));
    }

    @Test
    void registrationMailsAVerificationLinkThatWorksOnce() throws Exception {
        Account account = marketer();
        String token = awaitTokenInMail(account.email(), "/verify-email", 1);

        postJson("/api/auth/verify-email", Map.of("token", token)).andExpect(status().isNoContent());
        mvc.perform(get("/api/users/profile").header("Authorization", account.bearer()))
                .andExpect(jsonPath("$.emailVerified").value(true));

        postJson("/api/auth/verify-email", Map.of("token", token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("token"));
    }

    @Test
    void forgotPasswordAnswersAlikeWhetherOrNotTheAccountExists() throws Exception {
        Account account = influencer();
        String known = postJson("/api/auth/forgot-password", Map.of("email", account.email()))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        String unknown = postJson("/api/auth/forgot-password", Map.of("email", uniqueEmail("nobody")))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        assertThat(unknown).isEqualTo(known);

        postJson("/api/auth/forgot-password", Map.of("email", "not an email"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("email"));
    }

    @Test
    void resetSetsANewPasswordOnceAndEndsEverySession() throws Exception {
        Account account = marketer();
        postJson("/api/auth/forgot-password", Map.of("email", account.email().toUpperCase())).andExpect(status().isAccepted());
        String token = awaitTokenInMail(account.email(), "/reset-password", 1);

        // A refused password leaves the token usable.
        postJson("/api/auth/reset-password", Map.of("token", token, "password", "short"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"));

        postJson("/api/auth/reset-password", Map.of("token", token, "password", "a brand new passphrase"))
                .andExpect(status().isNoContent());

        postJson("/api/auth/refresh", Map.of("refreshToken", account.refreshToken())).andExpect(status().isUnauthorized());
        postJson("/api/auth/login", Map.of("email", account.email(), "password", PASSWORD)).andExpect(status().isUnauthorized());
        postJson("/api/auth/login", Map.of("email", account.email(), "password", "a brand new passphrase"))
                .andExpect(status().isOk());
        postJson("/api/auth/reset-password", Map.of("token", token, "password", "yet another passphrase"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("token"));
    }

    @Test
    void expiredAndWrongPurposeTokensAreRefused() throws Exception {
        Account account = marketer();
        emailTokens.insert(account.id(), EmailTokenService.RESET, Sha256.of("expired-token"), Instant.now().minusSeconds(1));
        emailTokens.insert(account.id(), EmailTokenService.VERIFY, Sha256.of("verify-token"), Instant.now().plusSeconds(600));

        postJson("/api/auth/reset-password", Map.of("token", "expired-token", "password", "a brand new passphrase"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("token"));
        postJson("/api/auth/reset-password", Map.of("token", "verify-token", "password", "a brand new passphrase"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("token"));
        postJson("/api/auth/login", Map.of("email", account.email(), "password", PASSWORD)).andExpect(status().isOk());
    }

    @Test
    void resetRequestsAreLimitedPerAccount() throws Exception {
        Account account = influencer();
        for (int i = 0; i < 6; i++) {
            postJson("/api/auth/forgot-password", Map.of("email", account.email())).andExpect(status().isAccepted());
        }
        int issued = jdbi.withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM email_tokens WHERE user_id = :id AND purpose = 'reset'")
                .bind("id", account.id()).mapTo(Integer.class).one());
        assertThat(issued).isEqualTo(3);
    }

    @Test
    void concurrentSendersDeliverEachEmailExactlyOnce() throws Exception {
        String to = uniqueEmail("outbox");
        for (int i = 0; i < 25; i++) {
            outbox.enqueue(to, "Message " + i, "Body " + i, "test", null);
        }
        // Two senders race, as two instances would.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> senders = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                senders.add(() -> {
                    int sent = 0;
                    for (int round = 0; round < 5; round++) {
                        sent += mailer.deliverDue();
                    }
                    return sent;
                });
            }
            for (Future<Integer> f : pool.invokeAll(senders)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            mailer.deliverDue();   // what earlier tests left in the outbox may have come first
            return mailsTo(to).size() >= 25;
        });
        Map<String, Integer> bySubject = new HashMap<>();
        for (var message : mailsTo(to)) {
            bySubject.merge(message.getSubject(), 1, Integer::sum);
        }
        assertThat(bySubject).hasSize(25).allSatisfy((subject, count) -> assertThat(count).as(subject).isEqualTo(1));
        // Sent rows keep no body: it may have held a single-use link.
        List<String> bodies = jdbi.withHandle(h -> h.createQuery(
                "SELECT body FROM outbound_emails WHERE to_address = :to AND status = 'sent'").bind("to", to).mapTo(String.class).list());
        assertThat(bodies).hasSize(25).containsOnly("");
    }
}
