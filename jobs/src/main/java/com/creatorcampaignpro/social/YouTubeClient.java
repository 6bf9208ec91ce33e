package com.creatorcampaignpro.social;

import okhttp3.HttpUrl;
import okhttp3.Request;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * YouTube channels through Google OAuth 2.0 (oauth2.googleapis.com/token) and the YouTube Data API v3
 * (www.googleapis.com/youtube/v3/channels). Google returns a refresh token only on the first consent
 * (with access_type=offline) and never on refresh: the one we hold is kept.
 */
public class YouTubeClient implements SocialPlatformClient {
    private final ProviderHttp http;
    private final SocialProperties.Provider config;

    YouTubeClient(ProviderHttp http, SocialProperties.Provider config) {
        this.http = http;
        this.config = config;
    }

    @Override
    public Platform platform() {
        return Platform.YOUTUBE;
    }

    @Override
    public OAuthTokens exchangeCode(String code, String redirectUri, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", code);
        form.put("client_id", config.clientId());
        form.put("client_secret", config.clientSecret());
        form.put("redirect_uri", redirectUri);
        form.put("grant_type", "authorization_code");
        form.put("code_verifier", codeVerifier);
        return token(form);
    }

    @Override
    public OAuthTokens refresh(OAuthTokens current) {
        if (current.refreshToken() == null) {
            throw new TokenRevokedException(platform(), "no refresh token was granted; connect again");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", config.clientId());
        form.put("client_secret", config.clientSecret());
        form.put("refresh_token", current.refreshToken());
        form.put("grant_type", "refresh_token");
        return token(form).keepingRefreshTokenOf(current);
    }

    private OAuthTokens token(Map<String, String> form) {
        HttpUrl url = ProviderHttp.url(config.oauthBase(), "/token");
        return http.tokenCall(new Request.Builder().url(url).post(ProviderHttp.form(form)).build());
    }

    @Override
    public SocialProfile fetchProfile(String accessToken) {
        HttpUrl url = ProviderHttp.url(config.baseUrl(), "/youtube/v3/channels").newBuilder()
                .addQueryParameter("part", "snippet,statistics")
                .addQueryParameter("mine", "true")
                .build();
        JsonNode channel = http.call(new Request.Builder().url(url).header("Authorization", "Bearer " + accessToken).get().build())
                .path("items").path(0);
        if (!channel.isObject()) {
            throw new ProfileUnavailableException(platform(), "this Google account has no YouTube channel");
        }
        String id = ProviderHttp.text(channel, "id");
        if (id == null) {
            throw new UnreadableResponseException(platform(), "channel without id");
        }
        JsonNode snippet = channel.path("snippet");
        JsonNode stats = channel.path("statistics");
        String handle = ProviderHttp.text(snippet, "customUrl");   // "@name", absent for some channels
        String title = ProviderHttp.text(snippet, "title");
        long videos = http.count(stats.path("videoCount"), "videoCount");
        long views = http.count(stats.path("viewCount"), "viewCount");
        // A channel may hide its subscriber count: then subscriberCount is absent and we record zero.
        long subscribers = http.count(stats.path("subscriberCount"), "subscriberCount");
        String profileUrl = handle != null ? "https://www.youtube.com/" + handle : "https://www.youtube.com/channel/" + id;
        return new SocialProfile(id, handle != null ? handle : title, profileUrl, subscribers, 0, videos,
                videos == 0 ? 0 : views / videos, BigDecimal.ZERO.setScale(4));
    }
}
