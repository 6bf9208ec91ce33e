package com.creatorcampaignpro.auth;

import com.creatorcampaignpro.crypto.Sha256;
import com.creatorcampaignpro.user.User;
import com.creatorcampaignpro.user.UserDao;
import com.creatorcampaignpro.web.UnauthenticatedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Access tokens (short-lived JWTs) and rotating refresh tokens. A refresh token is 256 random bits
 * given to the client once; only its SHA-256 is stored, so a database leak yields no usable token.
 */
@Service
public class TokenService {
    private static final Logger log = LoggerFactory.getLogger(TokenService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JwtEncoder jwtEncoder;
    private final RefreshTokenDao refreshTokens;
    private final UserDao users;
    private final AuthProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public TokenService(JwtEncoder jwtEncoder, RefreshTokenDao refreshTokens, UserDao users, AuthProperties properties,
                        TransactionTemplate transaction) {
        this.jwtEncoder = jwtEncoder;
        this.refreshTokens = refreshTokens;
        this.users = users;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = Clock.systemUTC();
    }

    public record IssuedTokens(String accessToken, Instant accessTokenExpiresAt, String refreshToken,
                               Instant refreshTokenExpiresAt, User user) {
    }

    /** A fresh login: a new refresh-token family. */
    public IssuedTokens issue(User user) {
        UUID family = UUID.randomUUID();
        return transaction.execute(tx -> issueInFamily(user, family));
    }

    /**
     * Exchanges a refresh token for a new pair. Presenting a token that was already rotated means it
     * leaked (or a client replayed it): the whole family is revoked, logging out every holder.
     */
    public IssuedTokens rotate(String presented) {
        byte[] hash = Sha256.of(presented);
        RotationOutcome outcome = transaction.execute(tx -> {
            RefreshToken current = refreshTokens.findByHash(hash).orElse(null);
            if (current == null) {
                return new RotationOutcome(null, "invalid-refresh-token", "the refresh token is not recognised");
            }
            if (current.isRotatedOrRevoked()) {
                int revoked = refreshTokens.revokeFamily(current.familyId());
                log.warn("Refresh token reuse detected for user {}: revoked {} token(s) of family {}",
                        current.userId(), revoked, current.familyId());
                return new RotationOutcome(null, "refresh-token-reused",
                        "this refresh token was already used; every session of this login has been revoked, log in again");
            }
            if (!current.expiresAt().isAfter(clock.instant())) {
                return new RotationOutcome(null, "refresh-token-expired", "the refresh token has expired; log in again");
            }
            User user = users.find(current.userId()).filter(User::active).orElse(null);
            if (user == null) {
                refreshTokens.revokeFamily(current.familyId());
                return new RotationOutcome(null, "account-disabled", "the account is disabled");
            }
            UUID nextId = UUID.randomUUID();
            IssuedTokens next = issueInFamily(user, current.familyId(), nextId);
            if (refreshTokens.markRotated(current.id(), nextId) == 0) {
                // Lost a race with another refresh of the same token: that is reuse too.
                tx.setRollbackOnly();
                return new RotationOutcome(null, "refresh-token-reused", "this refresh token was already used; log in again");
            }
            return new RotationOutcome(next, null, null);
        });
        if (outcome.tokens() == null) {
            if ("refresh-token-reused".equals(outcome.code())) {
                // The race loser's transaction rolled back: revoke the family in a transaction of its own.
                refreshTokens.findByHash(hash).ifPresent(t -> refreshTokens.revokeFamily(t.familyId()));
            }
            throw new UnauthenticatedException(outcome.code(), outcome.message());
        }
        return outcome.tokens();
    }

    /** Logout: revokes the presented token's family. Unknown tokens are ignored (logout is idempotent). */
    public void revoke(String presented) {
        refreshTokens.findByHash(Sha256.of(presented)).ifPresent(t -> refreshTokens.revokeFamily(t.familyId()));
    }

    private record RotationOutcome(IssuedTokens tokens, String code, String message) {
    }

    private IssuedTokens issueInFamily(User user, UUID family) {
        return issueInFamily(user, family, UUID.randomUUID());
    }

    private IssuedTokens issueInFamily(User user, UUID family, UUID refreshId) {
        Instant now = clock.instant();
        Instant accessExpiry = now.plus(properties.accessTokenTtl());
        Instant refreshExpiry = now.plus(properties.refreshTokenTtl());

        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        refreshTokens.insert(refreshId, user.id(), family, Sha256.of(refreshToken), refreshExpiry);

        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject(user.id().toString())
                .issuedAt(now)
                .expiresAt(accessExpiry)
                .id(UUID.randomUUID().toString())
                .claim("email", user.email())
                .claim("user_type", user.userType().dbValue())
                .claim("roles", user.roleNames())
                .build();
        String accessToken = jwtEncoder.encode(JwtEncoderParameters.from(
                JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
        return new IssuedTokens(accessToken, accessExpiry, refreshToken, refreshExpiry, user);
    }
}
