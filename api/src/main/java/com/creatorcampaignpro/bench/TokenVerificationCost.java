package com.creatorcampaignpro.bench;

import com.creatorcampaignpro.auth.VerifiedTokenCache;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.spec.SecretKeySpec;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What verifying an access token costs on one thread, as SecurityConfiguration builds its decoder:
 * Nimbus parsing + HMAC-SHA256 + claim validation on every request, against the same token through
 * {@link VerifiedTokenCache} (a map lookup + claim validation). A token like ours: HS256, the claims
 * TokenService writes.
 */
final class TokenVerificationCost {
    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 100_000;

    private TokenVerificationCost() {
    }

    /** Microseconds per decode: {uncached, cached}. */
    static double[] measure() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SecretKeySpec secret = new SecretKeySpec(key, "HmacSHA256");
        Instant now = Instant.now();
        String token = new NimbusJwtEncoder(new ImmutableSecret<>(secret)).encode(JwtEncoderParameters.from(
                JwsHeader.with(MacAlgorithm.HS256).build(), JwtClaimsSet.builder().issuer("creator-campaign-pro")
                        .subject(UUID.randomUUID().toString()).issuedAt(now).expiresAt(now.plusSeconds(900))
                        .id(UUID.randomUUID().toString()).claim("email", "marketer1@demo.ccp.example")
                        .claim("user_type", "marketer").claim("roles", List.of("marketer")).build())).getTokenValue();

        NimbusJwtDecoder everyTime = NimbusJwtDecoder.withSecretKey(secret).macAlgorithm(MacAlgorithm.HS256).build();
        everyTime.setJwtValidator(JwtValidators.createDefaultWithIssuer("creator-campaign-pro"));
        NimbusJwtDecoder signatureOnly = NimbusJwtDecoder.withSecretKey(secret).macAlgorithm(MacAlgorithm.HS256).build();
        signatureOnly.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        JwtDecoder cached = new VerifiedTokenCache(signatureOnly, JwtValidators.createDefaultWithIssuer("creator-campaign-pro"),
                10_000, Clock.systemUTC());
        return new double[]{microsPerDecode(everyTime, token), microsPerDecode(cached, token)};
    }

    private static double microsPerDecode(JwtDecoder decoder, String token) {
        long sink = 0;
        for (int i = 0; i < WARM_UP; i++) {
            // A fresh String per call, as each request's header gives (no cached hash code).
            sink += decoder.decode(new String(token.toCharArray())).getSubject().length();
        }
        long started = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            sink += decoder.decode(new String(token.toCharArray())).getSubject().length();
        }
        double micros = (System.nanoTime() - started) / 1e3 / MEASURED;
        return sink == 0 ? Double.NaN : micros;
    }
}
