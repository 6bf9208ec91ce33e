package com.creatorcampaignpro.social;

import java.time.Instant;
import java.util.Objects;

/**
 * What a platform's token endpoint hands back. {@code refreshToken}, {@code expiresAt} and
 * {@code scopes} are null where the platform has none. {@link #toString()} never prints a token.
 */
public record OAuthTokens(String accessToken, String refreshToken, Instant expiresAt, String scopes) {

    public OAuthTokens {
        Objects.requireNonNull(accessToken, "accessToken");
    }

    /** The platform may omit the refresh token on refresh (Google does): keep the one we had. */
    public OAuthTokens keepingRefreshTokenOf(OAuthTokens previous) {
        return refreshToken != null || previous == null ? this
                : new OAuthTokens(accessToken, previous.refreshToken(), expiresAt, scopes == null ? previous.scopes() : scopes);
    }

    public boolean expiresBefore(Instant instant) {
        return expiresAt != null && expiresAt.isBefore(instant);
    }

    @Override
    public String toString() {
        return "OAuthTokens[access=<redacted>, refresh=" + (refreshToken == null ? "none" : "<redacted>")
                + ", expiresAt=" + expiresAt + ", scopes=" + scopes + "]";
    }
}
