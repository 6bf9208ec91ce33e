package com.creatorcampaignpro.social;

import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.Request;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * X (Twitter) through OAuth 2.0 Authorization Code with PKCE (api.x.com/2/oauth2/token, the
 * verifier is mandatory), /2/users/me and /2/users/:id/tweets with public_metrics. We are a confidential client: the
 * token endpoint takes HTTP Basic client credentials. X rotates refresh tokens on every refresh.
 */
public class XClient implements SocialPlatformClient {
    private final ProviderHttp http;
    private final SocialProperties.Provider config;

    XClient(ProviderHttp http, SocialProperties.Provider config) {
        this.http = http;
        this.config = config;
    }

    @Override
    public Platform platform() {
        return Platform.TWITTER;
    }

    @Override
    public OAuthTokens exchangeCode(String code, String redirectUri, String codeVerifier) {
        if (codeVerifier == null) {
            throw new IllegalArgumentException("X requires the PKCE code verifier");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", code);
        form.put("grant_type", "authorization_code");
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", codeVerifier);
        form.put("client_id", config.clientId());
        return token(form);
    }

    @Override
    public OAuthTokens refresh(OAuthTokens current) {
        if (current.refreshToken() == null) {
            throw new TokenRevokedException(platform(), "no refresh token (offline.access not granted); connect again");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("refresh_token", current.refreshToken());
        form.put("grant_type", "refresh_token");
        form.put("client_id", config.clientId());
        return token(form).keepingRefreshTokenOf(current);
    }

    private OAuthTokens token(Map<String, String> form) {
        HttpUrl url = ProviderHttp.url(config.oauthBase(), "/2/oauth2/token");
        return http.tokenCall(new Request.Builder().url(url).post(ProviderHttp.form(form))
                .header("Authorization", Credentials.basic(config.clientId(), config.clientSecret())).build());
    }

    private JsonNode get(HttpUrl url, String accessToken) {
        return http.call(new Request.Builder().url(url).header("Authorization", "Bearer " + accessToken).get().build());
    }

    @Override
    public AccountSnapshot fetchAccount(String accessToken, int mediaLimit) {
        HttpUrl url = ProviderHttp.url(config.baseUrl(), "/2/users/me").newBuilder()
                .addQueryParameter("user.fields", "public_metrics,username,name")
                .build();
        JsonNode user = get(url, accessToken).path("data");
        String id = ProviderHttp.text(user, "id");
        String username = ProviderHttp.text(user, "username");
        if (id == null || username == null) {
            throw new UnreadableResponseException(platform(), "users/me without id or username");
        }
        JsonNode metrics = user.path("public_metrics");
        long posts = http.count(metrics.path("tweet_count"), "tweet_count");
        List<MediaItem> media = posts > 0 && mediaLimit > 0 ? recentPosts(accessToken, id, username, mediaLimit) : List.of();
        SocialProfile profile = new SocialProfile(id, username, "https://x.com/" + username,
                http.count(metrics.path("followers_count"), "followers_count"),
                http.count(metrics.path("following_count"), "following_count"), posts, 0, EngagementRate.ZERO);
        return AccountSnapshot.of(platform(), profile, media);
    }

    /**
     * GET /2/users/:id/tweets, the author's own posts (retweets and replies excluded), newest first;
     * max_results is 5..100. public_metrics: like, reply, retweet, quote, bookmark and impression counts.
     */
    private List<MediaItem> recentPosts(String accessToken, String userId, String username, int limit) {
        HttpUrl url = ProviderHttp.url(config.baseUrl(), "/2/users/" + userId + "/tweets").newBuilder()
                .addQueryParameter("max_results", Integer.toString(Math.max(5, Math.min(100, limit))))
                .addQueryParameter("tweet.fields", "created_at,public_metrics")
                .addQueryParameter("exclude", "retweets,replies")
                .build();
        List<MediaItem> media = new ArrayList<>();
        for (JsonNode post : get(url, accessToken).path("data")) {
            if (media.size() >= limit) {
                break;
            }
            String id = ProviderHttp.text(post, "id");
            if (id == null) {
                throw new UnreadableResponseException(platform(), "post without id");
            }
            JsonNode m = post.path("public_metrics");
            Long retweets = http.optionalCount(m.path("retweet_count"), "retweet_count");
            Long quotes = http.optionalCount(m.path("quote_count"), "quote_count");
            Long shares = retweets == null && quotes == null ? null : (retweets == null ? 0 : retweets) + (quotes == null ? 0 : quotes);
            media.add(new MediaItem(id, "tweet", "tweet", "https://x.com/" + username + "/status/" + id,
                    http.time(post, "created_at"),
                    http.optionalCount(m.path("impression_count"), "impression_count"),
                    http.optionalCount(m.path("like_count"), "like_count"),
                    http.optionalCount(m.path("reply_count"), "reply_count"),
                    shares, http.optionalCount(m.path("bookmark_count"), "bookmark_count"), null,
                    http.optionalCount(m.path("impression_count"), "impression_count")));
        }
        return media;
    }
}
