package com.creatorcampaignpro.invitation;

import com.creatorcampaignpro.testing.ApiIntegrationTest;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class InvitationIntegrationTests extends ApiIntegrationTest {
    private static final String PROBLEMS = "https://creatorcampaignpro.com/problems/";

    @Autowired
    Jdbi jdbi;

    /** An active EUR campaign of {@code owner}. */
    protected String campaign(Account owner) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Summer");
        body.put("budget", 1_000_000);
        body.put("currency", "EUR");
        body.put("status", "active");
        return readJson(mvc.perform(post("/api/campaigns").header("Authorization", owner.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json(body))).andExpect(status().isCreated()))
                .get("id").asString();
    }

    static Map<String, Object> offer(UUID influencerId, long rate) {
        Map<String, Object> body = new HashMap<>();
        body.put("influencerId", influencerId.toString());
        body.put("rateAmount", rate);
        body.put("deliverables", List.of(Map.of("platform", "Instagram", "contentType", "reel", "quantity", 2,
                "dueDate", "2026-07-01")));
        body.put("message", "Would love to work with you");
        return body;
    }

    private ResultActions invite(Account marketer, String campaignId, Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/campaigns/" + campaignId + "/invite-influencer").header("Authorization", marketer.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json(body)));
    }

    private ResultActions act(Account who, String invitationId, String action) throws Exception {
        return mvc.perform(post("/api/invitations/" + invitationId + "/" + action).header("Authorization", who.bearer()));
    }

    @Test
    void marketerInvitesAndTheInfluencerAccepts() throws Exception {
        Account marketer = marketer();
        Account influencer = influencer();
        String campaignId = campaign(marketer);

        JsonNode created = readJson(invite(marketer, campaignId, offer(influencer.id(), 50_000))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/invitations/")))
                .andExpect(jsonPath("$.status").value("pending"))
                .andExpect(jsonPath("$.currency").value("EUR"))
                .andExpect(jsonPath("$.rateAmount").value(50_000))
                .andExpect(jsonPath("$.deliverables[0].platform").value("instagram"))
                .andExpect(jsonPath("$.campaignName").value("Summer")));
        String id = created.get("id").asString();

        // A retry with the same terms answers the same invitation; other terms are a conflict.
        invite(marketer, campaignId, offer(influencer.id(), 50_000)).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id));
        invite(marketer, campaignId, offer(influencer.id(), 60_000)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invitation-exists"));

        mvc.perform(get("/api/invitations").header("Authorization", influencer.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id));
        mvc.perform(get("/api/campaigns/" + campaignId + "/invitations").header("Authorization", marketer.bearer()))
                .andExpect(jsonPath("$.items[0].id").value(id));
        mvc.perform(get("/api/invitations").param("status", "accepted").header("Authorization", marketer.bearer()))
                .andExpect(jsonPath("$.items.length()").value(0));

        act(influencer, id, "accept").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("accepted"))
                .andExpect(jsonPath("$.respondedAt").isNotEmpty());
        act(influencer, id, "accept").andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "illegal-status-transition"));
        act(influencer, id, "decline").andExpect(status().isConflict());
        act(marketer, id, "withdraw").andExpect(status().isConflict());
        mvc.perform(get("/api/invitations").param("status", "accepted").param("campaignId", campaignId)
                        .header("Authorization", marketer.bearer()))
                .andExpect(jsonPath("$.items.length()").value(1));
        mvc.perform(get("/api/invitations/" + id).header("Authorization", influencer.bearer()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("accepted"));
        // Accepted is live too: the same terms answer it, a fresh invitation is refused.
        invite(marketer, campaignId, offer(influencer.id(), 50_000)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("accepted"));
    }

    @Test
    void declinedAndWithdrawnInvitationsLeaveRoomForANewOne() throws Exception {
        Account marketer = marketer();
        Account influencer = influencer();
        String campaignId = campaign(marketer);
        String first = readJson(invite(marketer, campaignId, offer(influencer.id(), 10_000)).andExpect(status().isCreated()))
                .get("id").asString();
        mvc.perform(post("/api/invitations/" + first + "/decline").header("Authorization", influencer.bearer())
                        .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("reason", "Booked that month"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("declined"))
                .andExpect(jsonPath("$.responseNote").value("Booked that month"));

        String second = readJson(invite(marketer, campaignId, offer(influencer.id(), 20_000)).andExpect(status().isCreated()))
                .get("id").asString();
        assertThat(second).isNotEqualTo(first);
        act(marketer, second, "withdraw").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("withdrawn"));
        act(influencer, second, "accept").andExpect(status().isConflict());

        mvc.perform(get("/api/invitations").header("Authorization", influencer.bearer()))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].id").value(second));
    }

    @Test
    void anUnansweredInvitationExpires() throws Exception {
        Account marketer = marketer();
        Account influencer = influencer();
        String campaignId = campaign(marketer);
        String id = readJson(invite(marketer, campaignId, offer(influencer.id(), 10_000)).andExpect(status().isCreated()))
                .get("id").asString();
        jdbi.useHandle(h -> h.execute("UPDATE campaign_invitations SET expires_at = now() - interval '1 minute' WHERE id = ?",
                UUID.fromString(id)));

        mvc.perform(get("/api/invitations/" + id).header("Authorization", influencer.bearer()))
                .andExpect(jsonPath("$.status").value("expired"));
        mvc.perform(get("/api/invitations").param("status", "expired").header("Authorization", influencer.bearer()))
                .andExpect(jsonPath("$.items[0].id").value(id));
        act(influencer, id, "accept").andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invitation-expired"));
        // The expired one no longer holds the pair.
        invite(marketer, campaignId, offer(influencer.id(), 10_000)).andExpect(status().isCreated());
    }

    @Test
    void invalidInvitationsAreRefusedAndNothingIsWritten() throws Exception {
        Account marketer = marketer();
        Account influencer = influencer();
        String campaignId = campaign(marketer);

        Map<String, Object> negative = offer(influencer.id(), -1);
        invite(marketer, campaignId, negative).andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("rateAmount"));
        Map<String, Object> otherCurrency = offer(influencer.id(), 100);
        otherCurrency.put("currency", "USD");
        invite(marketer, campaignId, otherCurrency).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("currency"));
        Map<String, Object> badDeliverable = offer(influencer.id(), 100);
        badDeliverable.put("deliverables", List.of(Map.of("platform", "myspace", "contentType", "reel", "quantity", 1)));
        invite(marketer, campaignId, badDeliverable).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("deliverables[0].platform"));
        Map<String, Object> noInfluencer = offer(influencer.id(), 100);
        noInfluencer.remove("influencerId");
        invite(marketer, campaignId, noInfluencer).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("influencerId"));
        Map<String, Object> fraction = offer(influencer.id(), 100);
        fraction.put("rateAmount", 10.5);
        invite(marketer, campaignId, fraction).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rateAmount"));

        invite(marketer, campaignId, offer(UUID.randomUUID(), 100)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value(containsString("influencer")));
        invite(marketer, campaignId, offer(marketer().id(), 100)).andExpect(status().isNotFound());

        mvc.perform(get("/api/campaigns/" + campaignId + "/invitations").header("Authorization", marketer.bearer()))
                .andExpect(jsonPath("$.items.length()").value(0));
        mvc.perform(get("/api/invitations").param("status", "maybe").header("Authorization", marketer.bearer()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"));
    }

    @Test
    void closedCampaignsTakeNoInvitationsOrAnswers() throws Exception {
        Account marketer = marketer();
        Account influencer = influencer();
        String campaignId = campaign(marketer);
        String id = readJson(invite(marketer, campaignId, offer(influencer.id(), 100)).andExpect(status().isCreated()))
                .get("id").asString();
        Map<String, Object> done = new HashMap<>(Map.of("name", "Summer", "budget", 1_000_000, "currency", "EUR",
                "status", "completed"));
        mvc.perform(put("/api/campaigns/" + campaignId).header("Authorization", marketer.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json(done))).andExpect(status().isOk());

        invite(marketer, campaignId, offer(influencer().id(), 100)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "campaign-closed"));
        act(influencer, id, "accept").andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "campaign-closed"));
        mvc.perform(get("/api/invitations/" + id).header("Authorization", influencer.bearer()))
                .andExpect(jsonPath("$.status").value("pending"));
    }

    @Test
    void onlyThePartiesSeeOrTouchAnInvitation() throws Exception {
        Account marketer = marketer();
        Account influencer = influencer();
        Account otherMarketer = marketer();
        Account otherInfluencer = influencer();
        String campaignId = campaign(marketer);
        String id = readJson(invite(marketer, campaignId, offer(influencer.id(), 100)).andExpect(status().isCreated()))
                .get("id").asString();

        invite(otherMarketer, campaignId, offer(influencer.id(), 100)).andExpect(status().isNotFound());
        mvc.perform(get("/api/campaigns/" + campaignId + "/invitations").header("Authorization", otherMarketer.bearer()))
                .andExpect(status().isNotFound());
        act(otherInfluencer, id, "accept").andExpect(status().isNotFound());
        act(otherInfluencer, id, "decline").andExpect(status().isNotFound());
        act(otherMarketer, id, "withdraw").andExpect(status().isNotFound());
        mvc.perform(get("/api/invitations/" + id).header("Authorization", otherInfluencer.bearer()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/invitations").header("Authorization", otherMarketer.bearer()))
                .andExpect(jsonPath("$.items.length()").value(0));

        act(marketer, id, "accept").andExpect(status().isForbidden());
        act(influencer, id, "withdraw").andExpect(status().isForbidden());
        invite(influencer, campaignId, offer(influencer.id(), 100)).andExpect(status().isForbidden());
        mvc.perform(post("/api/invitations/" + id + "/accept")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/invitations")).andExpect(status().isUnauthorized());

        mvc.perform(get("/api/invitations/" + id).header("Authorization", influencer.bearer()))
                .andExpect(jsonPath("$.status").value("pending"));
    }
}
