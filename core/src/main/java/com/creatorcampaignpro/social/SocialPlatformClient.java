package com.creatorcampaignpro.social;

/**
 * The port to one social platform, used by the connect/refresh endpoints and the sync job alike.
 * Implementations throw {@link SocialProviderException} subtypes: {@link TokenRevokedException}
 * (refresh, else reconnect), {@link ProviderRateLimitedException} (wait), {@link TransientProviderException}
 * (retry later), {@link UnreadableResponseException} (skip and record), {@link ProfileUnavailableException},
 * {@link PlatformUnavailableException} (the platform keeps failing: stop calling it for a while).
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

    /**
     * The account's profile, its most recent media (at most {@code mediaLimit}, newest first) with
     * whatever metrics the platform reports for them, and the declared figures made from them.
     */
    AccountSnapshot fetchAccount(String accessToken, int mediaLimit);

    /** The account's profile and counters, with the figures of {@link EngagementFormula}. */
    default SocialProfile fetchProfile(String accessToken) {
        return fetchAccount(accessToken, EngagementFormula.SAMPLE).profile();
    }
}
