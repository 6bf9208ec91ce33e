package com.creatorcampaignpro.user;

import com.creatorcampaignpro.testing.ApiIntegrationTest;
import org.awaitility.Awaitility;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Deleted or deactivated accounts lose their access tokens before those expire: at once on the
 * instance that deleted them, within the poll interval (2 s) on every other one; and no request
 * that was in flight can write their personal data back.
 */
class AccountRevocationIntegrationTests extends ApiIntegrationTest {

    @Autowired
    Jdbi jdbi;

    private int profileStatus(Account account) throws Exception {
        return mvc.perform(get("/api/users/profile").header("Authorization", account.bearer())).andReturn().getResponse().getStatus();
    }

    @Test
    void aDeletedAccountsTokenIsRefusedAtOnce() throws Exception {
        Account influencer = influencer();
        mvc.perform(delete("/api/users/account").header("Authorization", influencer.bearer())
                        .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("password", PASSWORD))))
                .andExpect(status().isNoContent());

        assertThat(profileStatus(influencer)).isEqualTo(401);
        mvc.perform(post("/api/payments/methods").header("Authorization", influencer.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of("provider", "paypal", "paypalEmail", uniqueEmail("after")))))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aDeactivationByAnotherInstanceReachesThisOneWithinSeconds() throws Exception {
        Account deactivated = marketer();
        Account bystander = marketer();
        assertThat(profileStatus(deactivated)).isEqualTo(200);

        // Another instance (or an operator in SQL): this instance hears of it only through the database.
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET is_active = FALSE WHERE id = :id")
                .bind("id", deactivated.id()).execute());

        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> profileStatus(deactivated) == 401);
        assertThat(profileStatus(bystander)).isEqualTo(200);
    }

    @Test
    void anonymizedDataCannotBeWrittenBackByARequestInFlight() throws Exception {
        Account influencer = influencer();
        mvc.perform(post("/api/payments/methods").header("Authorization", influencer.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of("provider", "paypal", "paypalEmail", uniqueEmail("payee")))))
                .andExpect(status().isCreated());
        mvc.perform(delete("/api/users/account").header("Authorization", influencer.bearer())
                        .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("password", PASSWORD))))
                .andExpect(status().isNoContent());

        // What a request authenticated before the deletion would write after it: refused by the database.
        UUID id = influencer.id();
        for (String write : new String[]{
                "UPDATE influencer_profiles SET bio = 'my bio is back', display_name = 'Ana' WHERE user_id = :id",
                "UPDATE payment_methods SET status = 'active' WHERE user_id = :id",
                "INSERT INTO payment_methods (user_id, provider, paypal_email, status) VALUES (:id, 'paypal', 'x@example.com', 'active')"}) {
            assertThatThrownBy(() -> jdbi.useHandle(h -> h.createUpdate(write).bind("id", id).execute()))
                    .as(write)
                    .hasRootCauseInstanceOf(SQLException.class)
                    .rootCause().satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("CCP01"));
        }
        String bio = jdbi.withHandle(h -> h.createQuery("SELECT bio FROM influencer_profiles WHERE user_id = :id")
                .bind("id", id).mapTo(String.class).one());
        assertThat(bio).isEmpty();
    }
}
