package com.creatorcampaignpro.social;

/**
 * The port to one social platform, used by the connect/refresh endpoints and the sync job alike.
 * Implementations throw {@link SocialProviderException} subtypes: {@link TokenRevokedException}
 * (reconnect needed), {@link ProviderRateLimitedException} (wait), {@link TransientProviderException}
 * (retry later), {@link UnreadableResponseException} (skip and record), {@link ProfileUnavailableException}.
 */
public interface SocialPlatformClient {

    Platform platform();

    /**
     * Trades an OAuth authorization code for tokens. {@code codeVerifier} is the PKCE verifier (X
     * requires it; TikTok for mobile/desktop apps); null when the authorization used none. An
     * invalid, expired or reused code is a {@link TokenRevokedException}.
     */
    OAuthTokens exchangeCode(String code, String redirectUri, String codeVerifier);

    /** New tokens for an account whose access token expired or is about to. */
    OAuthTokens refresh(OAuthTokens current);

    /** The account's profile and counters, read with its access token. */
    SocialProfile fetchProfile(String accessToken);
}
