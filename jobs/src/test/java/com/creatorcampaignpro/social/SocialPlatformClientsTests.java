package com.creatorcampaignpro.social;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each adapter against a MockWebServer answering in the platform's real format: what we send (paths,
 * parameter names, authentication) and how each failure shape maps onto the port's exceptions.
 */
class SocialPlatformClientsTests {
    private static final String SECRET = "s3cret-client-secret";

    private MockWebServer server;
    private OkHttpClient http;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        http = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(500)).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** One attempt per call: these tests map single answers; retries are tested against the fakes. */
    private SocialPlatformClient client(Platform platform) {
        return client(platform, "instagram");
    }

    private SocialPlatformClient client(Platform platform, String instagramLogin) {
        String base = server.url("/").toString().replaceAll("/$", "");
        SocialProperties.Limits once = SocialProperties.Limits.DEFAULTS.withRetries(1, Duration.ofMillis(1), Duration.ofMillis(1));
        return SocialClientsConfiguration.create(platform,
                SocialProperties.Provider.of(base, null, "v23.0", "client-1", SECRET).withLogin(instagramLogin).withLimits(once),
                http, Duration.ofSeconds(60));
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
    }

    private RecordedRequest take() throws InterruptedException {
        return server.takeRequest(5, TimeUnit.SECONDS);
    }

    @Test
    void youtubeExchangesTheCodeAtGooglesTokenEndpoint() throws Exception {
        server.enqueue(json(200, "{\"access_token\":\"ya29.a0\",\"expires_in\":3599,\"refresh_token\":\"1//0g\","
                + "\"scope\":\"https://www.googleapis.com/auth/youtube.readonly\",\"token_type\":\"Bearer\"}"));

        OAuthTokens tokens = client(Platform.YOUTUBE).exchangeCode("4/0Ab", "https://app.example/cb", "verifier-123");

        RecordedRequest request = take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/token");
        assertThat(request.getBody().utf8()).isEqualTo("code=4%2F0Ab&client_id=client-1&client_secret=" + SECRET
                + "&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&grant_type=authorization_code&code_verifier=verifier-123");
        assertThat(tokens.accessToken()).isEqualTo("ya29.a0");
        assertThat(tokens.refreshToken()).isEqualTo("1//0g");
        assertThat(tokens.expiresAt()).isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3600));
        assertThat(tokens.toString()).doesNotContain("ya29").doesNotContain("1//0g");
    }

    @Test
    void youtubeReadsTheChannelsStringCounters() throws Exception {
        server.enqueue(json(200, """
                {"kind":"youtube#channelListResponse","items":[{"id":"UC123","snippet":{"title":"Cook","customUrl":"@cook"},
                "statistics":{"viewCount":"1000000","subscriberCount":"52000","hiddenSubscriberCount":false,"videoCount":"200"}}]}"""));

        SocialProfile profile = client(Platform.YOUTUBE).fetchProfile("ya29.a0");

        RecordedRequest request = take();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/youtube/v3/channels");
        assertThat(request.getUrl().queryParameter("part")).isEqualTo("snippet,statistics,contentDetails");
        assertThat(request.getUrl().queryParameter("mine")).isEqualTo("true");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer ya29.a0");
        assertThat(profile).extracting(SocialProfile::platformUserId, SocialProfile::username, SocialProfile::followers,
                        SocialProfile::posts, SocialProfile::avgViews, SocialProfile::profileUrl)
                .containsExactly("UC123", "@cook", 52_000L, 200L, 0L, "https://www.youtube.com/@cook");   // no uploads playlist: no media
    }

    @Test
    void youtubeWithoutAChannelHasNoProfile() {
        server.enqueue(json(200, "{\"kind\":\"youtube#channelListResponse\",\"pageInfo\":{\"totalResults\":0},\"items\":[]}"));

        assertThatThrownBy(() -> client(Platform.YOUTUBE).fetchProfile("t")).isInstanceOf(ProfileUnavailableException.class);
    }

    @Test
    void tiktokUsesClientKeyAndTheTrailingSlashPath() throws Exception {
        server.enqueue(json(200, "{\"access_token\":\"act.1\",\"expires_in\":86400,\"open_id\":\"o-1\",\"refresh_expires_in\":31536000,"
                + "\"refresh_token\":\"rft.1\",\"scope\":\"user.info.basic\",\"token_type\":\"Bearer\"}"));
        server.enqueue(json(200, "{\"access_token\":\"act.2\",\"expires_in\":86400,\"open_id\":\"o-1\",\"refresh_expires_in\":31536000,"
                + "\"refresh_token\":\"rft.2\",\"scope\":\"user.info.basic\",\"token_type\":\"Bearer\"}"));
        SocialPlatformClient tiktok = client(Platform.TIKTOK);

        OAuthTokens first = tiktok.exchangeCode("c1", "https://app.example/cb", null);
        OAuthTokens second = tiktok.refresh(first);

        RecordedRequest exchange = take();
        assertThat(exchange.getUrl().encodedPath()).isEqualTo("/v2/oauth/token/");
        assertThat(exchange.getBody().utf8()).startsWith("client_key=client-1&client_secret=" + SECRET + "&code=c1&grant_type=authorization_code")
                .doesNotContain("code_verifier");
        assertThat(take().getBody().utf8()).contains("grant_type=refresh_token").contains("refresh_token=rft.1");
        assertThat(second.refreshToken()).isEqualTo("rft.2");
    }

    @Test
    void xSendsBasicClientCredentialsAndThePkceVerifier() throws Exception {
        server.enqueue(json(200, "{\"token_type\":\"bearer\",\"expires_in\":7200,\"access_token\":\"x-at\","
                + "\"scope\":\"tweet.read users.read offline.access\",\"refresh_token\":\"x-rt\"}"));
        server.enqueue(json(200, "{\"data\":{\"id\":\"2244994945\",\"name\":\"Dev\",\"username\":\"XDevelopers\","
                + "\"public_metrics\":{\"followers_count\":583423,\"following_count\":2048,\"tweet_count\":14052,\"listed_count\":1672}}}"));
        server.enqueue(json(200, "{\"meta\":{\"result_count\":0}}"));
        SocialPlatformClient x = client(Platform.TWITTER);

        OAuthTokens tokens = x.exchangeCode("VGNibzFWSWREZm01bjN1N3dicWlNUG1oa2xRRVNNdmVHelJGY2hPWGxNd2dxOjE2MjIx", "https://app.example/cb", "challenge-verifier");
        SocialProfile profile = x.fetchProfile(tokens.accessToken());

        RecordedRequest token = take();
        assertThat(token.getUrl().encodedPath()).isEqualTo("/2/oauth2/token");
        assertThat(token.getHeaders().get("Authorization")).isEqualTo(okhttp3.Credentials.basic("client-1", SECRET));
        assertThat(token.getBody().utf8()).contains("code_verifier=challenge-verifier").contains("client_id=client-1");
        RecordedRequest me = take();
        assertThat(me.getUrl().encodedPath()).isEqualTo("/2/users/me");
        assertThat(me.getUrl().queryParameter("user.fields")).contains("public_metrics");
        assertThat(profile.followers()).isEqualTo(583_423);
        assertThat(profile.profileUrl()).isEqualTo("https://x.com/XDevelopers");
    }

    @Test
    void instagramWithFacebookLoginTradesTheCodeForALongLivedTokenAndReadsTheBusinessAccount() throws Exception {
        server.enqueue(json(200, "{\"access_token\":\"EAA-short\",\"token_type\":\"bearer\",\"expires_in\":3600}"));
        server.enqueue(json(200, "{\"access_token\":\"EAA-long\",\"token_type\":\"bearer\",\"expires_in\":5184000}"));
        server.enqueue(json(200, "{\"data\":[{\"id\":\"page-1\"},{\"instagram_business_account\":{\"id\":\"17841\",\"username\":\"chef\","
                + "\"followers_count\":1000,\"follows_count\":10,\"media_count\":50},\"id\":\"page-2\"}]}"));
        server.enqueue(json(200, "{\"data\":[{\"id\":\"m1\",\"media_type\":\"IMAGE\",\"media_product_type\":\"FEED\",\"timestamp\":\"2026-11-30T10:00:00+0000\","
                + "\"like_count\":30,\"comments_count\":10},{\"id\":\"m2\",\"media_type\":\"CAROUSEL_ALBUM\",\"media_product_type\":\"FEED\","
                + "\"timestamp\":\"2026-11-29T10:00:00+0000\",\"like_count\":50,\"comments_count\":10}]}"));
        SocialPlatformClient instagram = client(Platform.INSTAGRAM, "facebook");

        OAuthTokens tokens = instagram.exchangeCode("AQD", "https://app.example/cb", null);
        SocialProfile profile = instagram.fetchProfile(tokens.accessToken());

        RecordedRequest code = take();
        assertThat(code.getUrl().encodedPath()).isEqualTo("/v23.0/oauth/access_token");
        assertThat(code.getUrl().queryParameter("code")).isEqualTo("AQD");
        assertThat(code.getUrl().queryParameter("redirect_uri")).isEqualTo("https://app.example/cb");
        RecordedRequest exchange = take();
        assertThat(exchange.getUrl().queryParameter("grant_type")).isEqualTo("fb_exchange_token");
        assertThat(exchange.getUrl().queryParameter("fb_exchange_token")).isEqualTo("EAA-short");
        assertThat(tokens.accessToken()).isEqualTo("EAA-long");
        assertThat(take().getUrl().encodedPath()).isEqualTo("/v23.0/me/accounts");
        assertThat(take().getUrl().encodedPath()).isEqualTo("/v23.0/17841/media");
        assertThat(profile.username()).isEqualTo("chef");
        assertThat(profile.engagementRate()).isEqualByComparingTo("5.0");   // (100 / 2 media) / 1000 followers
    }

    @Test
    void aRefusedCodeIsTokenRevokedOnEveryPlatform() {
        server.enqueue(json(400, "{\"error\":{\"message\":\"This authorization code has been used.\",\"type\":\"OAuthException\",\"code\":100,\"error_subcode\":36009,\"fbtrace_id\":\"A\"}}"));
        server.enqueue(json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Bad Request\"}"));
        server.enqueue(json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Authorization code is expired.\",\"log_id\":\"1\"}"));
        server.enqueue(json(400, "{\"error\":\"invalid_request\",\"error_description\":\"Value passed for the authorization code was invalid.\"}"));

        assertThatThrownBy(() -> client(Platform.INSTAGRAM, "facebook").exchangeCode("used", "https://a/cb", null)).isInstanceOf(TokenRevokedException.class);
        assertThatThrownBy(() -> client(Platform.YOUTUBE).exchangeCode("bad", "https://a/cb", null)).isInstanceOf(TokenRevokedException.class);
        assertThatThrownBy(() -> client(Platform.TIKTOK).exchangeCode("old", "https://a/cb", null)).isInstanceOf(TokenRevokedException.class);
        assertThatThrownBy(() -> client(Platform.TWITTER).exchangeCode("bad", "https://a/cb", "v")).isInstanceOf(TokenRevokedException.class)
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void revokedTokensOnProfileReadsAreRecognisedInEachErrorShape() {
        server.enqueue(json(400, "{\"error\":{\"message\":\"Error validating access token\",\"type\":\"OAuthException\",\"code\":190,\"fbtrace_id\":\"A\"}}"));
        server.enqueue(json(401, "{\"error\":{\"code\":401,\"message\":\"Invalid Credentials\",\"errors\":[{\"reason\":\"authError\"}],\"status\":\"UNAUTHENTICATED\"}}"));
        server.enqueue(json(401, "{\"data\":{},\"error\":{\"code\":\"access_token_invalid\",\"message\":\"invalid\",\"log_id\":\"1\"}}"));
        server.enqueue(json(401, "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}"));

        for (Platform platform : Platform.values()) {
            assertThatThrownBy(() -> client(platform).fetchProfile("dead")).isInstanceOf(TokenRevokedException.class)
                    .extracting(e -> ((TokenRevokedException) e).platform()).isEqualTo(platform);
        }
    }

    @Test
    void rateLimitsCarryTheWaitThePlatformAskedFor() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "42").body("").build());
        long reset = Instant.now().plusSeconds(120).getEpochSecond();
        server.enqueue(new MockResponse.Builder().code(429).addHeader("x-rate-limit-reset", Long.toString(reset))
                .body("{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}").build());
        server.enqueue(json(403, "{\"error\":{\"code\":403,\"message\":\"quota\",\"errors\":[{\"reason\":\"quotaExceeded\",\"domain\":\"youtube.quota\"}],\"status\":\"PERMISSION_DENIED\"}}"));
        server.enqueue(json(400, "{\"error\":{\"message\":\"Application request limit reached\",\"type\":\"OAuthException\",\"code\":4}}"));

        assertThatThrownBy(() -> client(Platform.TIKTOK).fetchProfile("t")).isInstanceOfSatisfying(ProviderRateLimitedException.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(42)));
        assertThatThrownBy(() -> client(Platform.TWITTER).fetchProfile("t")).isInstanceOfSatisfying(ProviderRateLimitedException.class,
                e -> assertThat(e.retryAfter()).isBetween(Duration.ofSeconds(100), Duration.ofSeconds(120)));
        assertThatThrownBy(() -> client(Platform.YOUTUBE).fetchProfile("t")).isInstanceOfSatisfying(ProviderRateLimitedException.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(60)));
        assertThatThrownBy(() -> client(Platform.INSTAGRAM).fetchProfile("t")).isInstanceOf(ProviderRateLimitedException.class);
    }

    @Test
    void serverErrorsAndTimeoutsAreTransientAndGarbageIsUnreadable() {
        server.enqueue(json(503, "{\"error\":{\"code\":503,\"message\":\"backend error\",\"status\":\"UNAVAILABLE\"}}"));
        server.enqueue(new MockResponse.Builder().code(200).headersDelay(2, TimeUnit.SECONDS).body("{}").build());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html").body("<html>maintenance</html>").build());
        server.enqueue(json(200, "{\"data\":{\"user\":{\"display_name\":\"no id\"}},\"error\":{\"code\":\"ok\"}}"));
        server.enqueue(json(200, "{\"data\":{\"id\":\"1\",\"username\":\"u\",\"public_metrics\":{\"followers_count\":\"lots\"}}}"));

        assertThatThrownBy(() -> client(Platform.YOUTUBE).fetchProfile("t")).isInstanceOf(TransientProviderException.class);
        assertThatThrownBy(() -> client(Platform.YOUTUBE).fetchProfile("t")).isInstanceOf(TransientProviderException.class);
        assertThatThrownBy(() -> client(Platform.TIKTOK).fetchProfile("t")).isInstanceOf(UnreadableResponseException.class);
        assertThatThrownBy(() -> client(Platform.TIKTOK).fetchProfile("t")).isInstanceOf(UnreadableResponseException.class);
        assertThatThrownBy(() -> client(Platform.TWITTER).fetchProfile("t")).isInstanceOf(UnreadableResponseException.class);
    }

    @Test
    void aClientWithoutCredentialsIsNotConfigured() {
        SocialPlatformClients clients = new SocialClientsConfiguration().socialPlatformClients(new SocialProperties(null,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(5),
                SocialProperties.Provider.of("https://graph.instagram.com", null, "v23.0", "id", "secret"),
                SocialProperties.Provider.of("https://www.googleapis.com", null, null, "", ""),
                null, null), new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(
                        io.micrometer.core.instrument.MeterRegistry.class), new SocialCallStats());

        assertThat(clients.isConfigured(Platform.INSTAGRAM)).isTrue();
        assertThatThrownBy(() -> clients.client(Platform.YOUTUBE)).isInstanceOf(PlatformNotConfiguredException.class);
    }
}
