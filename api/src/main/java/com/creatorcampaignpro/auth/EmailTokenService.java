package com.creatorcampaignpro.auth;

import com.creatorcampaignpro.crypto.Sha256;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.mail.OutboundEmailDao;
import com.creatorcampaignpro.user.AccountDao;
import com.creatorcampaignpro.user.PasswordPolicy;
import com.creatorcampaignpro.user.User;
import com.creatorcampaignpro.user.UserDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Email verification and password reset. Tokens are 256 random bits mailed once; only their
 * SHA-256 is stored, they expire, and spending one is a single conditional UPDATE. The email is
 * written to the outbox in the same transaction as its token: both exist or neither does.
 */
@Service
public class EmailTokenService {
    private static final Logger log = LoggerFactory.getLogger(EmailTokenService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String VERIFY = "verify";
    static final String RESET = "reset";

    private final EmailTokenDao tokens;
    private final OutboundEmailDao outbox;
    private final UserDao users;
    private final AccountDao accounts;
    private final RefreshTokenDao refreshTokens;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate transaction;
    private final AccountProperties properties;

    EmailTokenService(EmailTokenDao tokens, OutboundEmailDao outbox, UserDao users, AccountDao accounts,
                      RefreshTokenDao refreshTokens, PasswordEncoder passwordEncoder, TransactionTemplate transaction,
                      AccountProperties properties) {
        this.tokens = tokens;
        this.outbox = outbox;
        this.users = users;
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.passwordEncoder = passwordEncoder;
        this.transaction = transaction;
        this.properties = properties;
    }

    /** Queues the verification email; call inside the transaction that creates the user. */
    void sendVerification(User user) {
        String token = issue(user.id(), VERIFY, properties.verifyEmailTtl());
        outbox.enqueue(user.email(), "Confirm your email address", """
                Hello %s,

                please confirm your email address for Creator Campaign Pro by opening this link:

                %s

                The link works once and expires in %s. If you did not create an account, ignore this email.
                """.formatted(greeting(user), link("/verify-email", token), human(properties.verifyEmailTtl())),
                "verify-email", user.id());
    }

    public void verifyEmail(String token) {
        transaction.executeWithoutResult(tx -> {
            UUID userId = tokens.consume(Sha256.of(token), VERIFY).orElseThrow(EmailTokenService::badToken);
            accounts.markEmailVerified(userId);
        });
    }

    /**
     * Queues a reset link if the email belongs to an active account and it has not asked too often.
     * The caller answers the same in every case, so the endpoint does not reveal who has an account.
     */
    public void forgotPassword(String email) {
        transaction.executeWithoutResult(tx -> users.findByEmail(email.trim()).filter(User::active).ifPresent(user -> {
            // Serializes concurrent requests for one account, so the limit below cannot be raced past.
            accounts.lock(user.id());
            Instant since = Instant.now().minus(properties.resetRequestWindow());
            if (tokens.countIssuedSince(user.id(), RESET, since) >= properties.resetRequestsPerWindow()) {
                log.info("Password reset for user {} not sent: {} requests within {}", user.id(),
                        properties.resetRequestsPerWindow(), properties.resetRequestWindow());
                return;
            }
            String token = issue(user.id(), RESET, properties.resetPasswordTtl());
            outbox.enqueue(user.email(), "Reset your password", """
                    Hello %s,

                    someone asked to reset the password of your Creator Campaign Pro account. To choose a new
                    password, open this link:

                    %s

                    The link works once and expires in %s. If it was not you, ignore this email: your password
                    stays as it is.
                    """.formatted(greeting(user), link("/reset-password", token), human(properties.resetPasswordTtl())),
                    "reset-password", user.id());
        }));
    }

    /**
     * Sets a new password with a reset token. A refused password leaves the token unspent (the whole
     * transaction rolls back), so the user can try another one with the same link. Every session of
     * the account is logged out: whoever knew the old password is out.
     */
    public void resetPassword(String token, String newPassword) {
        transaction.executeWithoutResult(tx -> {
            UUID userId = tokens.consume(Sha256.of(token), RESET).orElseThrow(EmailTokenService::badToken);
            User user = users.find(userId).filter(User::active).orElseThrow(EmailTokenService::badToken);
            PasswordPolicy.violation(newPassword, user.email()).ifPresent(v -> {
                throw new ValidationException("password", v);
            });
            accounts.setPasswordHash(userId, passwordEncoder.encode(newPassword));
            // Following the link proved control of the mailbox.
            accounts.markEmailVerified(userId);
            tokens.spendAll(userId, RESET);
            int revoked = refreshTokens.revokeAllOfUser(userId);
            log.info("Password of user {} reset; {} refresh token(s) revoked", userId, revoked);
        });
    }

    private String issue(UUID userId, String purpose, java.time.Duration ttl) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        tokens.insert(userId, purpose, Sha256.of(token), Instant.now().plus(ttl));
        return token;
    }

    private String link(String path, String token) {
        return UriComponentsBuilder.fromUriString(properties.linkBaseUrl()).path(path).queryParam("token", token)
                .build().toUriString();
    }

    private static ValidationException badToken() {
        return new ValidationException("token", "is invalid, expired or already used");
    }

    private static String greeting(User user) {
        return user.firstName() == null || user.firstName().isBlank() ? "there" : user.firstName();
    }

    private static String human(java.time.Duration ttl) {
        return ttl.toHours() >= 1 && ttl.toMinutesPart() == 0 ? ttl.toHours() + " hour(s)" : ttl.toMinutes() + " minute(s)";
    }
}
