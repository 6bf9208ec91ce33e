package com.creatorcampaignpro.campaign;

import com.creatorcampaignpro.testing.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class CampaignIntegrationTests extends ApiIntegrationTest {

    static Map<String, Object> campaign(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("description", "Launch of the spring collection");
        body.put("budget", 250_000);
        body.put("currency", "EUR");
        body.put("startDate", "2026-03-01");
        body.put("endDate", "2026-04-30");
        body.put("targetCategories", List.of("Fashion", "beauty"));
        body.put("targetPlatforms", List.of("instagram", "tiktok"));
        body.put("deliverables", List.of(Map.of("platform", "instagram", "contentType", "reel", "quantity", 2)));
        return body;
    }

    private ResultActions create(Account owner, Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/campaigns").header("Authorization", owner.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json(body)));
    }

    private String createdId(Account owner, Map<String, Object> body) throws Exception {
        return readJson(create(owner, body).andExpect(status().isCreated())).get("id").asString();
    }

    private ResultActions update(Account owner, String id, Map<String, Object> body) throws Exception {
        return mvc.perform(put("/api/campaigns/" + id).header("Authorization", owner.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json(body)));
    }

    @Test
    void theSeedsObjectivesTargetAudienceAndDeliverablesReadBack() throws Exception {
        Account owner = marketer();
        Map<String, Object> body = campaign("Seed fields");
        body.put("objectives", List.of(" brand awareness", "sales", ""));
        body.put("targetAudience", Map.of("countries", List.of("us", "CA"), "minAge", 18, "maxAge", 34,
                "genders", List.of("Female"), "interests", List.of("Running", "fitness"), "notes", "no alcohol brands"));
        body.put("deliverables", List.of(
                Map.of("platform", "Instagram", "contentType", "reel", "quantity", 2, "dueDate", "2026-03-15",
                        "description", "unboxing"),
                Map.of("platform", "tiktok", "contentType", "video", "quantity", 1)));
        String id = createdId(owner, body);

        mvc.perform(get("/api/campaigns/" + id).header("Authorization", owner.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.objectives", contains("brand awareness", "sales")))
                .andExpect(jsonPath("$.objective").doesNotExist())
                .andExpect(jsonPath("$.targetAudience.countries", contains("US", "CA")))
                .andExpect(jsonPath("$.targetAudience.minAge").value(18))
                .andExpect(jsonPath("$.targetAudience.maxAge").value(34))
                .andExpect(jsonPath("$.targetAudience.genders", contains("female")))
                .andExpect(jsonPath("$.targetAudience.interests", contains("running", "fitness")))
                .andExpect(jsonPath("$.targetAudience.notes").value("no alcohol brands"))
                .andExpect(jsonPath("$.deliverables.length()").value(2))
                .andExpect(jsonPath("$.deliverables[0].platform").value("instagram"))
                .andExpect(jsonPath("$.deliverables[0].quantity").value(2))
                .andExpect(jsonPath("$.deliverables[0].dueDate").value("2026-03-15"))
                .andExpect(jsonPath("$.deliverables[0].description").value("unboxing"))
                .andExpect(jsonPath("$.deliverables[1].contentType").value("video"));

        // The seed's single-valued name is gone from the API: a client still sending it is told so.
        Map<String, Object> old = campaign("Old field");
        old.put("objective", "awareness");
        create(owner, old).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("objective"));

        Map<String, Object> bad = campaign("Bad audience");
        bad.put("targetAudience", Map.of("countries", List.of("XX"), "minAge", 40, "maxAge", 20));
        bad.put("deliverables", List.of(Map.of("platform", "instagram", "contentType", "reel", "quantity", 0)));
        create(owner, bad).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("targetAudience.countries[0]",
                        "targetAudience.maxAge", "deliverables[0].quantity")));
    }

    @Test
    void marketerCreatesReadsUpdatesAndDeletesACampaign() throws Exception {
        Account owner = marketer();
        JsonNode created = readJson(create(owner, campaign("Spring launch"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/campaigns/")))
                .andExpect(jsonPath("$.status").value("draft"))
                .andExpect(jsonPath("$.budget").value(250_000))
                .andExpect(jsonPath("$.spent").value(0))
                .andExpect(jsonPath("$.targetCategories", hasItem("fashion")))
                .andExpect(jsonPath("$.deliverables[0].contentType").value("reel")));
        String id = created.get("id").asString();

        mvc.perform(get("/api/campaigns/" + id).header("Authorization", owner.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Spring launch"))
                .andExpect(jsonPath("$.currency").value("EUR"));

        Map<String, Object> change = campaign("Spring launch v2");
        change.put("status", "active");
        change.put("budget", 300_000);
        update(owner, id, change)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("active"))
                .andExpect(jsonPath("$.budget").value(300_000))
                .andExpect(jsonPath("$.name").value("Spring launch v2"));

        // Active campaigns carry work and money: cancel first, then delete.
        mvc.perform(delete("/api/campaigns/" + id).header("Authorization", owner.bearer()))
                .andExpect(status().isConflict());
        change.put("status", "cancelled");
        update(owner, id, change).andExpect(status().isOk());
        mvc.perform(delete("/api/campaigns/" + id).header("Authorization", owner.bearer()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/campaigns/" + id).header("Authorization", owner.bearer()))
                .andExpect(status().isNotFound());
    }

    @Test
    void listIsKeysetPagedNewestFirstAndFilteredByStatus() throws Exception {
        Account owner = marketer();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(createdId(owner, campaign("Campaign " + i)));
        }
        Map<String, Object> active = campaign("Campaign 1");
        active.put("status", "active");
        update(owner, ids.get(1), active).andExpect(status().isOk());

        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            var request = get("/api/campaigns").param("limit", "2").header("Authorization", owner.bearer());
            if (after != null) {
                request.param("after", after);
            }
            JsonNode page = readJson(mvc.perform(request).andExpect(status().isOk()));
            page.get("items").forEach(item -> seen.add(item.get("id").asString()));
            after = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            pages++;
        } while (after != null);

        assertThat(pages).isEqualTo(3);
        List<String> newestFirst = new ArrayList<>(ids);
        Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);

        mvc.perform(get("/api/campaigns").param("status", "active").header("Authorization", owner.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(ids.get(1)));
    }

    @Test
    void invalidCampaignsAreRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
        Account owner = marketer();
        Map<String, Object> negative = campaign("Bad budget");
        negative.put("budget", -1);
        create(owner, negative).andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("budget"));

        Map<String, Object> fraction = campaign("Fractional cents");
        fraction.put("budget", 12.5);
        create(owner, fraction).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("budget"));

        Map<String, Object> backwards = campaign("Backwards");
        backwards.put("endDate", "2026-02-01");
        create(owner, backwards).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("endDate"));

        Map<String, Object> badDeliverable = campaign("Bad deliverable");
        badDeliverable.put("deliverables", List.of(Map.of("platform", "myspace", "contentType", "reel", "quantity", 1)));
        create(owner, badDeliverable).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("deliverables[0].platform"));

        Map<String, Object> noName = campaign(" ");
        create(owner, noName).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")));

        mvc.perform(post("/api/campaigns").header("Authorization", owner.bearer())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://creatorcampaignpro.com/problems/malformed-request-body"));

        mvc.perform(get("/api/campaigns").param("limit", "1000").header("Authorization", owner.bearer()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        mvc.perform(get("/api/campaigns").param("after", "garbage").header("Authorization", owner.bearer()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("after"));

        mvc.perform(get("/api/campaigns").header("Authorization", owner.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(0));
    }

    @Test
    void illegalStatusMovesAreConflicts() throws Exception {
        Account owner = marketer();
        String id = createdId(owner, campaign("Moves"));

        Map<String, Object> paused = campaign("Moves");
        paused.put("status", "paused");
        update(owner, id, paused)
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://creatorcampaignpro.com/problems/illegal-status-transition"))
                .andExpect(jsonPath("$.detail").value(containsString("draft to paused")));

        Map<String, Object> completed = campaign("Moves");
        completed.put("status", "active");
        update(owner, id, completed).andExpect(status().isOk());
        completed.put("status", "completed");
        update(owner, id, completed).andExpect(status().isOk());
        completed.put("status", "active");
        update(owner, id, completed).andExpect(status().isConflict());

        Map<String, Object> unknown = campaign("Moves");
        unknown.put("status", "archived");
        update(owner, id, unknown).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
    }

    /** The targets' documented bounds (enum, pattern and length, counts) are what the API enforces. */
    @Test
    void targetPlatformsAndCountriesHoldTheirDocumentedBounds() throws Exception {
        Account owner = marketer();
        Map<String, Object> platform = campaign("Targets");
        platform.put("targetPlatforms", List.of("instagram", "myspace"));
        create(owner, platform).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("targetPlatforms[1]"));
        Map<String, Object> tooMany = campaign("Targets");
        tooMany.put("targetPlatforms", List.of("instagram", "youtube", "tiktok", "twitter", "instagram"));
        create(owner, tooMany).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("targetPlatforms"));
        Map<String, Object> country = campaign("Targets");
        country.put("targetCountries", List.of("PT", "PRT"));
        create(owner, country).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.equalTo("targetCountries[1]"))));
        country.put("targetCountries", List.of("PT", "ZZ"));
        create(owner, country).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.equalTo("targetCountries[1]"))));
        Map<String, Object> unknownStatus = campaign("Targets");
        unknownStatus.put("status", "archived");
        create(owner, unknownStatus).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
    }

    @Test
    void anotherMarketersCampaignDoesNotExist() throws Exception {
        Account owner = marketer();
        Account stranger = marketer();
        String id = createdId(owner, campaign("Private"));

        mvc.perform(get("/api/campaigns/" + id).header("Authorization", stranger.bearer()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        update(stranger, id, campaign("Hijacked")).andExpect(status().isNotFound());
        mvc.perform(delete("/api/campaigns/" + id).header("Authorization", stranger.bearer()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/campaigns").header("Authorization", stranger.bearer()))
                .andExpect(jsonPath("$.items.length()").value(0));

        mvc.perform(get("/api/campaigns/" + id).header("Authorization", owner.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Private"));
    }

    @Test
    void influencersCannotManageCampaigns() throws Exception {
        Account influencer = influencer();
        create(influencer, campaign("Not mine to make"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/campaigns").header("Authorization", influencer.bearer()))
                .andExpect(status().isForbidden());
    }

    @Test
    void campaignsNeedAToken() throws Exception {
        mvc.perform(get("/api/campaigns")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/campaigns").contentType(MediaType.APPLICATION_JSON).content(json(campaign("x"))))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/campaigns/00000000-0000-0000-0000-000000000000")).andExpect(status().isUnauthorized());
        mvc.perform(put("/api/campaigns/00000000-0000-0000-0000-000000000000")
                .contentType(MediaType.APPLICATION_JSON).content(json(campaign("x")))).andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/campaigns/00000000-0000-0000-0000-000000000000")).andExpect(status().isUnauthorized());
    }

    @Test
    void retriedCreateWithTheSameIdempotencyKeyCreatesOnce() throws Exception {
        Account owner = marketer();
        String key = "retry-" + System.nanoTime();
        String body = json(campaign("Exactly once"));
        String first = readJson(mvc.perform(post("/api/campaigns").header("Authorization", owner.bearer())
                        .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())).get("id").asString();
        mvc.perform(post("/api/campaigns").header("Authorization", owner.bearer())
                        .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.id").value(first));
        mvc.perform(get("/api/campaigns").header("Authorization", owner.bearer()))
                .andExpect(jsonPath("$.items.length()").value(1));

        // The same key for another request is a client bug: refused, nothing created.
        mvc.perform(post("/api/campaigns").header("Authorization", owner.bearer())
                        .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content(json(campaign("Something else"))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://creatorcampaignpro.com/problems/idempotency-key-reused"));
    }

    @Test
    void aFailedRequestDoesNotBurnItsIdempotencyKey() throws Exception {
        Account owner = marketer();
        Map<String, Object> invalid = campaign("Will fail");
        invalid.put("endDate", "2026-01-01");
        mvc.perform(post("/api/campaigns").header("Authorization", owner.bearer()).header("Idempotency-Key", "k1")
                .contentType(MediaType.APPLICATION_JSON).content(json(invalid))).andExpect(status().isBadRequest());
        mvc.perform(post("/api/campaigns").header("Authorization", owner.bearer()).header("Idempotency-Key", "k1")
                .contentType(MediaType.APPLICATION_JSON).content(json(campaign("Fixed")))).andExpect(status().isCreated());
    }

    @Test
    void malformedIdIsABadRequestNamingIt() throws Exception {
        Account owner = marketer();
        mvc.perform(get("/api/campaigns/not-a-uuid").header("Authorization", owner.bearer()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }
}
