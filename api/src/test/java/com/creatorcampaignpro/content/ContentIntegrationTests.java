package com.creatorcampaignpro.content;

import com.creatorcampaignpro.audit.AuditLogDao;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ContentIntegrationTests extends ApiIntegrationTest {
    private static final String PROBLEMS = "https://creatorcampaignpro.com/problems/";

    @Autowired
    Jdbi jdbi;
    @Autowired
    AuditLogDao audit;

    /** A marketer's active campaign and an influencer invited to it. */
    record Deal(Account marketer, Account influencer, String campaignId, String invitationId) {
    }

    private Deal deal(boolean accept) throws Exception {
        Account marketer = marketer();
        Account influencer = influencer();
        UUID campaignId = fixtures.campaign(marketer.id()).name("Autumn").create();
        UUID invitationId = accept ? fixtures.acceptedInvitation(campaignId, influencer.id(), 40_000)
                : fixtures.pendingInvitation(campaignId, influencer.id(), 40_000);
        return new Deal(marketer, influencer, campaignId.toString(), invitationId.toString());
    }

    static Map<String, Object> submission(String campaignId, String url) {
        Map<String, Object> body = new HashMap<>();
        body.put("campaignId", campaignId);
        body.put("platform", "instagram");
        body.put("contentType", "reel");
        body.put("title", "Unboxing");
        body.put("caption", "New drop #ad");
        body.put("contentUrl", url);
        body.put("mediaUrls", List.of("https://cdn.example.com/a.mp4"));
        body.put("deliverable", "instagram reel 1/2");
        return body;
    }

    private ResultActions submit(Account who, Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/content").header("Authorization", who.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json(body)));
    }

    private ResultActions review(Account who, String id, String action, String feedback) throws Exception {
        var request = post("/api/content/" + id + "/" + action).header("Authorization", who.bearer());
        if (feedback != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json(Map.of("feedback", feedback)));
        }
        return mvc.perform(request);
    }

    private ResultActions edit(Account who, String id, Map<String, Object> body) throws Exception {
        Map<String, Object> update = new HashMap<>(body);
        update.remove("campaignId");
        return mvc.perform(put("/api/content/" + id).header("Authorization", who.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json(update)));
    }

    @Test
    void contentGoesFromSubmissionThroughReviewToPublication() throws Exception {
        Deal deal = deal(true);
        Map<String, Object> body = submission(deal.campaignId(), "https://drafts.example.com/reel-1");
        JsonNode created = readJson(submit(deal.influencer(), body)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("pending"))
                .andExpect(jsonPath("$.invitationId").value(deal.invitationId())));
        String id = created.get("id").asString();
        // A retried submission answers the same content.
        submit(deal.influencer(), body).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id));
        Map<String, Object> different = submission(deal.campaignId(), "https://drafts.example.com/reel-1");
        different.put("caption", "Another caption");
        submit(deal.influencer(), different).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "content-exists"));

        mvc.perform(get("/api/content").param("campaignId", deal.campaignId()).header("Authorization", deal.marketer().bearer()))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id));

        review(deal.marketer(), id, "request-changes", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("feedback"));
        review(deal.marketer(), id, "request-changes", "Show the logo in the first 3 s")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("changes_requested"))
                .andExpect(jsonPath("$.feedback").value("Show the logo in the first 3 s"))
                .andExpect(jsonPath("$.reviewedBy").value(deal.marketer().id().toString()));
        review(deal.marketer(), id, "approve", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "illegal-status-transition"));

        body.put("contentUrl", "https://drafts.example.com/reel-1-v2");
        edit(deal.influencer(), id, body).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("pending"))
                .andExpect(jsonPath("$.contentUrl").value("https://drafts.example.com/reel-1-v2"));

        review(deal.marketer(), id, "approve", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("approved"))
                .andExpect(jsonPath("$.reviewedAt").isNotEmpty());
        review(deal.marketer(), id, "approve", null).andExpect(status().isConflict());
        review(deal.marketer(), id, "reject", "Too late").andExpect(status().isConflict());
        edit(deal.influencer(), id, body).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "content-locked"));

        mvc.perform(post("/api/content/" + id + "/publish").header("Authorization", deal.influencer().bearer())
                        .contentType(MediaType.APPLICATION_JSON).content(json(Map.of())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("platformMediaId"));
        Map<String, Object> live = Map.of("platformMediaId", "ig_" + UUID.randomUUID().toString().substring(0, 12),
                "liveUrl", "https://instagram.com/reel/abc");
        mvc.perform(post("/api/content/" + id + "/publish").header("Authorization", deal.influencer().bearer())
                        .contentType(MediaType.APPLICATION_JSON).content(json(live)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("published"))
                .andExpect(jsonPath("$.contentUrl").value("https://instagram.com/reel/abc"))
                .andExpect(jsonPath("$.publishedAt").isNotEmpty());
        mvc.perform(post("/api/content/" + id + "/publish").header("Authorization", deal.influencer().bearer())
                        .contentType(MediaType.APPLICATION_JSON).content(json(live)))
                .andExpect(status().isOk());

        // Each review, and the publication, is in the audit log, once.
        assertThat(audit.actionsOn("content", id))
                .containsExactly("content.request_changes", "content.approve", "content.publish");
        String feedback = jdbi.withHandle(h -> h.createQuery("""
                        SELECT details ->> 'feedback' FROM audit_log
                        WHERE target_type = 'content' AND target_id = :id AND action = 'content.request_changes'""")
                .bind("id", id).mapTo(String.class).one());
        assertThat(feedback).isEqualTo("Show the logo in the first 3 s");
    }

    @Test
    void rejectionIsFinalAndFreesTheUrl() throws Exception {
        Deal deal = deal(true);
        Map<String, Object> body = submission(deal.campaignId(), "https://drafts.example.com/post");
        String id = readJson(submit(deal.influencer(), body).andExpect(status().isCreated())).get("id").asString();
        review(deal.marketer(), id, "reject", "  ").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("feedback"));
        review(deal.marketer(), id, "reject", "Off brand").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("rejected"));
        edit(deal.influencer(), id, body).andExpect(status().isConflict());
        mvc.perform(post("/api/content/" + id + "/publish").header("Authorization", deal.influencer().bearer())
                        .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("platformMediaId", "x1"))))
                .andExpect(status().isConflict());
        assertThat(audit.actionsOn("content", id)).containsExactly("content.reject");
        // A fresh submission with the same URL is a new piece of content.
        String again = readJson(submit(deal.influencer(), body).andExpect(status().isCreated())).get("id").asString();
        assertThat(again).isNotEqualTo(id);
        mvc.perform(get("/api/content").param("status", "rejected").header("Authorization", deal.influencer().bearer()))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id));
    }

    @Test
    void onlyAnInfluencerWithAnAcceptedInvitationSubmits() throws Exception {
        Deal pending = deal(false);
        String url = "https://drafts.example.com/x";
        submit(pending.influencer(), submission(pending.campaignId(), url)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invitation-not-accepted"));
        // Never invited: the campaign does not exist for them.
        submit(influencer(), submission(pending.campaignId(), url)).andExpect(status().isNotFound());
        submit(pending.influencer(), submission(UUID.randomUUID().toString(), url)).andExpect(status().isNotFound());

        Deal deal = deal(true);
        Map<String, Object> badUrl = submission(deal.campaignId(), "javascript:alert(1)");
        submit(deal.influencer(), badUrl).andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("contentUrl"));
        Map<String, Object> badPlatform = submission(deal.campaignId(), url);
        badPlatform.put("platform", "myspace");
        submit(deal.influencer(), badPlatform).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("platform"));
        Map<String, Object> badMedia = submission(deal.campaignId(), url);
        badMedia.put("mediaUrls", List.of("https://ok.example.com/1", "ftp://nope"));
        submit(deal.influencer(), badMedia).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("mediaUrls[1]"));
        Map<String, Object> noCampaign = submission(deal.campaignId(), url);
        noCampaign.remove("campaignId");
        submit(deal.influencer(), noCampaign).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("campaignId"));

        Map<String, Object> paused = new HashMap<>(Map.of("name", "Autumn", "budget", 500_000, "currency", "USD", "status", "paused"));
        mvc.perform(put("/api/campaigns/" + deal.campaignId()).header("Authorization", deal.marketer().bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json(paused))).andExpect(status().isOk());
        submit(deal.influencer(), submission(deal.campaignId(), url)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "campaign-not-active"));

        mvc.perform(get("/api/content").header("Authorization", deal.influencer().bearer()))
                .andExpect(jsonPath("$.items.length()").value(0));
        mvc.perform(get("/api/content").header("Authorization", pending.influencer().bearer()))
                .andExpect(jsonPath("$.items.length()").value(0));
    }

    @Test
    void onlyItsInfluencerEditsAndOnlyTheCampaignsMarketerReviews() throws Exception {
        Deal deal = deal(true);
        Map<String, Object> body = submission(deal.campaignId(), "https://drafts.example.com/mine");
        String id = readJson(submit(deal.influencer(), body).andExpect(status().isCreated())).get("id").asString();
        Account otherMarketer = marketer();
        Account otherInfluencer = influencer();

        review(otherMarketer, id, "approve", null).andExpect(status().isNotFound());
        review(otherMarketer, id, "reject", "no").andExpect(status().isNotFound());
        mvc.perform(get("/api/content/" + id).header("Authorization", otherMarketer.bearer())).andExpect(status().isNotFound());
        mvc.perform(get("/api/content/" + id).header("Authorization", otherInfluencer.bearer())).andExpect(status().isNotFound());
        edit(otherInfluencer, id, body).andExpect(status().isNotFound());
        mvc.perform(get("/api/content").header("Authorization", otherMarketer.bearer()))
                .andExpect(jsonPath("$.items.length()").value(0));

        review(deal.influencer(), id, "approve", null).andExpect(status().isForbidden());
        edit(deal.marketer(), id, body).andExpect(status().isForbidden());
        submit(deal.marketer(), body).andExpect(status().isForbidden());
        mvc.perform(get("/api/content")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/content/" + id + "/approve")).andExpect(status().isUnauthorized());

        mvc.perform(get("/api/content/" + id).header("Authorization", deal.marketer().bearer()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("pending"));
        mvc.perform(get("/api/content/" + id).header("Authorization", deal.influencer().bearer()))
                .andExpect(status().isOk());
        assertThat(audit.actionsOn("content", id)).isEmpty();
    }

    @Test
    void listsAreKeysetPagedNewestFirst() throws Exception {
        Deal deal = deal(true);
        for (int i = 0; i < 3; i++) {
            submit(deal.influencer(), submission(deal.campaignId(), "https://drafts.example.com/" + i)).andExpect(status().isCreated());
        }
        JsonNode first = readJson(mvc.perform(get("/api/content").param("limit", "2").header("Authorization", deal.marketer().bearer())));
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("items").get(0).get("contentUrl").asString()).isEqualTo("https://drafts.example.com/2");
        JsonNode second = readJson(mvc.perform(get("/api/content").param("limit", "2")
                .param("after", first.get("nextCursor").asString()).header("Authorization", deal.marketer().bearer())));
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("items").get(0).get("contentUrl").asString()).isEqualTo("https://drafts.example.com/0");
        assertThat(second.get("nextCursor").isNull()).isTrue();
        mvc.perform(get("/api/content").param("status", "done").header("Authorization", deal.marketer().bearer()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"));
    }
}
