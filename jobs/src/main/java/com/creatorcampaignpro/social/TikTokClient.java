package com.creatorcampaignpro.social;

import okhttp3.HttpUrl;
import okhttp3.Request;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TikTok Login Kit v2 (open.tiktokapis.com/v2/oauth/token/) and the Display API's
 * /v2/user/info/. TikTok calls the client id {@code client_key}; the trailing slashes are part of
 * its paths. Every Display API answer carries {@code error.code}, "ok" on success.
 */
public class TikTokClient implements SocialPlatformClient {
    static final String USER_FIELDS = "open_id,union_id,username,display_name,profile_deep_link,"
            + "follower_count,following_count,likes_count,video_count";

    private final ProviderHttp http;
    private final SocialProperties.Provider config;

    TikTokClient(ProviderHttp http, SocialProperties.Provider config) {
        this.http = http;
        this.config = config;
    }

    @Override
    public Platform platform() {
        return Platform.TIKTOK;
    }

    @Override
    public OAuthTokens exchangeCode(String code, String redirectUri, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_key", config.clientId());
        form.put("client_secret", config.clientSecret());
        form.put("code", code);
        form.put("grant_type", "authorization_code");
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", codeVerifier);
        return token(form);
    }

    @Override
    public OAuthTokens refresh(OAuthTokens current) {
        if (current.refreshToken() == null) {
            throw new TokenRevokedException(platform(), "no refresh token; connect again");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_key", config.clientId());
        form.put("client_secret", config.clientSecret());
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", current.refreshToken());
        return token(form).keepingRefreshTokenOf(current);
    }

    private OAuthTokens token(Map<String, String> form) {
        HttpUrl url = ProviderHttp.url(config.oauthBase(), "/v2/oauth/token/");
        return http.tokenCall(new Request.Builder().url(url).post(ProviderHttp.form(form))
                .header("Cache-Control", "no-cache").build());
    }

    @Override
    public SocialProfile fetchProfile(String accessToken) {
        HttpUrl url = ProviderHttp.url(config.baseUrl(), "/v2/user/info/").newBuilder()
                .addQueryParameter("fields", USER_FIELDS)
                .build();
        JsonNode user = http.call(new Request.Builder().url(url).header("Authorization", "Bearer " + accessToken).get().build())
                .path("data").path("user");
        String openId = ProviderHttp.text(user, "open_id");
        if (openId == null) {
            throw new UnreadableResponseException(platform(), "user/info without open_id");
        }
        String username = ProviderHttp.text(user, "username");
        String name = username != null ? username : ProviderHttp.text(user, "display_name");
        String link = ProviderHttp.text(user, "profile_deep_link");
        long followers = http.count(user.path("follower_count"), "follower_count");
        long videos = http.count(user.path("video_count"), "video_count");
        // Lifetime likes per video over followers: the profile's best engagement proxy.
        BigDecimal engagement = EngagementRate.of(http.count(user.path("likes_count"), "likes_count"), videos, followers);
        return new SocialProfile(openId, name,
                link != null ? link : (username != null ? "https://www.tiktok.com/@" + username : null),
                followers, http.count(user.path("following_count"), "following_count"), videos, 0, engagement);
    }
}
