package com.creatorcampaignpro.auth;

import com.creatorcampaignpro.web.Problems;
import com.creatorcampaignpro.web.UnauthenticatedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import java.util.Collection;
import java.util.List;

/**
 * Verifies Google ID tokens as Google documents it: RS256 signature against Google's JWKS (fetched
 * from the configured URL and cached by Nimbus), issuer accounts.google.com, audience one of our
 * client ids, not expired, and a verified email. Not a bean of type JwtDecoder on purpose: that
 * would compete with the decoder of our own access tokens.
 */
@Component
class GoogleIdTokenVerifier {
    private static final Logger log = LoggerFactory.getLogger(GoogleIdTokenVerifier.class);

    private final GoogleProperties properties;
    private final NimbusJwtDecoder decoder;

    GoogleIdTokenVerifier(GoogleProperties properties) {
        this.properties = properties;
        this.decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        List<String> issuers = properties.issuers();
        List<String> audiences = properties.clientIds();
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtClaimValidator<Object>(JwtClaimNames.ISS, iss -> iss != null && issuers.contains(iss.toString())),
                new JwtClaimValidator<Object>(JwtClaimNames.AUD, aud -> aud instanceof Collection<?> list
                        ? list.stream().anyMatch(a -> audiences.contains(String.valueOf(a)))
                        : aud != null && audiences.contains(aud.toString())),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null),
                new JwtClaimValidator<Object>(JwtClaimNames.SUB, sub -> sub != null && !sub.toString().isBlank()));
        decoder.setJwtValidator(validator);
    }

    /** The verified identity in the token; 401 for any token Google did not issue to us. */
    GoogleIdentity verify(String idToken) {
        if (!properties.configured()) {
            throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                    Problems.type("google-sign-in-disabled"), "Google sign-in is not configured",
                    "this platform has no Google client id configured (ccp.google.client-ids)"), null);
        }
        Jwt jwt;
        try {
            jwt = decoder.decode(idToken);
        } catch (BadJwtException e) {
            log.info("Google ID token refused: {}", e.getMessage());
            throw new UnauthenticatedException("invalid-google-token", "the Google ID token is invalid, expired or not for this application");
        } catch (JwtException e) {
            // Not the token's fault: Google's keys could not be fetched.
            log.warn("Google ID token not verifiable: {}", e.getMessage());
            throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                    Problems.type("google-unavailable"), "Google is unavailable",
                    "Google's signing keys could not be fetched; try again shortly"), e);
        }
        Object verified = jwt.getClaims().get("email_verified");
        String email = jwt.getClaimAsString("email");
        if (email == null || email.isBlank() || !(Boolean.TRUE.equals(verified) || "true".equals(verified))) {
            throw new UnauthenticatedException("google-email-unverified", "the Google account has no verified email address");
        }
        return new GoogleIdentity(jwt.getSubject(), email.trim(), jwt.getClaimAsString("given_name"),
                jwt.getClaimAsString("family_name"));
    }

    record GoogleIdentity(String subject, String email, String givenName, String familyName) {
    }
}
