package com.creatorcampaignpro.fakes.social;

import com.creatorcampaignpro.fakes.FakeHttp;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stateful local fake of one platform's token endpoint and data API, speaking the real paths,
 * parameter names, JSON shapes and error shapes, for many accounts at once. Tests and the benchmark
 * issue authorization codes (or tokens directly) for a profile; the fake hands out and rotates tokens
 * as the platform does, serves each profile's recent media with their metrics, and injects latency and
 * faults on demand: 429 with Retry-After, 500, timeouts, malformed bodies, revoked tokens. It measures
 * what it sees (requests per second, requests per account) so tests can assert on the wire, not on
 * our own counters.
 *
 * <p>Instagram serves both integrations on one server: Instagram Login ({@code POST /oauth/access_token},
 * {@code /access_token}, {@code /refresh_access_token}, {@code /v23.0/me}, {@code /v23.0/me/media}) and
 * Facebook Login ({@code GET /v23.0/oauth/access_token}, {@code /v23.0/me/accounts}, {@code /v23.0/{id}/media}).
 * Never started by the application itself.
 */
public final class FakeSocialPlatform extends Dispatcher implements AutoCloseable {
    public static final String CLIENT_ID = "fake-client-id";
    public static final String CLIENT_SECRET = "fake-client-secret";
    private static final String GRAPH = "/v23.0";
    private static final Pattern IG_MEDIA = Pattern.compile("/v23\\.0/([^/]+)/media");
    private static final Pattern X_TWEETS = Pattern.compile("/2/users/([^/]+)/tweets");

    public enum Kind { INSTAGRAM, YOUTUBE, TIKTOK, TWITTER }

    /** Faults a data call can meet. */
    public enum Fault { RATE_LIMITED, SERVER_ERROR, TIMEOUT, MALFORMED }

    /**
     * What the platform knows about an account. {@code likes} and {@code views} are totals over its
     * recent media ({@link #mediaOf}): {@code min(posts, 20)} posts, one a day back from {@code asOf}.
     */
    public record Profile(String id, String username, long followers, long following, long posts, long likes,
                          long views) {
    }

    /** One recent post as the fake serves it. */
    public record Post(String id, Instant postedAt, long views, long likes, long comments, long shares, long saves,
                       long reach) {
    }

    /** Gaps between data requests: how many, and their total length. */
    public record Pauses(long count, Duration total) {
    }

    /** Tokens handed out without an OAuth round, for tests and the benchmark that seed many accounts. */
    public record Tokens(String accessToken, String refreshToken, long expiresInSeconds) {
    }

    private record Grant(Profile profile, String redirectUri, String codeVerifier) {
    }

    private final Kind kind;
    private final MockWebServer server = FakeHttp.server();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Profile> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Profile> refreshTokens = new ConcurrentHashMap<>();
    private final Deque<MockResponse> profileFaults = new ArrayDeque<>();
    private final List<String> issuedTokens = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> dataRequestsPerAccount = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> dataRequestTimes = new ConcurrentLinkedQueue<>();
    private final Map<Fault, AtomicLong> faultsServed = new ConcurrentHashMap<>();
    private final AtomicLong tokenRequests = new AtomicLong();
    /** X's per-window quota as the fake reports it, and the window it counts in: {window, used}. */
    public static final long X_WINDOW_LIMIT = 900;
    private final long[] xWindow = new long[2];
    private final Instant asOf = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    private volatile long expiresIn = 3600;
    private volatile Duration latency = Duration.ZERO;
    private volatile Duration timeoutDelay = Duration.ofSeconds(2);
    private volatile long retryAfterSeconds = 1;
    private volatile double faultRate;
    private volatile long faultsFrom;
    private volatile List<Fault> randomFaults = List.of();
    private volatile Random random = new Random(1);
    private volatile boolean keepRequests = true;

    public FakeSocialPlatform(Kind kind) {
        this.kind = kind;
        server.setDispatcher(this);
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    // ---- accounts and tokens ----

    /** A code the platform will accept once, for this profile and redirect URI (and PKCE verifier). */
    public String issueCode(Profile profile, String redirectUri, String codeVerifier) {
        String code = "code-" + UUID.randomUUID();
        codes.put(code, new Grant(profile, redirectUri, codeVerifier));
        return code;
    }

    /** Tokens as a completed OAuth round would have given them (Instagram: a long-lived token, no refresh token). */
    public Tokens issueTokens(Profile profile) {
        String refresh = kind == Kind.INSTAGRAM ? null : issueRefresh(profile);
        return new Tokens(issueAccess(profile), refresh, kind == Kind.INSTAGRAM ? 5_184_000 : expiresIn);
    }

    public void revokeAll(Profile profile) {
        accessTokens.values().removeIf(p -> p.id().equals(profile.id()));
        refreshTokens.values().removeIf(p -> p.id().equals(profile.id()));
    }

    /** Revokes only the access tokens: a refresh still works (an expired or rotated-out access token). */
    public void expireAccessTokens(Profile profile) {
        accessTokens.values().removeIf(p -> p.id().equals(profile.id()));
    }

    public void updateProfile(Profile profile) {
        accessTokens.replaceAll((t, p) -> p.id().equals(profile.id()) ? profile : p);
        refreshTokens.replaceAll((t, p) -> p.id().equals(profile.id()) ? profile : p);
    }

    /** Lifetime of the access tokens issued from now on. */
    public void expiresIn(long seconds) {
        this.expiresIn = seconds;
    }

    /** Every token value this fake ever issued: none may appear in the database in plain text. */
    public List<String> issuedTokens() {
        return List.copyOf(issuedTokens);
    }

    // ---- latency and faults ----

    /** Delay before every answer's headers (a platform's response time). */
    public void latency(Duration latency) {
        this.latency = latency;
    }

    /** How long a {@link Fault#TIMEOUT} holds the answer back: longer than the client's read timeout. */
    public void timeoutDelay(Duration delay) {
        this.timeoutDelay = delay;
    }

    /** The Retry-After (seconds) of injected 429s. */
    public void retryAfterSeconds(long seconds) {
        this.retryAfterSeconds = seconds;
    }

    /** Each data call meets one of {@code faults} with this probability (seeded: runs are repeatable). */
    public void injectFaults(double probability, long seed, Fault... faults) {
        injectFaultsAfter(0, probability, seed, faults);
    }

    /** As {@link #injectFaults}, from the data call after the next {@code calls} on. */
    public void injectFaultsAfter(long calls, double probability, long seed, Fault... faults) {
        this.random = new Random(seed);
        this.randomFaults = List.of(faults);
        this.faultsFrom = dataRequestTimes.size() + calls;
        this.faultRate = probability;
    }

    public synchronized void failNextProfileRead(MockResponse response) {
        profileFaults.add(response);
    }

    /** Queues {@code count} answers of this fault for the next data calls. */
    public void failNext(int count, Fault fault) {
        for (int i = 0; i < count; i++) {
            failNextProfileRead(fault(fault));
        }
    }

    /** The benchmark sends tens of thousands of requests: don't keep them all in memory. */
    public void keepRequests(boolean keep) {
        this.keepRequests = keep;
    }

    // ---- what the fake saw ----

    public int requestCount() {
        return server.getRequestCount();
    }

    /** Data calls (not token calls) made with a token of this profile's account. */
    public long dataRequestsFor(Profile profile) {
        AtomicLong n = dataRequestsPerAccount.get(profile.id());
        return n == null ? 0 : n.get();
    }

    public long dataRequests() {
        return dataRequestTimes.size();
    }

    public long tokenRequests() {
        return tokenRequests.get();
    }

    public long faultsServed(Fault fault) {
        AtomicLong n = faultsServed.get(fault);
        return n == null ? 0 : n.get();
    }

    /** From the first data request to the last one seen. */
    public Duration dataRequestSpan() {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (long t : dataRequestTimes) {
            first = Math.min(first, t);
            last = Math.max(last, t);
        }
        return first > last ? Duration.ZERO : Duration.ofNanos(last - first);
    }

    /** X only: the successful data answers counted against the current quota window. */
    public long xQuotaUsed() {
        synchronized (xWindow) {
            return xWindow[0] == Instant.now().getEpochSecond() / 900 ? xWindow[1] : 0;
        }
    }

    /** The most data requests that arrived within any sliding window of this length. */
    public long maxDataRequestsWithin(Duration window) {
        long[] times = dataRequestTimes.stream().mapToLong(Long::longValue).sorted().toArray();
        long span = window.toNanos();
        long max = 0;
        int start = 0;
        for (int end = 0; end < times.length; end++) {
            while (times[end] - times[start] >= span) {
                start++;
            }
            max = Math.max(max, end - start + 1);
        }
        return max;
    }

    /**
     * The gaps between consecutive data requests longer than {@code threshold}: how many and their total
     * length. With a saturated rate limit every gap is one permit cycle; longer ones are time the
     * caller spent elsewhere (writing a chunk, reading the next page).
     */
    public Pauses pausesLongerThan(Duration threshold) {
        long[] times = dataRequestTimes.stream().mapToLong(Long::longValue).sorted().toArray();
        long count = 0;
        long total = 0;
        for (int i = 1; i < times.length; i++) {
            long gap = times[i] - times[i - 1];
            if (gap > threshold.toNanos()) {
                count++;
                total += gap;
            }
        }
        return new Pauses(count, Duration.ofNanos(total));
    }

    public void resetCounters() {
        dataRequestsPerAccount.clear();
        dataRequestTimes.clear();
        faultsServed.clear();
        tokenRequests.set(0);
    }

    /** The recent media the fake serves for a profile, newest first. */
    public List<Post> mediaOf(Profile p) {
        int n = (int) Math.min(p.posts(), 20);
        List<Post> media = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long likes = p.likes() / n + (i == 0 ? p.likes() % n : 0);
            long views = p.views() / n + (i == 0 ? p.views() % n : 0);
            media.add(new Post(p.id() + "-m" + i, asOf.minus(Duration.ofDays(i + 1L)), views, likes, likes / 10,
                    likes / 20, likes / 25, views * 8 / 10));
        }
        return media;
    }

    @Override
    public void close() {
        server.close();
    }

    // ---- dispatch ----

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        String path = url.encodedPath();
        Map<String, String> form = "POST".equals(request.getMethod()) && !isJsonBody(request) ? FakeHttp.form(request) : query(url);
        MockResponse response = switch (kind) {
            case INSTAGRAM -> instagram(path, form, request);
            case YOUTUBE -> youtube(path, form, request);
            case TIKTOK -> tiktok(path, form, request);
            case TWITTER -> twitter(path, form, request);
        };
        if (!keepRequests) {
            drainOne();
        }
        return delayed(response);
    }

    /** MockWebServer keeps every request it saw for takeRequest(); drop one per request served. */
    private void drainOne() {
        try {
            server.takeRequest(0, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private MockResponse delayed(MockResponse response) {
        Duration delay = latency;
        return delay.isZero() ? response : response.newBuilder().headersDelay(delay.toMillis(), TimeUnit.MILLISECONDS).build();
    }

    private static boolean isJsonBody(RecordedRequest request) {
        String type = request.getHeaders().get("Content-Type");
        return type != null && type.startsWith("application/json");
    }

    /** Counts a data call, then answers a queued or random fault if any. */
    private MockResponse dataCall(Profile owner) {
        long seen;
        synchronized (dataRequestTimes) {
            dataRequestTimes.add(System.nanoTime());
            seen = dataRequestTimes.size();
        }
        if (owner != null) {
            dataRequestsPerAccount.computeIfAbsent(owner.id(), id -> new AtomicLong()).incrementAndGet();
        }
        MockResponse queued = nextFault();
        if (queued != null) {
            return queued;
        }
        double rate = faultRate;
        if (rate > 0 && !randomFaults.isEmpty() && seen > faultsFrom) {
            Fault fault;
            synchronized (this) {
                fault = random.nextDouble() < rate ? randomFaults.get(random.nextInt(randomFaults.size())) : null;
            }
            if (fault != null) {
                return fault(fault);
            }
        }
        return null;
    }

    /** The fault in this platform's own shape. */
    public MockResponse fault(Fault fault) {
        faultsServed.computeIfAbsent(fault, f -> new AtomicLong()).incrementAndGet();
        return switch (fault) {
            case RATE_LIMITED -> {
                MockResponse.Builder b = new MockResponse.Builder().code(429)
                        .addHeader("Content-Type", "application/json").addHeader("Retry-After", Long.toString(retryAfterSeconds));
                if (kind == Kind.TWITTER) {
                    b.addHeader("x-rate-limit-limit", "900").addHeader("x-rate-limit-remaining", "0")
                            .addHeader("x-rate-limit-reset", Long.toString(Instant.now().getEpochSecond() + retryAfterSeconds));
                }
                yield b.body(switch (kind) {
                    case INSTAGRAM -> "{\"error\":{\"message\":\"Application request limit reached\",\"type\":\"OAuthException\",\"code\":4,\"fbtrace_id\":\"A\"}}";
                    case YOUTUBE -> "{\"error\":{\"code\":429,\"message\":\"Too many requests\",\"errors\":[{\"reason\":\"rateLimitExceeded\",\"domain\":\"usageLimits\"}],\"status\":\"RESOURCE_EXHAUSTED\"}}";
                    case TIKTOK -> "{\"data\":{},\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"API rate limit exceeded\",\"log_id\":\"1\"}}";
                    case TWITTER -> "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}";
                }).build();
            }
            case SERVER_ERROR -> json(500, switch (kind) {
                case INSTAGRAM -> "{\"error\":{\"message\":\"An unknown error has occurred.\",\"type\":\"OAuthException\",\"code\":1,\"fbtrace_id\":\"A\"}}";
                case YOUTUBE -> "{\"error\":{\"code\":500,\"message\":\"Internal error encountered.\",\"errors\":[{\"reason\":\"backendError\"}],\"status\":\"INTERNAL\"}}";
                case TIKTOK -> "{\"data\":{},\"error\":{\"code\":\"internal_error\",\"message\":\"Something went wrong\",\"log_id\":\"1\"}}";
                case TWITTER -> "{\"title\":\"Internal Server Error\",\"type\":\"about:blank\",\"status\":500,\"detail\":\"Internal Server Error\"}";
            });
            case TIMEOUT -> new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .headersDelay(timeoutDelay.toMillis(), TimeUnit.MILLISECONDS).body("{}").build();
            case MALFORMED -> new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body("{\"data\":[{\"id\":").build();
        };
    }

    // ---- Instagram: Instagram Login (graph.instagram.com) and Facebook Login (graph.facebook.com) ----

    private MockResponse instagram(String path, Map<String, String> q, RecordedRequest request) {
        if (path.equals("/oauth/access_token") && "POST".equals(request.getMethod())) {
            // api.instagram.com: the code for a one-hour token, errors in its own flat shape.
            tokenRequests.incrementAndGet();
            if (!CLIENT_ID.equals(q.get("client_id")) || !CLIENT_SECRET.equals(q.get("client_secret"))) {
                return json(400, "{\"error_type\":\"OAuthException\",\"code\":400,\"error_message\":\"Invalid platform app\"}");
            }
            Grant grant = "authorization_code".equals(q.get("grant_type")) ? codes.remove(String.valueOf(q.get("code"))) : null;
            if (grant == null || !grant.redirectUri().equals(q.get("redirect_uri"))) {
                return json(400, "{\"error_type\":\"OAuthException\",\"code\":400,\"error_message\":\"Invalid authorization code\"}");
            }
            return json(200, "{\"data\":[{\"access_token\":\"%s\",\"user_id\":\"%s\",\"permissions\":\"instagram_business_basic,instagram_business_manage_insights\"}]}"
                    .formatted(issueAccess(grant.profile()), grant.profile().id()));
        }
        if (path.equals("/access_token") || path.equals("/refresh_access_token")) {
            tokenRequests.incrementAndGet();
            boolean exchange = path.equals("/access_token");
            if (exchange ? !"ig_exchange_token".equals(q.get("grant_type")) || !CLIENT_SECRET.equals(q.get("client_secret"))
                    : !"ig_refresh_token".equals(q.get("grant_type"))) {
                return graphError(400, 100, "Invalid parameter");
            }
            Profile p = accessTokens.get(String.valueOf(q.get("access_token")));
            if (p == null) {
                return graphError(400, 190, "Error validating access token: Session has expired or the user has revoked access.");
            }
            return json(200, "{\"access_token\":\"%s\",\"token_type\":\"bearer\",\"expires_in\":%d}"
                    .formatted(issueAccess(p), 5_184_000));
        }
        if (path.equals(GRAPH + "/oauth/access_token")) {
            tokenRequests.incrementAndGet();
            if (!CLIENT_ID.equals(q.get("client_id")) || !CLIENT_SECRET.equals(q.get("client_secret"))) {
                return graphError(400, 101, "Error validating application. Invalid application ID.");
            }
            if ("fb_exchange_token".equals(q.get("grant_type"))) {
                Profile p = accessTokens.get(String.valueOf(q.get("fb_exchange_token")));
                if (p == null) {
                    return graphError(400, 190, "Error validating access token: The session has been invalidated.");
                }
                return json(200, "{\"access_token\":\"%s\",\"token_type\":\"bearer\",\"expires_in\":%d}"
                        .formatted(issueAccess(p), 5_184_000));
            }
            Grant grant = codes.remove(String.valueOf(q.get("code")));
            if (grant == null || !grant.redirectUri().equals(q.get("redirect_uri"))) {
                return graphError(400, 100, "This authorization code has been used.");
            }
            return json(200, "{\"access_token\":\"%s\",\"token_type\":\"bearer\",\"expires_in\":%d}"
                    .formatted(issueAccess(grant.profile()), 3600));
        }
        Profile p = bearer(request);
        MockResponse fault = dataCall(p);
        if (fault != null) {
            return fault;
        }
        if (p == null) {
            return graphError(400, 190, "Invalid OAuth access token - Cannot parse access token");
        }
        if (path.equals(GRAPH + "/me")) {
            return json(200, """
                    {"user_id":"%s","username":"%s","account_type":"MEDIA_CREATOR","followers_count":%d,
                    "follows_count":%d,"media_count":%d,"id":"app-scoped-%s"}""".formatted(
                    p.id(), p.username(), p.followers(), p.following(), p.posts(), p.id()));
        }
        if (path.equals(GRAPH + "/me/accounts")) {
            return json(200, """
                    {"data":[{"instagram_business_account":{"id":"%s","username":"%s","followers_count":%d,
                    "follows_count":%d,"media_count":%d},"id":"page-%s"}],
                    "paging":{"cursors":{"before":"QVFI","after":"QVFI"}}}""".formatted(
                    p.id(), p.username(), p.followers(), p.following(), p.posts(), p.id()));
        }
        Matcher media = IG_MEDIA.matcher(path);
        if (path.equals(GRAPH + "/me/media") || (media.matches() && media.group(1).equals(p.id()))) {
            int limit = intParam(request.getUrl().queryParameter("limit"), 25);
            boolean insights = String.valueOf(request.getUrl().queryParameter("fields")).contains("insights");
            StringBuilder data = new StringBuilder();
            for (Post post : mediaOf(p).stream().limit(limit).toList()) {
                data.append(data.isEmpty() ? "" : ",").append("""
                        {"id":"%s","media_type":"VIDEO","media_product_type":"REELS","permalink":"https://www.instagram.com/reel/%s/",
                        "timestamp":"%s","like_count":%d,"comments_count":%d%s}""".formatted(post.id(), post.id(),
                        graphTime(post.postedAt()), post.likes(), post.comments(), insights ? """
                        ,"insights":{"data":[{"name":"views","period":"lifetime","values":[{"value":%d}],"title":"Views","id":"%s/insights/views/lifetime"},
                        {"name":"reach","period":"lifetime","values":[{"value":%d}],"title":"Accounts reached","id":"%s/insights/reach/lifetime"},
                        {"name":"saved","period":"lifetime","values":[{"value":%d}],"title":"Saved","id":"%s/insights/saved/lifetime"},
                        {"name":"shares","period":"lifetime","values":[{"value":%d}],"title":"Shares","id":"%s/insights/shares/lifetime"}]}"""
                        .formatted(post.views(), post.id(), post.reach(), post.id(), post.saves(), post.id(), post.shares(), post.id())
                        : ""));
            }
            return json(200, "{\"data\":[" + data + "],\"paging\":{\"cursors\":{\"before\":\"QVFH\",\"after\":\"QVFI\"}}}");
        }
        return graphError(400, 100, "Unsupported get request. Object with ID does not exist, cannot be loaded due to missing permissions, or does not support this operation.");
    }

    private static String graphTime(Instant t) {
        return t.toString().replace("Z", "+0000");
    }

    private static MockResponse graphError(int status, int code, String message) {
        return json(status, "{\"error\":{\"message\":\"%s\",\"type\":\"OAuthException\",\"code\":%d,\"fbtrace_id\":\"AbC123\"}}"
                .formatted(message, code));
    }

    // ---- Google OAuth 2.0 + YouTube Data API v3 ----

    private MockResponse youtube(String path, Map<String, String> f, RecordedRequest request) {
        if (path.equals("/token") && "POST".equals(request.getMethod())) {
            tokenRequests.incrementAndGet();
            if (!CLIENT_ID.equals(f.get("client_id")) || !CLIENT_SECRET.equals(f.get("client_secret"))) {
                return json(401, "{\"error\":\"invalid_client\",\"error_description\":\"Unauthorized\"}");
            }
            if ("refresh_token".equals(f.get("grant_type"))) {
                Profile p = refreshTokens.get(String.valueOf(f.get("refresh_token")));
                if (p == null) {
                    return json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}");
                }
                // Google does not send a new refresh token on refresh.
                return json(200, "{\"access_token\":\"%s\",\"expires_in\":%d,\"scope\":\"https://www.googleapis.com/auth/youtube.readonly\",\"token_type\":\"Bearer\"}"
                        .formatted(issueAccess(p), expiresIn));
            }
            Grant grant = "authorization_code".equals(f.get("grant_type")) ? codes.remove(String.valueOf(f.get("code"))) : null;
            if (grant == null || !grant.redirectUri().equals(f.get("redirect_uri"))) {
                return json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Bad Request\"}");
            }
            return json(200, "{\"access_token\":\"%s\",\"expires_in\":%d,\"refresh_token\":\"%s\",\"scope\":\"https://www.googleapis.com/auth/youtube.readonly\",\"token_type\":\"Bearer\"}"
                    .formatted(issueAccess(grant.profile()), expiresIn, issueRefresh(grant.profile())));
        }
        Profile p = bearer(request);
        MockResponse fault = dataCall(p);
        if (fault != null) {
            return fault;
        }
        if (p == null) {
            return json(401, """
                    {"error":{"code":401,"message":"Request had invalid authentication credentials.",
                    "errors":[{"message":"Invalid Credentials","domain":"global","reason":"authError",
                    "location":"Authorization","locationType":"header"}],"status":"UNAUTHENTICATED"}}""");
        }
        HttpUrl url = request.getUrl();
        if (path.equals("/youtube/v3/channels") && "true".equals(url.queryParameter("mine"))) {
            return json(200, """
                    {"kind":"youtube#channelListResponse","etag":"e1","pageInfo":{"totalResults":1,"resultsPerPage":5},
                    "items":[{"kind":"youtube#channel","etag":"e2","id":"%s",
                    "snippet":{"title":"%s","description":"","customUrl":"@%s","publishedAt":"2019-01-01T00:00:00Z"},
                    "contentDetails":{"relatedPlaylists":{"likes":"","uploads":"%s"}},
                    "statistics":{"viewCount":"%d","subscriberCount":"%d","hiddenSubscriberCount":false,"videoCount":"%d"}}]}"""
                    .formatted(p.id(), p.username(), p.username(), uploads(p), p.views(), p.followers(), p.posts()));
        }
        if (path.equals("/youtube/v3/playlistItems")) {
            if (!uploads(p).equals(url.queryParameter("playlistId"))) {
                return json(404, """
                        {"error":{"code":404,"message":"The playlist identified with the request's <code>playlistId</code> parameter cannot be found.",
                        "errors":[{"message":"Playlist not found","domain":"youtube.playlistItem","reason":"playlistNotFound",
                        "location":"playlistId","locationType":"parameter"}],"status":"NOT_FOUND"}}""");
            }
            int max = intParam(url.queryParameter("maxResults"), 5);
            StringBuilder items = new StringBuilder();
            for (Post post : mediaOf(p).stream().limit(max).toList()) {
                items.append(items.isEmpty() ? "" : ",").append("""
                        {"kind":"youtube#playlistItem","etag":"e","id":"pi-%s","contentDetails":{"videoId":"%s","videoPublishedAt":"%s"}}"""
                        .formatted(post.id(), post.id(), post.postedAt()));
            }
            return json(200, "{\"kind\":\"youtube#playlistItemListResponse\",\"etag\":\"e\",\"items\":[" + items
                    + "],\"pageInfo\":{\"totalResults\":" + p.posts() + ",\"resultsPerPage\":" + max + "}}");
        }
        if (path.equals("/youtube/v3/videos")) {
            List<String> ids = List.of(String.valueOf(url.queryParameter("id")).split(","));
            StringBuilder items = new StringBuilder();
            for (Post post : mediaOf(p)) {
                if (ids.contains(post.id())) {
                    items.append(items.isEmpty() ? "" : ",").append("""
                            {"kind":"youtube#video","etag":"e","id":"%s","snippet":{"publishedAt":"%s","channelId":"%s","title":"Video %s",
                            "liveBroadcastContent":"none"},"contentDetails":{"duration":"%s","dimension":"2d"},
                            "statistics":{"viewCount":"%d","likeCount":"%d","favoriteCount":"0","commentCount":"%d"}}"""
                            .formatted(post.id(), post.postedAt(), p.id(), post.id(), post.id().endsWith("0") ? "PT45S" : "PT8M12S",
                                    post.views(), post.likes(), post.comments()));
                }
            }
            return json(200, "{\"kind\":\"youtube#videoListResponse\",\"etag\":\"e\",\"items\":[" + items
                    + "],\"pageInfo\":{\"totalResults\":" + ids.size() + ",\"resultsPerPage\":" + ids.size() + "}}");
        }
        return json(404, "{\"error\":{\"code\":404,\"message\":\"Not Found\",\"status\":\"NOT_FOUND\"}}");
    }

    private static String uploads(Profile p) {
        return "UU" + p.id();
    }

    // ---- TikTok Login Kit v2 + Display API ----

    private MockResponse tiktok(String path, Map<String, String> f, RecordedRequest request) {
        if (path.equals("/v2/oauth/token/")) {
            tokenRequests.incrementAndGet();
            if (!CLIENT_ID.equals(f.get("client_key")) || !CLIENT_SECRET.equals(f.get("client_secret"))) {
                return json(401, "{\"error\":\"invalid_client\",\"error_description\":\"Client key or secret is incorrect.\",\"log_id\":\"20260101\"}");
            }
            Profile p;
            if ("refresh_token".equals(f.get("grant_type"))) {
                p = refreshTokens.remove(String.valueOf(f.get("refresh_token")));   // TikTok rotates refresh tokens
            } else {
                Grant grant = codes.remove(String.valueOf(f.get("code")));
                p = grant != null && grant.redirectUri().equals(f.get("redirect_uri")) ? grant.profile() : null;
            }
            if (p == null) {
                return json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Authorization code is expired.\",\"log_id\":\"20260102\"}");
            }
            return json(200, """
                    {"access_token":"%s","expires_in":%d,"open_id":"%s","refresh_expires_in":31536000,
                    "refresh_token":"%s","scope":"user.info.basic,user.info.profile,user.info.stats,video.list","token_type":"Bearer"}"""
                    .formatted(issueAccess(p), expiresIn, p.id(), issueRefresh(p)));
        }
        Profile p = bearer(request);
        MockResponse fault = dataCall(p);
        if (fault != null) {
            return fault;
        }
        if (p == null) {
            return json(401, "{\"data\":{},\"error\":{\"code\":\"access_token_invalid\",\"message\":\"The access token is invalid or not found in the request.\",\"log_id\":\"20260103\"}}");
        }
        if (path.equals("/v2/user/info/") && request.getUrl().queryParameter("fields") != null) {
            return json(200, """
                    {"data":{"user":{"open_id":"%s","union_id":"u-%s","username":"%s","display_name":"%s",
                    "profile_deep_link":"https://vm.tiktok.com/%s","follower_count":%d,"following_count":%d,
                    "likes_count":%d,"video_count":%d}},"error":{"code":"ok","message":"","log_id":"20260104"}}"""
                    .formatted(p.id(), p.id(), p.username(), p.username(), p.username(), p.followers(), p.following(),
                            p.likes(), p.posts()));
        }
        if (path.equals("/v2/video/list/") && "POST".equals(request.getMethod())) {
            Matcher max = Pattern.compile("\"max_count\"\\s*:\\s*(\\d+)").matcher(request.getBody() == null ? "" : request.getBody().utf8());
            int count = max.find() ? Integer.parseInt(max.group(1)) : 10;
            if (count > 20) {
                return json(400, "{\"data\":{},\"error\":{\"code\":\"invalid_params\",\"message\":\"max_count should be no more than 20\",\"log_id\":\"1\"}}");
            }
            StringBuilder videos = new StringBuilder();
            for (Post post : mediaOf(p).stream().limit(count).toList()) {
                videos.append(videos.isEmpty() ? "" : ",").append("""
                        {"id":"%s","create_time":%d,"share_url":"https://www.tiktok.com/@%s/video/%s","duration":21,"title":"",
                        "like_count":%d,"comment_count":%d,"share_count":%d,"view_count":%d}"""
                        .formatted(post.id(), post.postedAt().getEpochSecond(), p.username(), post.id(), post.likes(),
                                post.comments(), post.shares(), post.views()));
            }
            return json(200, "{\"data\":{\"videos\":[" + videos + "],\"cursor\":" + asOf.toEpochMilli()
                    + ",\"has_more\":" + (p.posts() > count) + "},\"error\":{\"code\":\"ok\",\"message\":\"\",\"log_id\":\"20260105\"}}");
        }
        return json(404, "{\"data\":{},\"error\":{\"code\":\"invalid_params\",\"message\":\"unknown path\",\"log_id\":\"1\"}}");
    }

    // ---- X API v2, OAuth 2.0 with PKCE ----

    private MockResponse twitter(String path, Map<String, String> f, RecordedRequest request) {
        if (path.equals("/2/oauth2/token")) {
            tokenRequests.incrementAndGet();
            String expected = okhttp3.Credentials.basic(CLIENT_ID, CLIENT_SECRET);
            if (!expected.equals(request.getHeaders().get("Authorization"))) {
                return json(401, "{\"error\":\"unauthorized_client\",\"error_description\":\"Missing valid authorization header\"}");
            }
            Profile p;
            if ("refresh_token".equals(f.get("grant_type"))) {
                p = refreshTokens.remove(String.valueOf(f.get("refresh_token")));   // X rotates refresh tokens
            } else {
                Grant grant = codes.remove(String.valueOf(f.get("code")));
                p = grant != null && grant.redirectUri().equals(f.get("redirect_uri"))
                        && grant.codeVerifier().equals(f.get("code_verifier")) ? grant.profile() : null;
            }
            if (p == null) {
                return json(400, "{\"error\":\"invalid_request\",\"error_description\":\"Value passed for the authorization code was invalid.\"}");
            }
            return json(200, "{\"token_type\":\"bearer\",\"expires_in\":%d,\"access_token\":\"%s\",\"scope\":\"tweet.read users.read offline.access\",\"refresh_token\":\"%s\"}"
                    .formatted(expiresIn, issueAccess(p), issueRefresh(p)));
        }
        Profile p = bearer(request);
        MockResponse fault = dataCall(p);
        if (fault != null) {
            return fault;
        }
        if (p == null) {
            return json(401, "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}");
        }
        if (path.equals("/2/users/me")) {
            return withXQuota(json(200, """
                    {"data":{"id":"%s","name":"%s","username":"%s","public_metrics":{"followers_count":%d,
                    "following_count":%d,"tweet_count":%d,"listed_count":3,"like_count":%d}}}"""
                    .formatted(p.id(), p.username(), p.username(), p.followers(), p.following(), p.posts(), p.likes())));
        }
        Matcher tweets = X_TWEETS.matcher(path);
        if (tweets.matches()) {
            int max = intParam(request.getUrl().queryParameter("max_results"), 10);
            if (max < 5 || max > 100) {
                return json(400, """
                        {"errors":[{"parameters":{"max_results":["%d"]},"message":"The `max_results` query parameter value [%d] is not between 5 and 100"}],
                        "title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.twitter.com/2/problems/invalid-request"}"""
                        .formatted(max, max));
            }
            if (!tweets.group(1).equals(p.id())) {
                return json(403, "{\"title\":\"Forbidden\",\"type\":\"about:blank\",\"status\":403,\"detail\":\"Forbidden\"}");
            }
            StringBuilder data = new StringBuilder();
            List<Post> media = mediaOf(p).stream().limit(max).toList();
            for (Post post : media) {
                data.append(data.isEmpty() ? "" : ",").append("""
                        {"id":"%s","text":"post %s","edit_history_tweet_ids":["%s"],"created_at":"%s",
                        "public_metrics":{"retweet_count":%d,"reply_count":%d,"like_count":%d,"quote_count":%d,"bookmark_count":%d,"impression_count":%d}}"""
                        .formatted(post.id(), post.id(), post.id(), post.postedAt().toString().replace("Z", ".000Z"),
                                post.shares(), post.comments(), post.likes(), 0, post.saves(), post.views()));
            }
            String meta = media.isEmpty() ? "{\"result_count\":0}" : "{\"result_count\":%d,\"newest_id\":\"%s\",\"oldest_id\":\"%s\"}"
                    .formatted(media.size(), media.get(0).id(), media.get(media.size() - 1).id());
            return withXQuota(json(200, (media.isEmpty() ? "{" : "{\"data\":[" + data + "],") + "\"meta\":" + meta + "}"));
        }
        return json(404, "{\"title\":\"Not Found Error\",\"type\":\"https://api.twitter.com/2/problems/resource-not-found\"}");
    }

    /**
     * X sends its quota on every answer: x-rate-limit-limit, -remaining (left in the current 15-minute
     * window) and -reset (the window's end, epoch seconds). The fake counts its successful data answers
     * against {@link #X_WINDOW_LIMIT} per window (it never refuses for it: faults are injected apart).
     */
    private MockResponse withXQuota(MockResponse response) {
        long window = Instant.now().getEpochSecond() / 900;
        long used;
        synchronized (xWindow) {
            if (xWindow[0] != window) {
                xWindow[0] = window;
                xWindow[1] = 0;
            }
            used = ++xWindow[1];
        }
        return response.newBuilder().addHeader("x-rate-limit-limit", Long.toString(X_WINDOW_LIMIT))
                .addHeader("x-rate-limit-remaining", Long.toString(Math.max(0, X_WINDOW_LIMIT - used)))
                .addHeader("x-rate-limit-reset", Long.toString((window + 1) * 900)).build();
    }

    // ---- plumbing ----

    private synchronized MockResponse nextFault() {
        return profileFaults.poll();
    }

    /** The bearer header (Graph API, Google, TikTok, X) or Instagram Login's access_token parameter. */
    private Profile bearer(RecordedRequest request) {
        String header = request.getHeaders().get("Authorization");
        if (header != null && header.startsWith("Bearer ")) {
            return accessTokens.get(header.substring(7));
        }
        String param = request.getUrl().queryParameter("access_token");
        return param == null ? null : accessTokens.get(param);
    }

    private String issueAccess(Profile p) {
        String token = kind.name().toLowerCase(Locale.ROOT) + "-access-" + UUID.randomUUID();
        accessTokens.put(token, p);
        if (keepRequests) {
            issuedTokens.add(token);
        }
        return token;
    }

    private String issueRefresh(Profile p) {
        String token = kind.name().toLowerCase(Locale.ROOT) + "-refresh-" + UUID.randomUUID();
        refreshTokens.put(token, p);
        if (keepRequests) {
            issuedTokens.add(token);
        }
        return token;
    }

    private static int intParam(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** A JSON answer in the platforms' content type (FakeHttp's, shared by every fake). */
    public static MockResponse json(int status, String body) {
        return FakeHttp.json(status, body);
    }

    private static Map<String, String> query(HttpUrl url) {
        Map<String, String> out = new HashMap<>();
        for (String name : url.queryParameterNames()) {
            out.put(name, url.queryParameter(name));
        }
        return out;
    }
}
