package com.creatorcampaignpro.social;

import okhttp3.HttpUrl;
import okhttp3.Request;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * YouTube channels through Google OAuth 2.0 (oauth2.googleapis.com/token) and the YouTube Data API v3
 * (www.googleapis.com/youtube/v3): {@code channels} (statistics and the uploads playlist),
 * {@code playlistItems} (the most recent uploads, newest first) and {@code videos} (their statistics),
 * 3 quota units per account. Google returns a refresh token only on the first consent (with
 * access_type=offline) and never on refresh: the one we hold is kept.
 */
public class YouTubeClient implements SocialPlatformClient {
    /** The Data API's page size limit for playlistItems and videos. */
    static final int MAX_RESULTS = 50;

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

    private JsonNode get(HttpUrl url, String accessToken) {
        return http.call(new Request.Builder().url(url).header("Authorization", "Bearer " + accessToken).get().build());
    }

    @Override
    public AccountSnapshot fetchAccount(String accessToken, int mediaLimit) {
        HttpUrl url = ProviderHttp.url(config.baseUrl(), "/youtube/v3/channels").newBuilder()
                .addQueryParameter("part", "snippet,statistics,contentDetails")
                .addQueryParameter("mine", "true")
                .build();
        JsonNode channel = get(url, accessToken).path("items").path(0);
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
        // A channel may hide its subscriber count: then subscriberCount is absent and we record zero.
        long subscribers = http.count(stats.path("subscriberCount"), "subscriberCount");
        String uploads = ProviderHttp.text(channel.path("contentDetails").path("relatedPlaylists"), "uploads");
        List<MediaItem> media = videos > 0 && uploads != null && mediaLimit > 0
                ? recentUploads(accessToken, uploads, Math.min(mediaLimit, MAX_RESULTS)) : List.of();
        String profileUrl = handle != null ? "https://www.youtube.com/" + handle : "https://www.youtube.com/channel/" + id;
        SocialProfile profile = new SocialProfile(id, handle != null ? handle : title, profileUrl, subscribers, 0, videos,
                0, EngagementRate.ZERO);
        return AccountSnapshot.of(platform(), profile, media);
    }

    private List<MediaItem> recentUploads(String accessToken, String uploads, int limit) {
        HttpUrl items = ProviderHttp.url(config.baseUrl(), "/youtube/v3/playlistItems").newBuilder()
                .addQueryParameter("part", "contentDetails")
                .addQueryParameter("playlistId", uploads)
                .addQueryParameter("maxResults", Integer.toString(limit))
                .build();
        List<String> ids = new ArrayList<>();
        for (JsonNode item : get(items, accessToken).path("items")) {
            String videoId = ProviderHttp.text(item.path("contentDetails"), "videoId");
            if (videoId != null) {
                ids.add(videoId);
            }
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        HttpUrl stats = ProviderHttp.url(config.baseUrl(), "/youtube/v3/videos").newBuilder()
                .addQueryParameter("part", "snippet,statistics,contentDetails")
                .addQueryParameter("id", String.join(",", ids))
                .addQueryParameter("maxResults", Integer.toString(limit))
                .build();
        List<MediaItem> media = new ArrayList<>();
        for (JsonNode video : get(stats, accessToken).path("items")) {
            String videoId = ProviderHttp.text(video, "id");
            if (videoId == null) {
                throw new UnreadableResponseException(platform(), "video without id");
            }
            JsonNode s = video.path("statistics");
            media.add(new MediaItem(videoId, ProviderHttp.text(video, "kind") != null ? ProviderHttp.text(video, "kind") : "youtube#video",
                    contentType(video), "https://www.youtube.com/watch?v=" + videoId,
                    http.time(video.path("snippet"), "publishedAt"),
                    http.optionalCount(s.path("viewCount"), "viewCount"),
                    http.optionalCount(s.path("likeCount"), "likeCount"),      // absent when the owner hides likes
                    http.optionalCount(s.path("commentCount"), "commentCount"), // absent when comments are off
                    null, null, null, null));
        }
        return media;
    }

    /**
     * "live" for broadcasts, "short" for uploads of at most 60 s (the Data API does not flag Shorts;
     * since late 2024 Shorts may run to 3 minutes, which we then count as videos), else "video".
     */
    private static String contentType(JsonNode video) {
        String live = ProviderHttp.text(video.path("snippet"), "liveBroadcastContent");
        if ((live != null && !"none".equals(live)) || video.path("liveStreamingDetails").isObject()) {
            return "live";
        }
        String duration = ProviderHttp.text(video.path("contentDetails"), "duration");
        if (duration != null) {
            try {
                return Duration.parse(duration).compareTo(Duration.ofSeconds(60)) <= 0 ? "short" : "video";
            } catch (DateTimeParseException unusual) {
                return "video";   // e.g. "P0D" for premieres: not worth failing the account
            }
        }
        return "video";
    }
}
