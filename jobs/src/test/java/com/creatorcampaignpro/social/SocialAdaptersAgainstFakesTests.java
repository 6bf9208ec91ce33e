package com.creatorcampaignpro.social;

import com.creatorcampaignpro.fakes.social.FakeSocialPlatform;
import com.creatorcampaignpro.fakes.social.FakeSocialPlatform.Fault;
import com.creatorcampaignpro.fakes.social.FakeSocialPlatform.Kind;
import com.creatorcampaignpro.fakes.social.FakeSocialPlatform.Profile;
import com.creatorcampaignpro.monitoring.SocialApiMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The four adapters against the stateful platform fakes (real paths, parameters, shapes and errors),
 * with the resilience mechanics switched on: what the fake sees is what is asserted.
 */
class SocialAdaptersAgainstFakesTests {
    private static final String REDIRECT = "https://app.example/cb";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private final List<FakeSocialPlatform> fakes = new ArrayList<>();
    private final OkHttpClient http = SocialClientsConfiguration.httpClient(Duration.ofSeconds(1), Duration.ofMillis(400));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void stop() {
        fakes.forEach(FakeSocialPlatform::close);
    }

    private FakeSocialPlatform fake(Platform platform) {
        FakeSocialPlatform fake = new FakeSocialPlatform(Kind.valueOf(platform.name()));
        fake.timeoutDelay(Duration.ofSeconds(2));
        fakes.add(fake);
        return fake;
    }

    private static SocialProperties.Limits fastRetries() {
        return SocialProperties.Limits.DEFAULTS.withRetries(4, Duration.ofMillis(5), Duration.ofMillis(20));
    }

    private SocialPlatformClient client(Platform platform, FakeSocialPlatform fake, SocialProperties.Limits limits) {
        SocialProperties.Provider config = SocialProperties.Provider.of(fake.baseUrl(), fake.baseUrl(), "v23.0",
                FakeSocialPlatform.CLIENT_ID, FakeSocialPlatform.CLIENT_SECRET).withLimits(limits);
        return SocialClientsConfiguration.create(platform, config, http, Duration.ofSeconds(60), meters);
    }

    private static Profile profile(String name) {
        return new Profile(name + "-" + UUID.randomUUID().toString().substring(0, 8), name, 10_000, 150, 40, 2_000, 80_000);
    }

    private static OAuthTokens connect(SocialPlatformClient client, FakeSocialPlatform fake, Profile p) {
        String verifier = client.platform() == Platform.TWITTER ? VERIFIER : null;
        return client.exchangeCode(fake.issueCode(p, REDIRECT, verifier), REDIRECT, verifier);
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void connectsAndReadsTheProfileAndTwentyRecentMediaWithTheirMetrics(Platform platform) {
        FakeSocialPlatform fake = fake(platform);
        SocialPlatformClient client = client(platform, fake, fastRetries());
        Profile p = profile("creator");

        AccountSnapshot snapshot = client.fetchAccount(connect(client, fake, p).accessToken(), EngagementFormula.SAMPLE);

        assertThat(snapshot.profile().platformUserId()).isEqualTo(p.id());
        assertThat(snapshot.profile().followers()).isEqualTo(10_000);
        assertThat(snapshot.profile().posts()).isEqualTo(40);
        List<FakeSocialPlatform.Post> served = fake.mediaOf(p);
        assertThat(snapshot.media()).extracting(MediaItem::platformMediaId)
                .containsExactlyElementsOf(served.stream().map(FakeSocialPlatform.Post::id).toList());
        MediaItem newest = snapshot.media().get(0);
        assertThat(newest.postedAt()).isEqualTo(served.get(0).postedAt());
        assertThat(newest.likes()).isEqualTo(served.get(0).likes());
        assertThat(newest.comments()).isEqualTo(served.get(0).comments());
        assertThat(newest.views()).isEqualTo(served.get(0).views());
        assertThat(newest.permalink()).isNotBlank();
        AccountMetrics metrics = snapshot.metrics();
        assertThat(metrics.formula()).isEqualTo(EngagementFormula.of(platform).id());
        assertThat(metrics.engagementSample()).isEqualTo(20);
        assertThat(metrics.avgViews()).isEqualTo(4_000L);                   // 80,000 views over the 20 posts
        assertThat(metrics.windowEnd()).isEqualTo(served.get(0).postedAt());
        assertThat(metrics.windowStart()).isEqualTo(served.get(19).postedAt());
        // Likes 100 a post, comments 10, shares 5: by followers (IG, X) per post over 10,000; by views over 4,000 a post.
        String expected = switch (platform) {
            case INSTAGRAM -> "1.1000";   // (100 + 10) / 10,000
            case TWITTER -> "1.1500";     // (100 + 10 + 5 reposts) / 10,000
            case YOUTUBE -> "2.7500";     // (100 + 10) / 4,000
            case TIKTOK -> "2.8750";      // (100 + 10 + 5) / 4,000
        };
        assertThat(metrics.engagementRate()).isEqualByComparingTo(expected);
        assertThat(snapshot.profile().engagementRate()).isEqualByComparingTo(expected);
        if (platform == Platform.INSTAGRAM) {
            assertThat(newest.reach()).isEqualTo(served.get(0).reach());
            assertThat(newest.saves()).isEqualTo(served.get(0).saves());
            assertThat(newest.contentType()).isEqualTo("reel");
        }
    }

    @Test
    void instagramLoginExchangesTheCodeThenTradesForALongLivedTokenAndRefreshesIt() {
        FakeSocialPlatform fake = fake(Platform.INSTAGRAM);
        SocialPlatformClient client = client(Platform.INSTAGRAM, fake, fastRetries());
        Profile p = profile("ig");

        OAuthTokens tokens = connect(client, fake, p);
        OAuthTokens refreshed = client.refresh(tokens);

        assertThat(tokens.refreshToken()).isNull();                          // the long-lived token refreshes itself
        assertThat(tokens.expiresAt()).isAfter(java.time.Instant.now().plus(Duration.ofDays(59)));
        assertThat(refreshed.accessToken()).isNotEqualTo(tokens.accessToken());
        assertThat(client.fetchProfile(refreshed.accessToken()).username()).isEqualTo("ig");
        assertThat(fake.tokenRequests()).isEqualTo(3);                       // code, ig_exchange_token, ig_refresh_token
        assertThatThrownBy(() -> client.exchangeCode("never-issued", REDIRECT, null)).isInstanceOf(TokenRevokedException.class);
    }

    @ParameterizedTest
    @EnumSource(value = Platform.class, names = {"TIKTOK", "TWITTER"})
    void rotatedRefreshTokensAreSingleUse(Platform platform) {
        FakeSocialPlatform fake = fake(platform);
        SocialPlatformClient client = client(platform, fake, fastRetries());
        OAuthTokens first = connect(client, fake, profile("rot"));

        OAuthTokens second = client.refresh(first);

        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThatThrownBy(() -> client.refresh(first)).isInstanceOf(TokenRevokedException.class);
        assertThat(client.refresh(second).accessToken()).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void transientFaultsAreRetriedUntilTheReadSucceeds(Platform platform) {
        FakeSocialPlatform fake = fake(platform);
        SocialPlatformClient client = client(platform, fake, fastRetries());
        Profile p = profile("flaky");
        OAuthTokens tokens = connect(client, fake, p);
        fake.failNext(1, Fault.SERVER_ERROR);
        fake.failNext(1, Fault.TIMEOUT);
        fake.retryAfterSeconds(1);
        fake.failNext(1, Fault.RATE_LIMITED);    // a 1 s Retry-After is waited out in place

        AccountSnapshot snapshot = client.fetchAccount(tokens.accessToken(), 20);

        assertThat(snapshot.profile().followers()).isEqualTo(10_000);
        assertThat(meters.counter("ccp.social.retries", "platform", platform.dbValue()).count()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void aLongRetryAfterEndsTheCallWithTheWaitAndNoFurtherRequest(Platform platform) {
        FakeSocialPlatform fake = fake(platform);
        SocialPlatformClient client = client(platform, fake, fastRetries());
        OAuthTokens tokens = connect(client, fake, profile("busy"));
        fake.retryAfterSeconds(30);
        fake.failNext(1, Fault.RATE_LIMITED);

        assertThatThrownBy(() -> client.fetchAccount(tokens.accessToken(), 20))
                .isInstanceOfSatisfying(ProviderRateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isBetween(Duration.ofSeconds(28), Duration.ofSeconds(30)));
        assertThat(fake.dataRequests()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void aMalformedBodyIsUnreadableAndNotRetried(Platform platform) {
        FakeSocialPlatform fake = fake(platform);
        SocialPlatformClient client = client(platform, fake, fastRetries());
        OAuthTokens tokens = connect(client, fake, profile("garbled"));
        fake.failNext(1, Fault.MALFORMED);

        assertThatThrownBy(() -> client.fetchAccount(tokens.accessToken(), 20)).isInstanceOf(UnreadableResponseException.class);
        assertThat(fake.dataRequests()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void aRevokedTokenIsRecognisedInEachPlatformsErrorShape(Platform platform) {
        FakeSocialPlatform fake = fake(platform);
        SocialPlatformClient client = client(platform, fake, fastRetries());
        Profile p = profile("gone");
        OAuthTokens tokens = connect(client, fake, p);
        fake.revokeAll(p);

        assertThatThrownBy(() -> client.fetchAccount(tokens.accessToken(), 20)).isInstanceOf(TokenRevokedException.class);
        if (tokens.refreshToken() != null || platform == Platform.INSTAGRAM) {
            assertThatThrownBy(() -> client.refresh(tokens)).isInstanceOf(TokenRevokedException.class);
        }
    }

    @Test
    void theFakeNeverSeesMoreRequestsPerSecondThanTheLimitFromManyThreads() throws Exception {
        FakeSocialPlatform fake = fake(Platform.TIKTOK);
        // A 2-core machine shared by several builds delays requests unevenly on their way to the fake:
        // a generous jitter allowance keeps what the fake measures about the limiter, not the machine.
        SocialPlatformClient client = client(Platform.TIKTOK, fake, fastRetries().withRequestsPerSecond(20).withMaxConcurrent(8)
                .withJitterAllowance(Duration.ofMillis(500)));
        List<OAuthTokens> accounts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            accounts.add(connect(client, fake, profile("rate" + i)));
        }
        fake.resetCounters();
        long waitsBefore = meters.timer("ccp.social.ratelimit.waits", "platform", "tiktok").count();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<AccountSnapshot>> reads = new ArrayList<>();
            for (OAuthTokens tokens : accounts) {
                reads.add(pool.submit(() -> client.fetchAccount(tokens.accessToken(), 20)));
            }
            for (Future<AccountSnapshot> read : reads) {
                assertThat(read.get().media()).hasSize(20);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(fake.dataRequests()).isEqualTo(60);                       // user/info + video/list each
        assertThat(fake.maxDataRequestsWithin(Duration.ofSeconds(1))).isLessThanOrEqualTo(20);
        assertThat(meters.timer("ccp.social.ratelimit.waits", "platform", "tiktok").count() - waitsBefore).isEqualTo(60);
    }

    @Test
    void aPlatformThatKeepsFailingOpensItsCircuitAndIsNoLongerCalled() {
        FakeSocialPlatform fake = fake(Platform.YOUTUBE);
        SocialPlatformClient client = client(Platform.YOUTUBE, fake,
                fastRetries().withRetries(1, Duration.ofMillis(1), Duration.ofMillis(1)).withCircuit(100, 4, Duration.ofMinutes(1)));
        OAuthTokens tokens = connect(client, fake, profile("down"));
        fake.injectFaults(1.0, 7, Fault.SERVER_ERROR);

        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> client.fetchAccount(tokens.accessToken(), 20)).isInstanceOf(TransientProviderException.class);
        }
        long seen = fake.dataRequests();
        assertThatThrownBy(() -> client.fetchAccount(tokens.accessToken(), 20)).isInstanceOf(PlatformUnavailableException.class);

        assertThat(fake.dataRequests()).isEqualTo(seen);
        assertThat(meters.counter("ccp.social.requests", "platform", "youtube", "outcome", "circuit_open").count()).isEqualTo(1);
    }

    @Test
    void everyHttpAttemptIsCountedWithItsOutcomeAndThePlatformsRemainingQuotaAndOurPermitsAreGauged() {
        // given: X with a per-second limit, whose answers carry x-rate-limit-remaining
        FakeSocialPlatform fake = fake(Platform.TWITTER);
        SocialPlatformClient client = client(Platform.TWITTER, fake, fastRetries().withRequestsPerSecond(50));
        OAuthTokens tokens = connect(client, fake, profile("counted"));
        fake.resetCounters();
        fake.failNext(1, Fault.SERVER_ERROR);

        // when: one read (users/me answered 500 once, then /2/users/me and the tweets)
        client.fetchAccount(tokens.accessToken(), 20);

        // then: three HTTP attempts reached the platform and each is counted with its outcome
        assertThat(fake.dataRequests()).isEqualTo(3);
        assertThat(meters.counter(SocialApiMetrics.REQUESTS, "platform", "twitter", "outcome", "ok").count())
                .isEqualTo(3);   // the code exchange and the two data answers
        assertThat(meters.counter(SocialApiMetrics.REQUESTS, "platform", "twitter", "outcome", "transient").count())
                .isEqualTo(1);
        assertThat(meters.counter(SocialApiMetrics.ERRORS, "platform", "twitter", "kind", "transient").count()).isEqualTo(1);
        // and: the remaining quota is the last one X reported; our own limiter's permits are a gauge too
        assertThat(meters.get(SocialApiMetrics.REMAINING).tag("platform", "twitter").gauge().value())
                .isEqualTo(FakeSocialPlatform.X_WINDOW_LIMIT - fake.xQuotaUsed());
        assertThat(meters.get(SocialApiMetrics.PERMITS).tag("platform", "twitter").gauge().value()).isBetween(-60.0, 1.0);
        assertThat(meters.get(SocialApiMetrics.PERMITS).tag("platform", "youtube").gauge().value()).isEqualTo(-1);
    }
}
