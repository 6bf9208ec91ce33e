package com.creatorcampaignpro.influencer;

import com.creatorcampaignpro.testing.ApiIntegrationTest;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class InfluencerIntegrationTests extends ApiIntegrationTest {

    @Autowired
    Jdbi jdbi;

    static Map<String, Object> profile(String name, String... categories) {
        Map<String, Object> body = new HashMap<>();
        body.put("displayName", name);
        body.put("bio", "Slow travel and street food");
        body.put("categories", List.of(categories));
        body.put("languages", List.of("en", "PT"));
        body.put("location", "Lisbon, Portugal");
        body.put("country", "pt");
        body.put("availability", "available");
        return body;
    }

    private ResultActions putProfile(Account who, Map<String, Object> body) throws Exception {
        return mvc.perform(put("/api/influencers/profile").header("Authorization", who.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json(body)));
    }

    private ResultActions postRates(Account who, Object rates) throws Exception {
        return mvc.perform(post("/api/influencers/rates").header("Authorization", who.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("rates", rates))));
    }

    private static Map<String, Object> rate(String platform, String type, long amount, String currency) {
        return Map.of("platform", platform, "contentType", type, "amount", amount, "currency", currency);
    }

    private JsonNode search(Account who, String... params) throws Exception {
        return readJson(mvc.perform(searchRequest(who, params)).andExpect(status().isOk()));
    }

    private static MockHttpServletRequestBuilder searchRequest(Account who, String... params) {
        MockHttpServletRequestBuilder request = get("/api/influencers/search").header("Authorization", who.bearer());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return request;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    /** An influencer with a profile in {@code tag} and metrics as the social sync would have written them. */
    private UUID seeded(String tag, String name, long followers, String engagement, String rating, boolean verified,
                        String availability) throws Exception {
        Account influencer = influencer();
        Map<String, Object> body = profile(name, tag, "travel");
        body.put("availability", availability);
        putProfile(influencer, body).andExpect(status().isOk());
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE influencer_profiles SET total_followers = :followers, avg_engagement_rate = CAST(:engagement AS numeric),
                               rating = CAST(:rating AS numeric), verified = :verified, avg_views = :followers / 10,
                               metrics_as_of = now() - interval '2 hours'
                        WHERE user_id = :id""")
                .bind("followers", followers).bind("engagement", engagement).bind("rating", rating)
                .bind("verified", verified).bind("id", influencer.id()).execute());
        return influencer.id();
    }

    @Test
    void influencerEditsOwnProfileAndRatesAndEveryoneReadsThem() throws Exception {
        Account influencer = influencer();
        putProfile(influencer, profile("  Ana Travels ", "Travel", " FOOD ", "travel"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.displayName").value("Ana Travels"))
                .andExpect(jsonPath("$.categories.length()").value(2))
                .andExpect(jsonPath("$.categories[0]").value("travel"))
                .andExpect(jsonPath("$.categories[1]").value("food"))
                .andExpect(jsonPath("$.languages[1]").value("pt"))
                .andExpect(jsonPath("$.country").value("PT"));

        JsonNode first = readJson(postRates(influencer, List.of(rate("instagram", "reel", 25_000, "EUR"),
                rate("youtube", "video", 120_000, "EUR"))).andExpect(status().isOk()));
        assertThat(first.get("rates")).hasSize(2);
        // The same request again is a no-op: same rows, not even a new updatedAt.
        JsonNode again = readJson(postRates(influencer, List.of(rate("instagram", "reel", 25_000, "EUR"),
                rate("youtube", "video", 120_000, "EUR"))).andExpect(status().isOk()));
        assertThat(again.get("rates")).isEqualTo(first.get("rates"));
        // Upsert: one changes, the other stays.
        postRates(influencer, List.of(rate("instagram", "reel", 30_000, "EUR"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.rates.length()").value(2))
                .andExpect(jsonPath("$.rates[0].platform").value("instagram"))
                .andExpect(jsonPath("$.rates[0].amount").value(30_000))
                .andExpect(jsonPath("$.rates[1].amount").value(120_000));

        Account marketer = marketer();
        mvc.perform(get("/api/influencers/" + influencer.id()).header("Authorization", marketer.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.displayName").value("Ana Travels"))
                .andExpect(jsonPath("$.rates.length()").value(2))
                .andExpect(jsonPath("$.socialAccounts.length()").value(0));
        mvc.perform(get("/api/influencers/" + influencer.id() + "/rates").header("Authorization", influencer().bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rates[1].contentType").value("video"));
        mvc.perform(get("/api/influencers/profile").header("Authorization", influencer.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(influencer.id().toString()));
    }

    @Test
    void invalidProfilesAndRatesAreRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
        Account influencer = influencer();
        putProfile(influencer, profile("Before", "travel")).andExpect(status().isOk());

        Map<String, Object> badCountry = profile("After", "travel");
        badCountry.put("country", "XX");
        putProfile(influencer, badCountry).andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("country"));
        Map<String, Object> badLanguage = profile("After", "travel");
        badLanguage.put("languages", List.of("en", "english"));
        putProfile(influencer, badLanguage).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("languages[1]"));
        Map<String, Object> badAvailability = profile("After", "travel");
        badAvailability.put("availability", "sometimes");
        putProfile(influencer, badAvailability).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("availability"));
        putProfile(influencer, profile(" ", "travel")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("displayName")));

        postRates(influencer, List.of(rate("instagram", "reel", 10_000, "USD"))).andExpect(status().isOk());
        postRates(influencer, List.of(rate("tiktok", "short", 5_000, "USD"), rate("tiktok", "short", 6_000, "USD")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rates[1]"));
        postRates(influencer, List.of(rate("tiktok", "short", -1, "USD"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rates[0].amount"));
        postRates(influencer, List.of(rate("tiktok", "short", 5_000, "usd"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rates[0].currency"));
        postRates(influencer, List.of(rate("instagram", "reel", 1, "USD"), rate("myspace", "short", 5_000, "USD")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rates[1].platform"));
        mvc.perform(post("/api/influencers/rates").header("Authorization", influencer.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rates\":[{\"platform\":\"tiktok\",\"contentType\":\"short\",\"amount\":12.5,\"currency\":\"USD\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rates[0].amount"));

        // Nothing of the refused requests was written: not even the valid first rate of the last list.
        mvc.perform(get("/api/influencers/profile").header("Authorization", influencer.bearer()))
                .andExpect(jsonPath("$.displayName").value("Before"))
                .andExpect(jsonPath("$.rates.length()").value(1))
                .andExpect(jsonPath("$.rates[0].amount").value(10_000));
    }

    @Test
    void searchAppliesEachFilter() throws Exception {
        String tag = "tag" + UUID.randomUUID().toString().substring(0, 8);
        UUID big = seeded(tag, "Big Traveller", 900_000, "2.5", "4.8", true, "available");
        UUID mid = seeded(tag, "Mid Cook", 120_000, "6.0", "4.1", false, "busy");
        UUID small = seeded(tag, "Small Hiker", 8_000, "9.5", "3.0", false, "available");
        Account marketer = marketer();

        assertThat(ids(search(marketer, "categories", tag))).containsExactly(big.toString(), mid.toString(), small.toString());
        assertThat(ids(search(marketer, "categories", tag + ",travel", "categoryMatch", "all"))).hasSize(3);
        assertThat(ids(search(marketer, "categories", tag + ",nosuchcategory", "categoryMatch", "all"))).isEmpty();
        assertThat(ids(search(marketer, "categories", tag, "minFollowers", "10000", "maxFollowers", "500000")))
                .containsExactly(mid.toString());
        assertThat(ids(search(marketer, "categories", tag, "minEngagementRate", "5"))).containsExactly(mid.toString(), small.toString());
        assertThat(ids(search(marketer, "categories", tag, "minAvgViews", "50000"))).containsExactly(big.toString());
        assertThat(ids(search(marketer, "categories", tag, "verified", "true"))).containsExactly(big.toString());
        assertThat(ids(search(marketer, "categories", tag, "availability", "busy"))).containsExactly(mid.toString());
        assertThat(ids(search(marketer, "categories", tag, "languages", "pt", "country", "PT", "location", "lisbon"))).hasSize(3);
        assertThat(ids(search(marketer, "categories", tag, "languages", "fr"))).isEmpty();
        assertThat(ids(search(marketer, "categories", tag, "q", "cook"))).containsExactly(mid.toString());
        // User text is matched literally: a % is not a wildcard.
        assertThat(ids(search(marketer, "categories", tag, "q", "%%%"))).isEmpty();

        // Platform and per-platform metrics with their age.
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO social_accounts (user_id, platform, username, followers, engagement_rate, avg_views, last_synced_at)
                VALUES (:id, 'tiktok', 'smallhiker', 8000, 9.5, 3000, now() - interval '1 day')""").bind("id", small).execute());
        JsonNode onTiktok = search(marketer, "categories", tag, "platform", "tiktok");
        assertThat(ids(onTiktok)).containsExactly(small.toString());
        JsonNode account = onTiktok.get("items").get(0).get("socialAccounts").get(0);
        assertThat(account.get("platform").asString()).isEqualTo("tiktok");
        assertThat(account.get("followers").asLong()).isEqualTo(8000);
        assertThat(account.get("asOf").isNull()).isFalse();
        assertThat(onTiktok.get("items").get(0).get("metricsAsOf").isNull()).isFalse();
        // The page and its accounts come in one statement: every account, in platform order, and
        // none for an influencer without any.
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO social_accounts (user_id, platform, username, followers, engagement_rate, avg_views)
                VALUES (:id, 'youtube', 'smallhikertube', 500, 1.5, 200)""").bind("id", small).execute());
        JsonNode everyone = search(marketer, "categories", tag);
        assertThat(everyone.get("items").get(0).get("socialAccounts")).isEmpty();
        assertThat(everyone.get("items").get(2).get("socialAccounts").findValuesAsString("platform"))
                .containsExactly("tiktok", "youtube");

        // Price per content type, in one currency.
        Account midAccount = new Account(mid, null, null, null);
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO content_rates (influencer_id, platform, content_type, rate_amount, currency) VALUES (?, 'instagram', 'reel', 40000, 'EUR')", mid);
            h.execute("INSERT INTO content_rates (influencer_id, platform, content_type, rate_amount, currency) VALUES (?, 'instagram', 'reel', 90000, 'EUR')", big);
            h.execute("INSERT INTO content_rates (influencer_id, platform, content_type, rate_amount, currency) VALUES (?, 'tiktok', 'reel', 30000, 'USD')", small);
        });
        assertThat(midAccount.id()).isEqualTo(mid);
        assertThat(ids(search(marketer, "categories", tag, "contentType", "reel", "minRate", "10000", "maxRate", "50000", "currency", "EUR")))
                .containsExactly(mid.toString());
        assertThat(ids(search(marketer, "categories", tag, "contentType", "reel"))).hasSize(3);
        assertThat(ids(search(marketer, "categories", tag, "contentType", "reel", "platform", "instagram", "maxRate", "100000", "currency", "EUR")))
                .isEmpty();   // nobody in the tag is connected on instagram
        assertThat(ids(search(marketer, "categories", tag, "contentType", "story"))).isEmpty();
    }

    @Test
    void searchSortsAndKeysetPagesThroughTiesWithoutGapsOrRepeats() throws Exception {
        String tag = "tag" + UUID.randomUUID().toString().substring(0, 8);
        List<UUID> seeded = new ArrayList<>();
        // Five share one engagement rate: the id must break the tie across page boundaries.
        seeded.add(seeded(tag, "A", 10, "7.5000", "1", false, "available"));
        for (int i = 0; i < 5; i++) {
            seeded.add(seeded(tag, "Tie " + i, 10 + i, "5.2500", "2", false, "available"));
        }
        seeded.add(seeded(tag, "Z", 10, "1.0000", "5", false, "available"));
        Account marketer = marketer();

        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            JsonNode page = after == null
                    ? search(marketer, "categories", tag, "sort", "engagement", "limit", "2")
                    : search(marketer, "categories", tag, "sort", "engagement", "limit", "2", "after", after);
            seen.addAll(ids(page));
            after = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            pages++;
        } while (after != null);
        assertThat(pages).isEqualTo(4);
        // PostgreSQL orders uuids by their bytes, as their lower-case text sorts (java.util.UUID does not).
        List<String> ties = seeded.subList(1, 6).stream().map(UUID::toString).sorted(Comparator.reverseOrder()).toList();
        List<String> expected = new ArrayList<>();
        expected.add(seeded.get(0).toString());
        expected.addAll(ties);
        expected.add(seeded.get(6).toString());
        assertThat(seen).containsExactlyElementsOf(expected);

        assertThat(ids(search(marketer, "categories", tag, "sort", "rating")).get(0)).isEqualTo(seeded.get(6).toString());
        assertThat(ids(search(marketer, "categories", tag, "sort", "followers")).get(0)).isEqualTo(seeded.get(5).toString());
    }

    @Test
    void invalidSearchParametersAreRefusedNamingTheParameter() throws Exception {
        Account marketer = marketer();
        String[][] cases = {
                {"sort", "newest", "sort"},
                {"categoryMatch", "most", "categoryMatch"},
                {"minFollowers", "abc", "minFollowers"},
                {"minFollowers", "-1", "minFollowers"},
                {"q", "ab", "q"},
                {"platform", "myspace", "platform"},
                {"availability", "soon", "availability"},
                {"country", "Portugal", "country"},
                {"minEngagementRate", "101", "minEngagementRate"},
                {"contentType", "podcast", "contentType"},
                {"verified", "maybe", "verified"},
                {"limit", "0", "limit"},
                {"after", "garbage", "after"},
        };
        for (String[] c : cases) {
            mvc.perform(searchRequest(marketer, c[0], c[1]))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value(c[2]));
        }
        mvc.perform(searchRequest(marketer, "minFollowers", "100", "maxFollowers", "10"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("maxFollowers"));
        mvc.perform(searchRequest(marketer, "contentType", "reel", "minRate", "100"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("currency"));
        mvc.perform(searchRequest(marketer, "minRate", "100", "currency", "EUR"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("contentType"));

        // A cursor of a page sorted by followers does not continue a page sorted by rating.
        String tag = "tag" + UUID.randomUUID().toString().substring(0, 8);
        seeded(tag, "One", 1, "1", "1", false, "available");
        seeded(tag, "Two", 2, "1", "1", false, "available");
        String cursor = search(marketer, "categories", tag, "limit", "1").get("nextCursor").asString();
        mvc.perform(searchRequest(marketer, "categories", tag, "sort", "rating", "after", cursor))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("after"))
                .andExpect(jsonPath("$.detail").value(containsString("followers")));
    }

    @Test
    void whoMaySearchReadAndEdit() throws Exception {
        Account influencer = influencer();
        Account marketer = marketer();
        mvc.perform(get("/api/influencers")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/influencers/" + influencer.id())).andExpect(status().isUnauthorized());
        mvc.perform(put("/api/influencers/profile").contentType(MediaType.APPLICATION_JSON).content(json(profile("x", "a"))))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/influencers").header("Authorization", influencer.bearer()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/influencers").header("Authorization", marketer.bearer())).andExpect(status().isOk());
        mvc.perform(get("/api/influencers").header("Authorization", staff("admin").bearer())).andExpect(status().isOk());
        putProfile(marketer, profile("Not an influencer", "a")).andExpect(status().isForbidden());
        postRates(marketer, List.of(rate("instagram", "reel", 1, "USD"))).andExpect(status().isForbidden());
        // A marketer's id, or no user at all, is not an influencer.
        mvc.perform(get("/api/influencers/" + marketer.id()).header("Authorization", marketer.bearer()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/influencers/" + UUID.randomUUID()).header("Authorization", marketer.bearer()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/influencers/not-a-uuid").header("Authorization", marketer.bearer()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }
}
