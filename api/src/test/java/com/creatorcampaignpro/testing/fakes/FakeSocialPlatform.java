package com.creatorcampaignpro.testing.fakes;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stateful local fake of one platform's token endpoint and profile API, speaking the real paths,
 * parameter names, JSON shapes and error shapes. Tests issue authorization codes for a profile, the
 * fake hands out tokens for them, and faults can be queued for the next profile read.
 */
public final class FakeSocialPlatform extends Dispatcher implements AutoCloseable {
    public static final String CLIENT_ID = "fake-client-id";
    public static final String CLIENT_SECRET = "fake-client-secret";

    public enum Kind { INSTAGRAM, YOUTUBE, TIKTOK, TWITTER }

    /** What the platform knows about an account. */
    public record Profile(String id, String username, long followers, long following, long posts, long likes,
                          long views) {
    }

    private record Grant(Profile profile, String redirectUri, String codeVerifier) {
    }

    private final Kind kind;
    private final MockWebServer server = new MockWebServer();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Profile> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Profile> refreshTokens = new ConcurrentHashMap<>();
    private final Deque<MockResponse> profileFaults = new ArrayDeque<>();
    private final List<String> issuedTokens = new CopyOnWriteArrayList<>();
    private volatile long expiresIn = 3600;

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

    /** A code the platform will accept once, for this profile and redirect URI (and PKCE verifier). */
    public String issueCode(Profile profile, String redirectUri, String codeVerifier) {
        String code = "code-" + UUID.randomUUID();
        codes.put(code, new Grant(profile, redirectUri, codeVerifier));
        return code;
    }

    public void revokeAll(Profile profile) {
        accessTokens.values().removeIf(p -> p.id().equals(profile.id()));
        refreshTokens.values().removeIf(p -> p.id().equals(profile.id()));
    }

    public void updateProfile(Profile profile) {
        accessTokens.replaceAll((t, p) -> p.id().equals(profile.id()) ? profile : p);
        refreshTokens.replaceAll((t, p) -> p.id().equals(profile.id()) ? profile : p);
    }

    /** Lifetime of the access tokens issued from now on. */
    public void expiresIn(long seconds) {
        this.expiresIn = seconds;
    }

    public synchronized void failNextProfileRead(MockResponse response) {
        profileFaults.add(response);
    }

    /** Every token value this fake ever issued: none may appear in the database in plain text. */
    public List<String> issuedTokens() {
        return List.copyOf(issuedTokens);
    }

    public int requestCount() {
        return server.getRequestCount();
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        String path = url.encodedPath();
        Map<String, String> form = "POST".equals(request.getMethod()) ? form(request) : query(url);
        return switch (kind) {
            case INSTAGRAM -> instagram(path, form, request);
            case YOUTUBE -> youtube(path, form, request);
            case TIKTOK -> tiktok(path, form, request);
            case TWITTER -> twitter(path, form, request);
        };
    }

    // ---- Instagram Graph API (Facebook Login for Business) ----

    private MockResponse instagram(String path, Map<String, String> q, RecordedRequest request) {
        if (path.equals("/v23.0/oauth/access_token")) {
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
        MockResponse fault = nextFault();
        if (fault != null) {
            return fault;
        }
        Profile p = bearer(request);
        if (p == null) {
            return graphError(400, 190, "Invalid OAuth access token - Cannot parse access token");
        }
        if (path.equals("/v23.0/me/accounts")) {
            return json(200, """
                    {"data":[{"instagram_business_account":{"id":"%s","username":"%s","followers_count":%d,
                    "follows_count":%d,"media_count":%d},"id":"page-%s"}],
                    "paging":{"cursors":{"before":"QVFI","after":"QVFI"}}}""".formatted(
                    p.id(), p.username(), p.followers(), p.following(), p.posts(), p.id()));
        }
        if (path.equals("/v23.0/" + p.id() + "/media")) {
            // Two recent media whose likes + comments add up to p.likes.
            long first = p.likes() / 2;
            return json(200, """
                    {"data":[{"id":"m1","like_count":%d,"comments_count":0},{"id":"m2","like_count":%d,"comments_count":0}]}"""
                    .formatted(first, p.likes() - first));
        }
        return graphError(400, 100, "Unsupported get request.");
    }

    private static MockResponse graphError(int status, int code, String message) {
        return json(status, "{\"error\":{\"message\":\"%s\",\"type\":\"OAuthException\",\"code\":%d,\"fbtrace_id\":\"AbC123\"}}"
                .formatted(message, code));
    }

    // ---- Google OAuth 2.0 + YouTube Data API v3 ----

    private MockResponse youtube(String path, Map<String, String> f, RecordedRequest request) {
        if (path.equals("/token") && "POST".equals(request.getMethod())) {
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
        MockResponse fault = nextFault();
        if (fault != null) {
            return fault;
        }
        Profile p = bearer(request);
        if (p == null) {
            return json(401, """
                    {"error":{"code":401,"message":"Request had invalid authentication credentials.",
                    "errors":[{"message":"Invalid Credentials","domain":"global","reason":"authError",
                    "location":"Authorization","locationType":"header"}],"status":"UNAUTHENTICATED"}}""");
        }
        if (path.equals("/youtube/v3/channels") && "true".equals(request.getUrl().queryParameter("mine"))) {
            return json(200, """
                    {"kind":"youtube#channelListResponse","etag":"e1","pageInfo":{"totalResults":1,"resultsPerPage":5},
                    "items":[{"kind":"youtube#channel","etag":"e2","id":"%s",
                    "snippet":{"title":"%s","description":"","customUrl":"@%s","publishedAt":"2019-01-01T00:00:00Z"},
                    "statistics":{"viewCount":"%d","subscriberCount":"%d","hiddenSubscriberCount":false,"videoCount":"%d"}}]}"""
                    .formatted(p.id(), p.username(), p.username(), p.views(), p.followers(), p.posts()));
        }
        return json(404, "{\"error\":{\"code\":404,\"message\":\"Not Found\",\"status\":\"NOT_FOUND\"}}");
    }

    // ---- TikTok Login Kit v2 + Display API ----

    private MockResponse tiktok(String path, Map<String, String> f, RecordedRequest request) {
        if (path.equals("/v2/oauth/token/")) {
            if (!CLIENT_ID.equals(f.get("client_key")) || !CLIENT_SECRET.equals(f.get("client_secret"))) {
                return json(401, "{\"error\":\"invalid_client\",\"error_description\":\"Client key or secret is incorrect.\",\"log_id\":\"20260101\"}");
            }
            Profile p;
            if ("refresh_token".equals(f.get("grant_type"))) {
                p = refreshTokens.remove(String.valueOf(f.get("refresh_token")));
            } else {
                Grant grant = codes.remove(String.valueOf(f.get("code")));
                p = grant != null && grant.redirectUri().equals(f.get("redirect_uri")) ? grant.profile() : null;
            }
            if (p == null) {
                return json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Authorization code is expired.\",\"log_id\":\"20260102\"}");
            }
            return json(200, """
                    {"access_token":"%s","expires_in":%d,"open_id":"%s","refresh_expires_in":31536000,
                    "refresh_token":"%s","scope":"user.info.basic,user.info.profile,user.info.stats","token_type":"Bearer"}"""
                    .formatted(issueAccess(p), expiresIn, p.id(), issueRefresh(p)));
        }
        MockResponse fault = nextFault();
        if (fault != null) {
            return fault;
        }
        Profile p = bearer(request);
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
        return json(404, "{\"data\":{},\"error\":{\"code\":\"invalid_params\",\"message\":\"unknown path\",\"log_id\":\"1\"}}");
    }

    // ---- X API v2, OAuth 2.0 with PKCE ----

    private MockResponse twitter(String path, Map<String, String> f, RecordedRequest request) {
        if (path.equals("/2/oauth2/token")) {
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
        MockResponse fault = nextFault();
        if (fault != null) {
            return fault;
        }
        Profile p = bearer(request);
        if (p == null) {
            return json(401, "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}");
        }
        if (path.equals("/2/users/me")) {
            return json(200, """
                    {"data":{"id":"%s","name":"%s","username":"%s","public_metrics":{"followers_count":%d,
                    "following_count":%d,"tweet_count":%d,"listed_count":3,"like_count":%d}}}"""
                    .formatted(p.id(), p.username(), p.username(), p.followers(), p.following(), p.posts(), p.likes()));
        }
        return json(404, "{\"title\":\"Not Found Error\",\"type\":\"https://api.twitter.com/2/problems/resource-not-found\"}");
    }

    // ---- plumbing ----

    private synchronized MockResponse nextFault() {
        return profileFaults.poll();
    }

    private Profile bearer(RecordedRequest request) {
        String header = request.getHeaders().get("Authorization");
        return header != null && header.startsWith("Bearer ") ? accessTokens.get(header.substring(7)) : null;
    }

    private String issueAccess(Profile p) {
        String token = kind.name().toLowerCase() + "-access-" + UUID.randomUUID();
        accessTokens.put(token, p);
        issuedTokens.add(token);
        return token;
    }

    private String issueRefresh(Profile p) {
        String token = kind.name().toLowerCase() + "-refresh-" + UUID.randomUUID();
        refreshTokens.put(token, p);
        issuedTokens.add(token);
        return token;
    }

    public static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json; charset=UTF-8").body(body).build();
    }

    public static Map<String, String> form(RecordedRequest request) {
        Map<String, String> out = new HashMap<>();
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static Map<String, String> query(HttpUrl url) {
        Map<String, String> out = new HashMap<>();
        for (String name : url.queryParameterNames()) {
            out.put(name, url.queryParameter(name));
        }
        return out;
    }
}
