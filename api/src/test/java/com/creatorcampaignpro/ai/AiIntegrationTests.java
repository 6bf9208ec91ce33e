package com.creatorcampaignpro.ai;

import com.creatorcampaignpro.db.testing.TestDatabase;
import com.creatorcampaignpro.testing.ApiIntegrationTest;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The four /api/ai endpoints on small cases worked out by hand, their ownership rules and their
 * validation. Every case gives its influencers a tag of its own (and a follower range nobody else
 * in the shared test database reaches), so other tests' influencers never take part.
 */
class AiIntegrationTests extends ApiIntegrationTest {
    private final Jdbi jdbi = TestDatabase.shared().jdbi();
    @Autowired
    private FeatureTableCache tables;
    private String tag;

    @BeforeEach
    void freshTable() {
        tag = "ai-" + UUID.randomUUID().toString().substring(0, 8);
        tables.invalidate();
    }

    /** An influencer with a profile, an Instagram account, an optional reel rate and reel posts with these likes. */
    private UUID influencer(List<String> categories, String language, long followers, double engagementRate,
                            String availability, Long reelRate, long... likes) {
        return jdbi.withHandle(h -> {
            UUID id = h.createQuery("INSERT INTO users (email, user_type) VALUES (:e, 'influencer') RETURNING id")
                    .bind("e", uniqueEmail("ai")).mapTo(UUID.class).one();
            h.createUpdate("""
                            INSERT INTO influencer_profiles (user_id, categories, languages, country, total_followers,
                                                             avg_engagement_rate, availability, rating, completed_campaigns)
                            VALUES (:id, CAST(:categories AS text[]), CAST(:languages AS text[]), 'PT', :followers, :er,
                                    :availability, 4.0, 3)""")
                    .bind("id", id).bind("categories", "{" + String.join(",", categories) + "}")
                    .bind("languages", "{" + language + "}").bind("followers", followers).bind("er", engagementRate)
                    .bind("availability", availability).execute();
            UUID account = h.createQuery("""
                            INSERT INTO social_accounts (user_id, platform, followers, engagement_rate)
                            VALUES (:id, 'instagram', :followers, :er) RETURNING id""")
                    .bind("id", id).bind("followers", followers).bind("er", engagementRate).mapTo(UUID.class).one();
            if (reelRate != null) {
                h.execute("INSERT INTO content_rates (influencer_id, platform, content_type, rate_amount, currency) "
                        + "VALUES (?, 'instagram', 'reel', ?, 'EUR')", id, reelRate);
            }
            Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            for (int i = 0; i < likes.length; i++) {
                h.execute("""
                                INSERT INTO social_account_media (social_account_id, platform, platform_media_id, media_type,
                                    content_type, posted_at, likes, reach, as_of)
                                VALUES (?, 'instagram', ?, 'REELS', 'reel', ?, ?, ?, now())""",
                        account, "m-" + UUID.randomUUID(), java.sql.Timestamp.from(t.minus(i, ChronoUnit.DAYS)), likes[i],
                        likes[i] * 10);
            }
            return id;
        });
    }

    private UUID campaign(Account marketer, long budget, String deliverables) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO campaigns (marketer_id, name, status, budget, currency, target_categories, deliverables)
                        VALUES (:m, 'AI case', 'active', :budget, 'EUR', CAST(:categories AS text[]), CAST(:d AS jsonb))
                        RETURNING id""")
                .bind("m", marketer.id()).bind("budget", budget).bind("categories", "{" + tag + "}")
                .bind("d", deliverables).mapTo(UUID.class).one());
    }

    private ResultActions call(Account caller, String endpoint, Object body) throws Exception {
        return mvc.perform(fromRandomClient(post("/api/ai/" + endpoint)).header("Authorization", caller.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json(body)));
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asString()));
        return out;
    }

    // ---- match-influencers -------------------------------------------------------------------

    @Test
    void theBestMatchOfABriefIsTheOneCoveringItsCategoriesAndLanguage() throws Exception {
        // Given three influencers in the brief's follower range: A covers both target categories and
        // speaks Portuguese; B covers one of the two and speaks English; C would beat both but is unavailable.
        String other = tag + "-b";
        UUID a = influencer(List.of(tag, other), "pt", 7_000_000, 2.0, "available", null);
        UUID b = influencer(List.of(tag), "en", 7_000_000, 2.0, "available", null);
        UUID unavailable = influencer(List.of(tag, other), "pt", 7_000_000, 9.0, "unavailable", null);
        Account marketer = marketer();

        // When a marketer asks with an ad-hoc brief
        JsonNode answer = readJson(call(marketer, "match-influencers", Map.of("brief", Map.of(
                "productCategory", tag, "categories", List.of(other), "languages", List.of("pt"),
                "minFollowers", 6_000_000, "maxFollowers", 8_000_000, "campaignType", "launch",
                "brandValues", List.of("sustainability"))))
                .andExpect(status().isOk()));

        // Then A first, B second, C excluded (a hard filter, not a low score); components say why
        assertThat(answer.get("source").asString()).isEqualTo("computed");
        assertThat(answer.get("modelVersion").asString()).isEqualTo("match-v1");
        // (other cases' influencers share the follower range but none of this case's categories: they come after)
        assertThat(ids(answer.get("matches"), "influencerId")).startsWith(a.toString(), b.toString()).doesNotContain(unavailable.toString());
        Map<String, Double> aValues = new HashMap<>();
        Map<String, Double> bValues = new HashMap<>();
        answer.get("matches").get(0).get("components").forEach(c -> aValues.put(c.get("component").asString(), c.get("value").asDouble()));
        answer.get("matches").get(1).get("components").forEach(c -> bValues.put(c.get("component").asString(), c.get("value").asDouble()));
        assertThat(aValues).containsEntry("category", 1.0).containsEntry("language", 1.0);
        assertThat(bValues).containsEntry("category", 0.5).containsEntry("language", 0.0);
        // Everything else alike: the gap is weight(category) / 2 + weight(language) points, out of the weight sum.
        double points = 0;
        for (JsonNode c : answer.get("matches").get(0).get("components")) {
            points += c.get("points").asDouble();
        }
        assertThat(points).isCloseTo(answer.get("matches").get(0).get("score").asDouble(), org.assertj.core.data.Offset.offset(0.1));
        assertThat(answer.get("rerank").isNull()).isTrue();
    }

    @Test
    void aCampaignIsAnsweredFromFreshStoredScoresAndComputedOnceEdited() throws Exception {
        Account marketer = marketer();
        UUID a = influencer(List.of(tag), "pt", 7_000_000, 2.0, "available", 10_000L);
        UUID campaign = campaign(marketer, 100_000, "[]");
        // Given a stored run for the campaign as it is now, ranking an influencer the scorer would never pick
        UUID stranger = influencer(List.of("unrelated"), "en", 10, 0.1, "available", null);
        jdbi.useHandle(h -> {
            h.execute("""
                    INSERT INTO match_score_runs (campaign_id, computed_at, campaign_updated_at, model_version, influencers_scored, matches)
                    SELECT id, now(), updated_at, 'match-v1', 2, 1 FROM campaigns WHERE id = ?""", campaign);
            h.execute("""
                    INSERT INTO match_scores (campaign_id, influencer_id, rank, score, components, model_version, computed_at)
                    VALUES (?, ?, 1, 42.5, '{2500,10000}', 'match-v1', now())""", campaign, stranger);
        });

        JsonNode stored = readJson(call(marketer, "match-influencers", Map.of("campaignId", campaign)).andExpect(status().isOk()));
        assertThat(stored.get("source").asString()).isEqualTo("stored");
        assertThat(ids(stored.get("matches"), "influencerId")).containsExactly(stranger.toString());
        assertThat(stored.get("matches").get(0).get("score").asDouble()).isEqualTo(42.5);
        assertThat(stored.get("matches").get(0).get("components").get(0).get("component").asString()).isEqualTo("category");

        // When the campaign changes, the stored run is stale: computed now, with the filters
        jdbi.useHandle(h -> h.execute("UPDATE campaigns SET updated_at = now() + interval '1 second' WHERE id = ?", campaign));
        JsonNode computed = readJson(call(marketer, "match-influencers", Map.of("campaignId", campaign, "limit", 1,
                "filters", Map.of("minFollowers", 6_000_000, "platforms", List.of("instagram"), "excludeInvited", true)))
                .andExpect(status().isOk()));
        assertThat(computed.get("source").asString()).isEqualTo("computed");
        assertThat(ids(computed.get("matches"), "influencerId")).containsExactly(a.toString());

        // An invited influencer is left out when asked
        fixtures.pendingInvitation(campaign, a, 10_000);
        JsonNode withoutInvited = readJson(call(marketer, "match-influencers", Map.of("campaignId", campaign, "limit", 1,
                "filters", Map.of("minFollowers", 6_000_000, "excludeInvited", true))).andExpect(status().isOk()));
        assertThat(ids(withoutInvited.get("matches"), "influencerId")).doesNotContain(a.toString());
    }

    @Test
    void anotherMarketersCampaignIsNotFoundAndInfluencersAreForbidden() throws Exception {
        Account owner = marketer();
        UUID campaign = campaign(owner, 100_000, "[{\"platform\":\"instagram\",\"contentType\":\"reel\",\"quantity\":1}]");
        Account stranger = marketer();
        for (String endpoint : List.of("match-influencers", "predict-performance", "optimize-campaign")) {
            call(stranger, endpoint, Map.of("campaignId", campaign)).andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/not-found")));
        }
        UUID content = fixtures.content(campaign, influencer(List.of(tag), "pt", 10, 1, "available", null)).create();
        call(stranger, "sentiment-analysis", Map.of("contentId", content)).andExpect(status().isNotFound());
        Account influencer = influencer();
        call(influencer, "sentiment-analysis", Map.of("text", "great")).andExpect(status().isForbidden());
        call(influencer, "match-influencers", Map.of("campaignId", campaign)).andExpect(status().isForbidden());
    }

    @Test
    void badInputIsAProblemNamingTheField() throws Exception {
        Account marketer = marketer();
        UUID campaign = campaign(marketer, 100_000, "[]");
        call(marketer, "match-influencers", Map.of("campaignId", campaign, "brief", Map.of()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("campaignId"));
        call(marketer, "match-influencers", Map.of("campaignId", campaign, "filters", Map.of("platforms", List.of("myspace"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("filters.platforms[0]"));
        call(marketer, "match-influencers", Map.of("campaignId", campaign, "limit", 0))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("limit"));
        call(marketer, "match-influencers", Map.of("brief", Map.of("deliverables", List.of(Map.of("platform", "instagram",
                        "contentType", "hologram")))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("brief.deliverables[0].contentType"));
        call(marketer, "predict-performance", Map.of("campaignId", campaign))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("deliverables"));
        call(marketer, "predict-performance", Map.of("campaignId", campaign, "influencerIds", List.of(UUID.randomUUID()),
                        "deliverables", List.of(Map.of("platform", "instagram", "contentType", "reel"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("influencerIds[0]"));
        call(marketer, "optimize-campaign", Map.of("campaignId", campaign, "objective", "fame"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("objective"));
        call(marketer, "sentiment-analysis", Map.of("text", "x", "engine", "oracle"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("engine"));
        call(marketer, "sentiment-analysis", Map.of("text", "x".repeat(5001)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("text"));
    }

    @Test
    void everyEndpointDrawsFromTheCallersBucketOfTheAiFamily() throws Exception {
        // application-test.yml sets the ai family's per-user limit just below every other limit.
        Account marketer = marketer();
        UUID campaign = campaign(marketer, 100_000, "[]");
        for (var call : List.of(Map.entry("match-influencers", Map.of("campaignId", campaign)),
                Map.entry("predict-performance", Map.of("campaignId", campaign)),
                Map.entry("sentiment-analysis", Map.of("text", "ok")),
                Map.entry("optimize-campaign", Map.of("campaignId", campaign)))) {
            call(marketer, call.getKey(), call.getValue())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                            .string("RateLimit-Policy", "999999;w=60"));
        }
    }

    // ---- predict-performance -----------------------------------------------------------------

    @Test
    void aPredictionIsTheMedianPostTimesTheQuantityWithItsSampleAndTooLittleHistoryIsLowConfidence() throws Exception {
        Account marketer = marketer();
        UUID campaign = campaign(marketer, 100_000, "[{\"platform\":\"instagram\",\"contentType\":\"reel\",\"quantity\":2}]");
        UUID rich = influencer(List.of(tag), "pt", 7_000_000, 2.0, "available", 10_000L, 100, 500, 300, 200, 400);
        UUID poor = influencer(List.of(tag), "pt", 7_000_000, 2.0, "available", 10_000L, 100, 200);

        JsonNode answer = readJson(call(marketer, "predict-performance", Map.of("campaignId", campaign,
                "influencerIds", List.of(rich, poor))).andExpect(status().isOk()));

        JsonNode r = answer.get("predictions").get(0).get("deliverables").get(0);
        // likes 100..500: median 300 per reel, two reels 600; reach is 10x likes here: 6,000
        assertThat(r.get("engagement").get("expected").asDouble()).isEqualTo(600.0);
        assertThat(r.get("engagement").get("sampleSize").asInt()).isEqualTo(5);
        assertThat(r.get("engagement").get("low").asDouble()).isLessThan(600.0);
        assertThat(r.get("engagement").get("high").asDouble()).isGreaterThan(600.0);
        assertThat(r.get("reach").get("expected").asDouble()).isEqualTo(6000.0);
        assertThat(r.get("confidence").asString()).isEqualTo("medium");   // 5 posts: enough, but under the 10 of "high"
        assertThat(r.get("cost").asLong()).isEqualTo(20_000);
        assertThat(r.get("costPerEngagement").asDouble()).isEqualTo(33.3333);
        JsonNode p = answer.get("predictions").get(1).get("deliverables").get(0);
        assertThat(p.get("confidence").asString()).isEqualTo("low");
        assertThat(p.get("engagement").isNull()).isTrue();
        assertThat(p.get("notes").get(0).asString()).contains("too little history");
    }

    // ---- optimize-campaign -------------------------------------------------------------------

    @Test
    void theOptimalPlanWithinBudgetAndCountsIsTheHandWorkedOneWithWhatWasLeftOutAndWhy() throws Exception {
        // Two reels wanted, 30,000 left. X 10,000 for 300, Y 15,000 for 600, Z 20,000 for 800 (median likes).
        // Pairs within budget: X+Y 900 (25,000), X+Z 1,100 (30,000); Y+Z costs 35,000. Best: X+Z.
        Account marketer = marketer();
        UUID campaign = campaign(marketer, 30_000, "[{\"platform\":\"instagram\",\"contentType\":\"reel\",\"quantity\":2}]");
        UUID x = influencer(List.of(tag), "pt", 7_000_000, 2.0, "available", 10_000L, 300, 300, 300, 300, 300);
        UUID y = influencer(List.of(tag), "pt", 7_000_000, 2.0, "available", 15_000L, 600, 600, 600, 600, 600);
        UUID z = influencer(List.of(tag), "pt", 7_000_000, 2.0, "available", 20_000L, 800, 800, 800, 800, 800);
        UUID noRate = influencer(List.of(tag), "pt", 7_000_000, 2.0, "available", null, 900, 900, 900, 900, 900);
        UUID noHistory = influencer(List.of(tag), "pt", 7_000_000, 2.0, "available", 1_000L, 5000);

        JsonNode plan = readJson(call(marketer, "optimize-campaign", Map.of("campaignId", campaign,
                "influencerIds", List.of(x, y, z, noRate, noHistory))).andExpect(status().isOk()));

        assertThat(ids(plan.get("plan"), "influencerId")).containsExactlyInAnyOrder(x.toString(), z.toString());
        assertThat(plan.get("cost").asLong()).isEqualTo(30_000);
        assertThat(plan.get("value").asDouble()).isEqualTo(1100.0);
        assertThat(plan.get("totals").get("engagement").asDouble()).isEqualTo(1100.0);
        assertThat(plan.get("provenOptimal").asBoolean()).isTrue();
        Map<String, String> reasons = new HashMap<>();
        plan.get("leftOut").forEach(l -> reasons.put(l.get("influencerId").asString(), l.get("reason").asString()));
        assertThat(reasons.get(y.toString())).startsWith("OUTVALUED");
        assertThat(reasons.get(noRate.toString())).startsWith("NO_RATE");
        assertThat(reasons.get(noHistory.toString())).startsWith("TOO_LITTLE_HISTORY");
    }

    // ---- sentiment-analysis ------------------------------------------------------------------

    @Test
    void sentimentOfTextOrOfOwnContentsCaptionAndTheLanguageModelIs503WhenNoneIsConfigured() throws Exception {
        Account marketer = marketer();
        call(marketer, "sentiment-analysis", Map.of("text", "I really love this, not bad at all!"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.label").value("positive"))
                .andExpect(jsonPath("$.engine").value("lexicon-en-v1")).andExpect(jsonPath("$.source").value("text"));
        UUID campaign = campaign(marketer, 100_000, "[]");
        UUID content = fixtures.content(campaign, influencer(List.of(tag), "pt", 10, 1, "available", null)).create();
        jdbi.useHandle(h -> h.execute("UPDATE content SET caption = 'Terrible product, never again 😡' WHERE id = ?", content));
        call(marketer, "sentiment-analysis", Map.of("contentId", content))
                .andExpect(status().isOk()).andExpect(jsonPath("$.label").value("negative"))
                .andExpect(jsonPath("$.source").value("caption"));
        call(marketer, "sentiment-analysis", Map.of("text", "fine", "engine", "llm"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/language-model-not-configured")));
        // A re-rank asked without a model: the scorer's order, and a note saying so
        call(marketer, "match-influencers", Map.of("campaignId", campaign, "rerank", true))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rerank.applied").value(false));
    }

}
