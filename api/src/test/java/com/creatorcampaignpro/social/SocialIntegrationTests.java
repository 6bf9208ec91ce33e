package com.creatorcampaignpro.social;

import com.creatorcampaignpro.db.testing.TestDatabase;
import com.creatorcampaignpro.testing.ProviderFakesIntegrationTest;
import com.creatorcampaignpro.fakes.social.FakeSocialPlatform;
import com.creatorcampaignpro.fakes.social.FakeSocialPlatform.Profile;
import mockwebserver3.MockResponse;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class SocialIntegrationTests extends ProviderFakesIntegrationTest {
    private static final String REDIRECT = "https://app.creatorcampaignpro.com/oauth/callback";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private final Jdbi jdbi = TestDatabase.shared().jdbi();

    private static Profile profile(String name, long followers) {
        return new Profile(name + "-" + UUID.randomUUID().toString().substring(0, 8), name, followers, 150, 40, 2_000, 80_000);
    }

    private ResultActions connect(Account who, String platform, String code, String verifier) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("redirectUri", REDIRECT);
        if (verifier != null) {
            body.put("codeVerifier", verifier);
        }
        return mvc.perform(post("/api/social/" + platform + "/connect").header("Authorization", who.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json(body)));
    }

    private ResultActions refresh(Account who, String platform) throws Exception {
        return mvc.perform(post("/api/social/" + platform + "/refresh").header("Authorization", who.bearer()));
    }

    private Map<String, Object> row(UUID userId, String platform) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM social_accounts WHERE user_id = :u AND platform = :p")
                .bind("u", userId).bind("p", platform).mapToMap().one());
    }

    private Map<String, Object> influencerProfile(UUID userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM influencer_profiles WHERE user_id = :u")
                .bind("u", userId).mapToMap().one());
    }

    @Test
    void connectsAllFourPlatformsStoresTokensEncryptedAndAggregatesTheProfile() throws Exception {
        Account influencer = influencer();
        Profile ig = profile("ig", 10_000);
        Profile yt = profile("yt", 20_000);
        Profile tt = profile("tt", 30_000);
        Profile x = profile("x", 40_000);

        connect(influencer, "instagram", INSTAGRAM.issueCode(ig, REDIRECT, null), null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("connected"))
                .andExpect(jsonPath("$.username").value("ig"))
                .andExpect(jsonPath("$.followers").value(10_000))
                .andExpect(jsonPath("$.posts").value(40))
                .andExpect(jsonPath("$.engagementRate").value(1.1))          // (100 likes + 10 comments) per post of 20 / 10,000 followers
                .andExpect(jsonPath("$.profileUrl").value("https://www.instagram.com/ig"))
                .andExpect(jsonPath("$.accessToken").doesNotExist());
        connect(influencer, "youtube", YOUTUBE.issueCode(yt, REDIRECT, null), null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.followers").value(20_000))
                .andExpect(jsonPath("$.avgViews").value(4_000))              // 80,000 views over the 20 recent uploads
                .andExpect(jsonPath("$.profileUrl").value("https://www.youtube.com/@yt"));
        connect(influencer, "tiktok", TIKTOK.issueCode(tt, REDIRECT, null), null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.platformUserId").value(tt.id()))
                .andExpect(jsonPath("$.following").value(150));
        connect(influencer, "twitter", TWITTER.issueCode(x, REDIRECT, VERIFIER), VERIFIER)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.username").value("x"))
                .andExpect(jsonPath("$.profileUrl").value("https://x.com/x"));

        mvc.perform(get("/api/social/accounts").header("Authorization", influencer.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(4));

        // Nothing readable in the database: no issued token appears in any stored byte string.
        List<String> issued = new java.util.ArrayList<>();
        for (FakeSocialPlatform fake : List.of(INSTAGRAM, YOUTUBE, TIKTOK, TWITTER)) {
            issued.addAll(fake.issuedTokens());
        }
        for (String platform : List.of("instagram", "youtube", "tiktok", "twitter")) {
            Map<String, Object> stored = row(influencer.id(), platform);
            byte[] access = (byte[]) stored.get("access_token_enc");
            assertThat(access).isNotNull();
            assertThat(access[0]).isEqualTo((byte) 1);
            String asText = new String(access, StandardCharsets.ISO_8859_1);
            issued.forEach(token -> assertThat(asText).doesNotContain(token));
        }
        String dump = jdbi.withHandle(h -> h.createQuery("SELECT string_agg(t::text, '|') FROM social_accounts t WHERE user_id = :u")
                .bind("u", influencer.id()).mapTo(String.class).one());
        issued.forEach(token -> assertThat(dump).doesNotContain(token));

        Map<String, Object> aggregates = influencerProfile(influencer.id());
        assertThat(aggregates.get("total_followers")).isEqualTo(100_000L);
        assertThat(aggregates.get("metrics_as_of")).isNotNull();
    }

    @Test
    void connectingAgainReplacesTheTokensOfTheSameAccount() throws Exception {
        Account influencer = influencer();
        Profile ig = profile("again", 1_000);
        connect(influencer, "instagram", INSTAGRAM.issueCode(ig, REDIRECT, null), null).andExpect(status().isCreated());
        byte[] first = (byte[]) row(influencer.id(), "instagram").get("access_token_enc");

        connect(influencer, "instagram", INSTAGRAM.issueCode(ig, REDIRECT, null), null).andExpect(status().isCreated());

        long rows = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM social_accounts WHERE user_id = :u")
                .bind("u", influencer.id()).mapTo(Long.class).one());
        assertThat(rows).isEqualTo(1);
        assertThat((byte[]) row(influencer.id(), "instagram").get("access_token_enc")).isNotEqualTo(first);
    }

    @Test
    void refusedCodesAndBadInputAre400sNamingTheField() throws Exception {
        Account influencer = influencer();
        connect(influencer, "youtube", "code-never-issued", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        connect(influencer, "twitter", "code-never-issued", VERIFIER)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        connect(influencer, "instagram", "code-never-issued", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        connect(influencer, "twitter", TWITTER.issueCode(profile("x", 1), REDIRECT, VERIFIER), null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("codeVerifier"));
        connect(influencer, "myspace", "c", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("platform"));
        mvc.perform(post("/api/social/tiktok/connect").header("Authorization", influencer.bearer())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"c\",\"redirectUri\":\"not a uri\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("redirectUri"));
        mvc.perform(post("/api/social/tiktok/connect").header("Authorization", influencer.bearer())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"redirectUri\":\"" + REDIRECT + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));

        long stored = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM social_accounts WHERE user_id = :u")
                .bind("u", influencer.id()).mapTo(Long.class).one());
        assertThat(stored).isZero();
    }

    @Test
    void onlyAuthenticatedInfluencersUseSocialEndpoints() throws Exception {
        mvc.perform(post("/api/social/instagram/connect").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        Account marketer = marketer();
        connect(marketer, "instagram", "c", null).andExpect(status().isForbidden());
        refresh(marketer, "instagram").andExpect(status().isForbidden());
        refresh(influencer(), "instagram").andExpect(status().isNotFound());
        mvc.perform(delete("/api/social/youtube/disconnect").header("Authorization", influencer().bearer()))
                .andExpect(status().isNotFound());
    }

    @Test
    void aProfileReadFailureAtConnectKeepsTheTokensAndRefreshRecovers() throws Exception {
        Account influencer = influencer();
        Profile tt = profile("flaky", 5_000);
        // More 503s than the client's attempts (ccp.social.*.limits.max-attempts, 4 by default).
        for (int attempt = 0; attempt < 4; attempt++) {
            TIKTOK.failNextProfileRead(FakeSocialPlatform.json(503, "{\"data\":{},\"error\":{\"code\":\"internal_error\",\"message\":\"busy\",\"log_id\":\"1\"}}"));
        }

        connect(influencer, "tiktok", TIKTOK.issueCode(tt, REDIRECT, null), null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("error"))
                .andExpect(jsonPath("$.syncError").value(org.hamcrest.Matchers.containsString("HTTP 503")));

        refresh(influencer, "tiktok")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("connected"))
                .andExpect(jsonPath("$.followers").value(5_000))
                .andExpect(jsonPath("$.syncError").doesNotExist());
    }

    @Test
    void refreshReadsNewNumbersAndRenewsAnExpiringToken() throws Exception {
        Account influencer = influencer();
        Profile yt = profile("grower", 1_000);
        YOUTUBE.expiresIn(60);    // inside the 5-minute refresh skew: the next refresh renews the token first
        try {
            connect(influencer, "youtube", YOUTUBE.issueCode(yt, REDIRECT, null), null).andExpect(status().isCreated());
        } finally {
            YOUTUBE.expiresIn(3600);
        }
        byte[] before = (byte[]) row(influencer.id(), "youtube").get("access_token_enc");
        byte[] refreshBefore = (byte[]) row(influencer.id(), "youtube").get("refresh_token_enc");
        YOUTUBE.updateProfile(new Profile(yt.id(), yt.username(), 2_500, 0, 50, 0, 100_000));

        refresh(influencer, "youtube")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.followers").value(2_500))
                .andExpect(jsonPath("$.avgViews").value(5_000));             // 100,000 views over the 20 recent uploads

        Map<String, Object> after = row(influencer.id(), "youtube");
        assertThat((byte[]) after.get("access_token_enc")).isNotEqualTo(before);
        assertThat(after.get("refresh_token_enc")).isNotNull();      // Google sent none: the old one is kept
        TokenCipher cipher = TokenCipher.withKey(TOKEN_KEY.getBytes(StandardCharsets.UTF_8));
        String aad = SocialAccountSync.aad(influencer.id(), Platform.YOUTUBE, "refresh");
        assertThat(cipher.decrypt((byte[]) after.get("refresh_token_enc"), aad)).isEqualTo(cipher.decrypt(refreshBefore, aad))
                .startsWith("youtube-refresh-");
        assertThat(influencerProfile(influencer.id()).get("total_followers")).isEqualTo(2_500L);
    }

    @Test
    void aRevokedTokenDisconnectsTheAccount() throws Exception {
        Account influencer = influencer();
        Profile x = profile("gone", 700);
        connect(influencer, "twitter", TWITTER.issueCode(x, REDIRECT, VERIFIER), VERIFIER).andExpect(status().isCreated());
        TWITTER.revokeAll(x);

        refresh(influencer, "twitter")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://creatorcampaignpro.com/problems/reconnect-required"));

        Map<String, Object> stored = row(influencer.id(), "twitter");
        assertThat(stored.get("status")).isEqualTo("disconnected");
        assertThat(stored.get("access_token_enc")).isNull();
        assertThat(influencerProfile(influencer.id()).get("total_followers")).isEqualTo(0L);
        refresh(influencer, "twitter").andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://creatorcampaignpro.com/problems/social-account-disconnected"));
    }

    @Test
    void aRateLimitedRefreshIs429WithRetryAfterAndChangesNothing() throws Exception {
        Account influencer = influencer();
        Profile ig = profile("busy", 3_000);
        connect(influencer, "instagram", INSTAGRAM.issueCode(ig, REDIRECT, null), null).andExpect(status().isCreated());
        INSTAGRAM.failNextProfileRead(new MockResponse.Builder().code(429).addHeader("Retry-After", "30")
                .addHeader("Content-Type", "application/json").body("{\"error\":{\"message\":\"Application request limit reached\",\"type\":\"OAuthException\",\"code\":4}}").build());

        refresh(influencer, "instagram")
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(jsonPath("$.platform").value("instagram"));
        assertThat(row(influencer.id(), "instagram").get("status")).isEqualTo("connected");

        // The cooldown holds for every caller: ten more refreshes inside the window reach no platform.
        int seen = INSTAGRAM.requestCount();
        for (int i = 0; i < 10; i++) {
            String retryAfter = refresh(influencer, "instagram")
                    .andExpect(status().isTooManyRequests())
                    .andReturn().getResponse().getHeader("Retry-After");
            assertThat(Long.parseLong(retryAfter)).isBetween(1L, 30L);
        }
        assertThat(INSTAGRAM.requestCount()).isEqualTo(seen);
        assertThat(row(influencer.id(), "instagram").get("rate_limited_until")).isNotNull();
    }

    @Test
    void a5xxOnRefreshIs502NamingThePlatformAndMarksTheAccount() throws Exception {
        Account influencer = influencer();
        Profile ig = profile("down", 3_000);
        connect(influencer, "instagram", INSTAGRAM.issueCode(ig, REDIRECT, null), null).andExpect(status().isCreated());
        for (int attempt = 0; attempt < 4; attempt++) {   // every attempt fails
            INSTAGRAM.failNextProfileRead(FakeSocialPlatform.json(500, "{\"error\":{\"message\":\"An unknown error has occurred.\",\"type\":\"OAuthException\",\"code\":1}}"));
        }

        refresh(influencer, "instagram")
                .andExpect(status().isBadGateway())
                .andExpect(jsonPath("$.platform").value("instagram"))
                .andExpect(jsonPath("$.type").value("https://creatorcampaignpro.com/problems/provider-unavailable"));
        Map<String, Object> stored = row(influencer.id(), "instagram");
        assertThat(stored.get("status")).isEqualTo("error");
        assertThat(stored.get("sync_failures")).isEqualTo(1);
        assertThat(influencerProfile(influencer.id()).get("total_followers")).isEqualTo(3_000L);
    }

    @Test
    void tokensThisServerCannotDecryptAskForAReconnect() throws Exception {
        Account influencer = influencer();
        Profile tt = profile("lostkey", 900);
        connect(influencer, "tiktok", TIKTOK.issueCode(tt, REDIRECT, null), null).andExpect(status().isCreated());
        // As if written by a process with another (development) key.
        byte[] foreign = TokenCipher.withKey("another-key-another-key-another-key!".getBytes(StandardCharsets.UTF_8))
                .encrypt("whatever", SocialAccountSync.aad(influencer.id(), Platform.TIKTOK, "access"));
        jdbi.useHandle(h -> h.createUpdate("UPDATE social_accounts SET access_token_enc = :v WHERE user_id = :u")
                .bind("v", foreign).bind("u", influencer.id()).execute());

        refresh(influencer, "tiktok")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://creatorcampaignpro.com/problems/reconnect-required"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("CCP_TOKEN_KEY")));
        Map<String, Object> stored = row(influencer.id(), "tiktok");
        assertThat(stored.get("status")).isEqualTo("disconnected");
        assertThat((String) stored.get("sync_error")).contains("connect the account again");

        // Connecting again heals it.
        connect(influencer, "tiktok", TIKTOK.issueCode(tt, REDIRECT, null), null)
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("connected"));
    }

    @Test
    void disconnectErasesTheTokensAndIsIdempotent() throws Exception {
        Account influencer = influencer();
        Profile ig = profile("leaver", 4_000);
        connect(influencer, "instagram", INSTAGRAM.issueCode(ig, REDIRECT, null), null).andExpect(status().isCreated());

        for (int i = 0; i < 2; i++) {
            mvc.perform(delete("/api/social/instagram/disconnect").header("Authorization", influencer.bearer()))
                    .andExpect(status().isNoContent());
        }
        Map<String, Object> stored = row(influencer.id(), "instagram");
        assertThat(stored.get("status")).isEqualTo("disconnected");
        assertThat(stored.get("access_token_enc")).isNull();
        assertThat(stored.get("refresh_token_enc")).isNull();
        JsonNode accounts = readJson(mvc.perform(get("/api/social/accounts").header("Authorization", influencer.bearer())));
        assertThat(accounts.get("items").get(0).get("status").asString()).isEqualTo("disconnected");
        assertThat(influencerProfile(influencer.id()).get("total_followers")).isEqualTo(0L);
    }
}
