package com.creatorcampaignpro.campaign;

import com.creatorcampaignpro.testing.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.ResultActions;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A campaign's currency is fixed once it has an invitation (issue 12, point 5): the service says so
 * with a 409 currency-locked naming {@code currency}, and V170's triggers hold it when a currency
 * change and an invitation race, whoever writes.
 */
class CurrencyLockIntegrationTests extends ApiIntegrationTest {
    private static final String LOCKED = "https://creatorcampaignpro.com/problems/currency-locked";

    @Autowired
    DataSource dataSource;

    @Test
    void theCurrencyIsFixedOnceTheCampaignHasAnInvitation() throws Exception {
        Account marketer = marketer();
        Account influencer = influencer();
        String campaignId = campaign(marketer, "USD");
        // No invitation yet: the currency may still change.
        replace(marketer, campaignId, "EUR").andExpect(status().isOk()).andExpect(jsonPath("$.currency").value("EUR"));

        String invitationId = invite(marketer, campaignId, influencer.id(), null).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        replace(marketer, campaignId, "USD").andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(LOCKED))
                .andExpect(jsonPath("$.errors[0].field").value("currency"));
        // The same currency, or none (unchanged), still saves the rest.
        replace(marketer, campaignId, "EUR").andExpect(status().isOk());
        replace(marketer, campaignId, null).andExpect(status().isOk()).andExpect(jsonPath("$.currency").value("EUR"));

        // Withdrawn, the invitation still fixes the currency: it is history a payout may refer to.
        String id = json.readTree(invitationId).get("id").asString();
        mvc.perform(post("/api/invitations/" + id + "/withdraw").header("Authorization", marketer.bearer()))
                .andExpect(status().isOk());
        replace(marketer, campaignId, "GBP").andExpect(status().isConflict()).andExpect(jsonPath("$.type").value(LOCKED));
    }

    /** Through HTTP, both at once, many times: never both accepted, never apart, never a 500. */
    @Test
    void aCurrencyChangeRacingAnInvitationNeverLeavesThemApart() throws Exception {
        Account marketer = marketer();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                Account influencer = influencer();
                String campaignId = campaign(marketer, "USD");
                CyclicBarrier start = new CyclicBarrier(2);
                Future<MockHttpServletResponse> change = pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return replace(marketer, campaignId, "EUR").andReturn().getResponse();
                });
                Future<MockHttpServletResponse> invite = pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return invite(marketer, campaignId, influencer.id(), "USD").andReturn().getResponse();
                });
                MockHttpServletResponse changed = change.get(30, TimeUnit.SECONDS);
                MockHttpServletResponse invited = invite.get(30, TimeUnit.SECONDS);
                assertThat(List.of(changed.getStatus(), invited.getStatus())).as("round " + round)
                        .allMatch(s -> s < 500).anyMatch(s -> s >= 400);
                for (MockHttpServletResponse r : List.of(changed, invited)) {
                    if (r.getStatus() >= 400) {
                        assertThat(r.getContentType()).startsWith("application/problem+json");
                        assertThat(r.getContentAsString()).contains("\"field\":\"currency\"");
                    }
                }
                assertThat(currencies(UUID.fromString(campaignId))).as("round " + round).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The interleaving the service's read cannot see: a currency change in flight (uncommitted), an
     * invitation sent meanwhile in the old currency. The insert waits for the change and is then refused.
     */
    @Test
    void anInvitationWaitsForACurrencyChangeInFlightAndIsRefused() throws Exception {
        Account marketer = marketer();
        Account influencer = influencer();
        String campaignId = campaign(marketer, "USD");
        try (Connection change = dataSource.getConnection()) {
            change.setAutoCommit(false);
            execute(change, "UPDATE campaigns SET currency = 'EUR' WHERE id = ?", UUID.fromString(campaignId));

            CompletableFuture<MockHttpServletResponse> invited = CompletableFuture.supplyAsync(() -> {
                try {
                    return invite(marketer, campaignId, influencer.id(), "USD").andReturn().getResponse();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // Without the trigger's FOR SHARE the insert would not wait (the foreign key's KEY SHARE does not).
            awaitBlockedOn(change);
            change.commit();

            MockHttpServletResponse response = invited.get(30, TimeUnit.SECONDS);
            assertThat(response.getStatus()).isEqualTo(409);
            assertThat(response.getContentType()).startsWith("application/problem+json");
            assertThat(response.getContentAsString()).contains(LOCKED).contains("\"field\":\"currency\"");
        }
        assertThat(currencies(UUID.fromString(campaignId))).containsExactly("EUR");
    }

    /** The other interleaving, below the service: an invitation in flight, then a currency change by any writer. */
    @Test
    void aCurrencyChangeWaitsForAnInvitationInFlightAndIsRefused() throws Exception {
        Account marketer = marketer();
        Account influencer = influencer();
        UUID campaignId = UUID.fromString(campaign(marketer, "USD"));
        try (Connection invite = dataSource.getConnection(); Connection change = dataSource.getConnection()) {
            invite.setAutoCommit(false);
            try (PreparedStatement insert = invite.prepareStatement("""
                    INSERT INTO campaign_invitations (campaign_id, influencer_id, rate_amount, currency, expires_at)
                    VALUES (?, ?, 1000, 'USD', now() + interval '1 day')""")) {
                insert.setObject(1, campaignId);
                insert.setObject(2, influencer.id());
                insert.executeUpdate();
            }
            CompletableFuture<Void> changed = CompletableFuture.runAsync(() -> {
                try {
                    execute(change, "UPDATE campaigns SET currency = 'EUR' WHERE id = ?", campaignId);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitBlockedOn(invite);
            invite.commit();
            assertThatThrownBy(() -> changed.get(30, TimeUnit.SECONDS)).cause().cause()
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("CCP02");
                        assertThat(e.getMessage()).contains("its currency stays USD");
                    });
        }
        assertThat(currencies(campaignId)).containsExactly("USD");
    }

    /** Waits until another backend waits for a lock that {@code holder}'s transaction holds. */
    private void awaitBlockedOn(Connection holder) throws SQLException {
        int pid;
        try (PreparedStatement s = holder.prepareStatement("SELECT pg_backend_pid()"); ResultSet rs = s.executeQuery()) {
            rs.next();
            pid = rs.getInt(1);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement s = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid))")) {
                s.setInt(1, pid);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) > 0;
                }
            }
        });
    }

    private static void execute(Connection c, String sql, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            s.executeUpdate();
        }
    }

    /** The campaign's currency and its invitations' currencies, distinct: one when they agree. */
    private List<String> currencies(UUID campaignId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT DISTINCT currency FROM (SELECT currency FROM campaigns WHERE id = ?
                                               UNION ALL SELECT currency FROM campaign_invitations WHERE campaign_id = ?) t""")) {
            s.setObject(1, campaignId);
            s.setObject(2, campaignId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private String campaign(Account owner, String currency) throws Exception {
        return readJson(mvc.perform(post("/api/campaigns").header("Authorization", owner.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json(campaignBody(currency)))).andExpect(status().isCreated()))
                .get("id").asString();
    }

    private static Map<String, Object> campaignBody(String currency) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Locked currency");
        body.put("budget", 500_000);
        body.put("status", "active");
        if (currency != null) {
            body.put("currency", currency);
        }
        return body;
    }

    private ResultActions replace(Account marketer, String campaignId, String currency) throws Exception {
        return mvc.perform(put("/api/campaigns/" + campaignId).header("Authorization", marketer.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json(campaignBody(currency))));
    }

    private ResultActions invite(Account marketer, String campaignId, UUID influencerId, String currency) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("influencerId", influencerId.toString());
        body.put("rateAmount", 40_000);
        if (currency != null) {
            body.put("currency", currency);
        }
        return mvc.perform(post("/api/campaigns/" + campaignId + "/invite-influencer").header("Authorization", marketer.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json(body)));
    }
}
