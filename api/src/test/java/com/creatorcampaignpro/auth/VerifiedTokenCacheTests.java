package com.creatorcampaignpro.auth;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokenCacheTests {
    private static final SecretKey KEY = new SecretKeySpec(
            "a test key of at least thirty-two bytes!".getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();
    private final MutableClock clock = new MutableClock(T0);
    private final Set<String> revokedSubjects = ConcurrentHashMap.newKeySet();

    private VerifiedTokenCache cache(int maxEntries) {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(KEY).macAlgorithm(MacAlgorithm.HS256).build();
        nimbus.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        JwtDecoder counting = token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        };
        JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
        expiry.setClock(clock);
        // Stands in for a revocation check added later: it must see cached tokens too.
        DelegatingOAuth2TokenValidator<Jwt> validators = new DelegatingOAuth2TokenValidator<>(expiry,
                jwt -> revokedSubjects.contains(jwt.getSubject())
                        ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "revoked", null))
                        : OAuth2TokenValidatorResult.success());
        return new VerifiedTokenCache(counting, validators, maxEntries, clock);
    }

    private static String token(String subject, Instant expiresAt) {
        JwtClaimsSet claims = JwtClaimsSet.builder().subject(subject).issuedAt(expiresAt.minusSeconds(900))
                .expiresAt(expiresAt).build();
        return new NimbusJwtEncoder(new ImmutableSecret<>(KEY)).encode(JwtEncoderParameters.from(
                JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }

    @Test
    void verifiesTheSignatureOfARepeatedTokenOnce() {
        VerifiedTokenCache cache = cache(100);
        String token = token("alice", T0.plusSeconds(900));

        Jwt first = cache.decode(token);
        Jwt second = cache.decode(token);

        assertThat(second.getSubject()).isEqualTo("alice");
        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aCachedTokenIsRefusedOnceItExpires() {
        VerifiedTokenCache cache = cache(100);
        String token = token("alice", T0.plusSeconds(900));
        cache.decode(token);

        clock.now = T0.plusSeconds(901);

        assertThatThrownBy(() -> cache.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(cache.size()).isZero();
    }

    @Test
    void aCachedTokenIsRefusedOnceTheValidatorsRevokeIt() {
        VerifiedTokenCache cache = cache(100);
        String token = token("alice", T0.plusSeconds(900));
        cache.decode(token);

        revokedSubjects.add("alice");

        assertThatThrownBy(() -> cache.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("revoked");
    }

    @Test
    void aTokenWithABadSignatureIsNeverCached() {
        VerifiedTokenCache cache = cache(100);
        String token = token("alice", T0.plusSeconds(900));
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        assertThatThrownBy(() -> cache.decode(tampered)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode(tampered)).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void staysWithinItsBoundDroppingExpiredEntriesFirst() {
        VerifiedTokenCache cache = cache(2);
        String shortLived = token("bob", T0.plusSeconds(60));
        String alice = token("alice", T0.plusSeconds(900));
        cache.decode(shortLived);
        cache.decode(alice);
        clock.now = T0.plusSeconds(120);

        cache.decode(token("carol", T0.plusSeconds(900)));

        assertThat(cache.size()).isEqualTo(2);
        cache.decode(alice);
        assertThat(verifications).as("alice stayed cached; only bob's expired entry made room").hasValue(3);
    }

    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
