package com.creatorcampaignpro.social;

import okhttp3.HttpUrl;
import okhttp3.Request;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Instagram professional accounts through the Instagram API with Instagram Login (Business Login for
 * Instagram): no Facebook Page needed, the integration creators meet since Basic Display was retired.
 * The code is exchanged at api.instagram.com ({@code POST /oauth/access_token}) for a one-hour token,
 * traded at once on graph.instagram.com ({@code GET /access_token}, {@code ig_exchange_token}) for a
 * 60-day one, which {@code GET /refresh_access_token} ({@code ig_refresh_token}) renews while valid
 * and at least 24 h old. There is no refresh token: the long-lived token refreshes itself. Calls carry
 * the token as the {@code access_token} parameter, as Meta documents them.
 */
public class InstagramLoginClient implements SocialPlatformClient {
    private final ProviderHttp http;
    private final SocialProperties.Provider config;

    InstagramLoginClient(ProviderHttp http, SocialProperties.Provider config) {
        this.http = http;
        this.config = config;
    }

    @Override
    public Platform platform() {
        return Platform.INSTAGRAM;
    }

    @Override
    public OAuthTokens exchangeCode(String code, String redirectUri, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", config.clientId());
        form.put("client_secret", config.clientSecret());
        form.put("grant_type", "authorization_code");
        form.put("redirect_uri", redirectUri);
        form.put("code", code);
        HttpUrl url = ProviderHttp.url(config.oauthBase(), "/oauth/access_token");
        JsonNode answer = http.tokenResponse(new Request.Builder().url(url).post(ProviderHttp.form(form)).build());
        // Documented as {"data": [{"access_token", "user_id", "permissions"}]}; older apps get the object flat.
        JsonNode shortLived = answer.path("data").path(0).isObject() ? answer.path("data").path(0) : answer;
        String token = ProviderHttp.text(shortLived, "access_token");
        if (token == null) {
            throw new UnreadableResponseException(platform(), "no access_token in the answer to /oauth/access_token");
        }
        HttpUrl exchange = ProviderHttp.url(config.baseUrl(), "/access_token").newBuilder()
                .addQueryParameter("grant_type", "ig_exchange_token")
                .addQueryParameter("client_secret", config.clientSecret())
                .addQueryParameter("access_token", token)
                .build();
        return http.tokenCall(new Request.Builder().url(exchange).get().build());
    }

    @Override
    public OAuthTokens refresh(OAuthTokens current) {
        HttpUrl url = ProviderHttp.url(config.baseUrl(), "/refresh_access_token").newBuilder()
                .addQueryParameter("grant_type", "ig_refresh_token")
                .addQueryParameter("access_token", current.accessToken())
                .build();
        return http.tokenCall(new Request.Builder().url(url).get().build());
    }

    private HttpUrl.Builder graph(String path, String accessToken) {
        String version = config.apiVersion() == null || config.apiVersion().isBlank() ? "" : "/" + config.apiVersion();
        return ProviderHttp.url(config.baseUrl(), version + path).newBuilder().addQueryParameter("access_token", accessToken);
    }

    @Override
    public AccountSnapshot fetchAccount(String accessToken, int mediaLimit) {
        HttpUrl me = graph("/me", accessToken)
                .addQueryParameter("fields", "user_id,username,account_type,followers_count,follows_count,media_count")
                .build();
        JsonNode user = http.call(new Request.Builder().url(me).get().build());
        String id = ProviderHttp.text(user, "user_id") != null ? ProviderHttp.text(user, "user_id") : ProviderHttp.text(user, "id");
        String username = ProviderHttp.text(user, "username");
        if (id == null || username == null) {
            throw new UnreadableResponseException(platform(), "/me without user_id or username");
        }
        long followers = http.count(user.path("followers_count"), "followers_count");
        long posts = http.count(user.path("media_count"), "media_count");
        List<MediaItem> media = List.of();
        if (posts > 0 && mediaLimit > 0) {
            HttpUrl list = graph("/me/media", accessToken)
                    .addQueryParameter("fields", InstagramMedia.FIELDS)
                    .addQueryParameter("limit", Integer.toString(mediaLimit))
                    .build();
            media = InstagramMedia.parse(http, http.call(new Request.Builder().url(list).get().build()), mediaLimit);
        }
        SocialProfile profile = new SocialProfile(id, username, "https://www.instagram.com/" + username, followers,
                http.count(user.path("follows_count"), "follows_count"), posts, 0, EngagementRate.ZERO);
        return AccountSnapshot.of(platform(), profile, media);
    }
}
