package com.creatorcampaignpro.social;

import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.Request;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * X (Twitter) through OAuth 2.0 Authorization Code with PKCE (api.x.com/2/oauth2/token, the
 * verifier is mandatory) and /2/users/me with public_metrics. We are a confidential client: the
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

    @Override
    public SocialProfile fetchProfile(String accessToken) {
        HttpUrl url = ProviderHttp.url(config.baseUrl(), "/2/users/me").newBuilder()
                .addQueryParameter("user.fields", "public_metrics,username,name")
                .build();
        JsonNode user = http.call(new Request.Builder().url(url).header("Authorization", "Bearer " + accessToken).get().build())
                .path("data");
        String id = ProviderHttp.text(user, "id");
        String username = ProviderHttp.text(user, "username");
        if (id == null || username == null) {
            throw new UnreadableResponseException(platform(), "users/me without id or username");
        }
        JsonNode metrics = user.path("public_metrics");
        return new SocialProfile(id, username, "https://x.com/" + username,
                http.count(metrics.path("followers_count"), "followers_count"),
                http.count(metrics.path("following_count"), "following_count"),
                http.count(metrics.path("tweet_count"), "tweet_count"), 0, BigDecimal.ZERO.setScale(4));
    }
}
