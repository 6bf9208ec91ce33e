package com.creatorcampaignpro.social;

import okhttp3.HttpUrl;
import okhttp3.Request;
import tools.jackson.databind.JsonNode;

import okhttp3.MediaType;
import okhttp3.RequestBody;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TikTok Login Kit v2 (open.tiktokapis.com/v2/oauth/token/) and the Display API's
 * /v2/user/info/ and /v2/video/list/. TikTok rotates refresh tokens: the one in each answer replaces ours. TikTok calls the client id {@code client_key}; the trailing slashes are part of
 * its paths. Every Display API answer carries {@code error.code}, "ok" on success.
 */
public class TikTokClient implements SocialPlatformClient {
    static final String USER_FIELDS = "open_id,union_id,username,display_name,profile_deep_link,"
            + "follower_count,following_count,likes_count,video_count";
    static final String VIDEO_FIELDS = "id,create_time,share_url,duration,title,like_count,comment_count,share_count,view_count";
    /** video/list answers at most 20 videos per request. */
    static final int MAX_COUNT = 20;
    private static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");

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
    public AccountSnapshot fetchAccount(String accessToken, int mediaLimit) {
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
        List<MediaItem> media = videos > 0 && mediaLimit > 0 ? recentVideos(accessToken, Math.min(mediaLimit, MAX_COUNT)) : List.of();
        SocialProfile profile = new SocialProfile(openId, name,
                link != null ? link : (username != null ? "https://www.tiktok.com/@" + username : null),
                followers, http.count(user.path("following_count"), "following_count"), videos, 0, EngagementRate.ZERO);
        return AccountSnapshot.of(platform(), profile, media);
    }

    /** POST /v2/video/list/ (scope video.list): fields in the query, {"max_count": n} (at most 20) in the body. */
    private List<MediaItem> recentVideos(String accessToken, int limit) {
        HttpUrl url = ProviderHttp.url(config.baseUrl(), "/v2/video/list/").newBuilder()
                .addQueryParameter("fields", VIDEO_FIELDS)
                .build();
        JsonNode data = http.call(new Request.Builder().url(url).header("Authorization", "Bearer " + accessToken)
                .post(RequestBody.create("{\"max_count\":" + limit + "}", JSON)).build()).path("data");
        List<MediaItem> media = new ArrayList<>();
        for (JsonNode video : data.path("videos")) {
            String id = ProviderHttp.text(video, "id");
            JsonNode created = video.path("create_time");
            if (id == null || !created.isNumber()) {
                throw new UnreadableResponseException(platform(), "video without id or create_time");
            }
            media.add(new MediaItem(id, "video", "video", ProviderHttp.text(video, "share_url"),
                    Instant.ofEpochSecond(created.asLong()),
                    http.optionalCount(video.path("view_count"), "view_count"),
                    http.optionalCount(video.path("like_count"), "like_count"),
                    http.optionalCount(video.path("comment_count"), "comment_count"),
                    http.optionalCount(video.path("share_count"), "share_count"),
                    null, null, null));
        }
        return media;
    }
}
