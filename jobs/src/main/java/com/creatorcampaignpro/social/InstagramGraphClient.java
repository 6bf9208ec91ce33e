package com.creatorcampaignpro.social;

import okhttp3.HttpUrl;
import okhttp3.Request;
import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * The alternative Instagram integration ({@code ccp.social.instagram.login: facebook}): professional
 * accounts through the Instagram Graph API with Facebook Login for Business (graph.facebook.com),
 * which needs a Facebook Page linked to the account. Facebook user tokens have no refresh token: the short-lived token from the
 * code exchange is traded at once for a long-lived one (about 60 days), and "refreshing" trades the
 * current long-lived token for a fresh one, which the Graph API allows while it is still valid.
 */
public class InstagramGraphClient implements SocialPlatformClient {
    private final ProviderHttp http;
    private final SocialProperties.Provider config;

    InstagramGraphClient(ProviderHttp http, SocialProperties.Provider config) {
        this.http = http;
        this.config = config;
    }

    @Override
    public Platform platform() {
        return Platform.INSTAGRAM;
    }

    private HttpUrl.Builder graph(String path) {
        return ProviderHttp.url(config.baseUrl(), "/" + config.apiVersion() + path).newBuilder();
    }

    @Override
    public OAuthTokens exchangeCode(String code, String redirectUri, String codeVerifier) {
        HttpUrl url = graph("/oauth/access_token")
                .addQueryParameter("client_id", config.clientId())
                .addQueryParameter("redirect_uri", redirectUri)
                .addQueryParameter("client_secret", config.clientSecret())
                .addQueryParameter("code", code)
                .build();
        OAuthTokens shortLived = http.tokenCall(new Request.Builder().url(url).get().build());
        return longLived(shortLived.accessToken());
    }

    @Override
    public OAuthTokens refresh(OAuthTokens current) {
        return longLived(current.accessToken());
    }

    private OAuthTokens longLived(String token) {
        HttpUrl url = graph("/oauth/access_token")
                .addQueryParameter("grant_type", "fb_exchange_token")
                .addQueryParameter("client_id", config.clientId())
                .addQueryParameter("client_secret", config.clientSecret())
                .addQueryParameter("fb_exchange_token", token)
                .build();
        return http.tokenCall(new Request.Builder().url(url).get().build());
    }

    @Override
    public AccountSnapshot fetchAccount(String accessToken, int mediaLimit) {
        // The Instagram account hangs off a Facebook Page the user manages.
        HttpUrl pages = graph("/me/accounts")
                .addQueryParameter("fields", "instagram_business_account{id,username,followers_count,follows_count,media_count}")
                .build();
        JsonNode account = null;
        for (JsonNode page : http.call(bearer(pages, accessToken)).path("data")) {
            if (page.path("instagram_business_account").isObject()) {
                account = page.path("instagram_business_account");
                break;
            }
        }
        if (account == null) {
            throw new ProfileUnavailableException(platform(),
                    "no Instagram professional account is linked to a Facebook Page of this login");
        }
        String id = ProviderHttp.text(account, "id");
        String username = ProviderHttp.text(account, "username");
        if (id == null || username == null) {
            throw new UnreadableResponseException(platform(), "instagram_business_account without id or username");
        }
        long followers = http.count(account.path("followers_count"), "followers_count");
        long posts = http.count(account.path("media_count"), "media_count");
        List<MediaItem> media = List.of();
        if (posts > 0 && mediaLimit > 0) {
            HttpUrl url = graph("/" + id + "/media")
                    .addQueryParameter("fields", InstagramMedia.FIELDS)
                    .addQueryParameter("limit", Integer.toString(mediaLimit))
                    .build();
            media = InstagramMedia.parse(http, http.call(bearer(url, accessToken)), mediaLimit);
        }
        SocialProfile profile = new SocialProfile(id, username, "https://www.instagram.com/" + username, followers,
                http.count(account.path("follows_count"), "follows_count"), posts, 0, EngagementRate.ZERO);
        return AccountSnapshot.of(platform(), profile, media);
    }

    private static Request bearer(HttpUrl url, String accessToken) {
        return new Request.Builder().url(url).header("Authorization", "Bearer " + accessToken).get().build();
    }
}
