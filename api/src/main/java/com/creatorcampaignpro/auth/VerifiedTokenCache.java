package com.creatorcampaignpro.auth;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses and checks the signature of each distinct access token once, then reuses the result: a
 * client sends the same token with every request for its lifetime, and parsing plus HMAC were a
 * quarter of the cheapest endpoint's CPU. Only what cannot change is cached (the token's bytes
 * were signed by us); the validators (expiry, issuer, and any added later, such as a revocation
 * check) run on every request, so a cached token is refused the moment it expires or is revoked.
 * An entry is dropped once its token expired; the map is bounded (a flood of distinct valid tokens
 * empties it rather than growing it).
 */
public final class VerifiedTokenCache implements JwtDecoder {
    private final JwtDecoder signatureVerifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final int maxEntries;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    /** {@code signatureVerifier} must not validate claims itself: {@code validator} does, on every call. */
    public VerifiedTokenCache(JwtDecoder signatureVerifier, OAuth2TokenValidator<Jwt> validator, int maxEntries, Clock clock) {
        this.signatureVerifier = signatureVerifier;
        this.validator = validator;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.get(token);
        if (jwt == null) {
            jwt = signatureVerifier.decode(token);
            remember(token, jwt);
        }
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            verified.remove(token);
            OAuth2Error first = result.getErrors().iterator().next();
            throw new JwtValidationException("An error occurred while attempting to decode the Jwt: "
                    + first.getDescription(), result.getErrors());
        }
        return jwt;
    }

    private void remember(String token, Jwt jwt) {
        if (jwt.getExpiresAt() == null) {
            return; // ours always expire; anything else is validated afresh every time
        }
        if (verified.size() >= maxEntries) {
            Instant now = clock.instant();
            verified.values().removeIf(cached -> !cached.getExpiresAt().isAfter(now));
            if (verified.size() >= maxEntries) {
                verified.clear();
            }
        }
        verified.put(token, jwt);
    }

    int size() {
        return verified.size();
    }
}
