package com.creatorcampaignpro.auth;

import com.creatorcampaignpro.error.ConflictException;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.idempotency.IdempotencyKeyDao;
import com.creatorcampaignpro.idempotency.StoredResponse;
import com.creatorcampaignpro.influencer.InfluencerProfileDao;
import com.creatorcampaignpro.user.PasswordPolicy;
import com.creatorcampaignpro.user.User;
import com.creatorcampaignpro.user.UserDao;
import com.creatorcampaignpro.user.UserType;
import com.creatorcampaignpro.web.IdempotentRequests;
import com.creatorcampaignpro.web.UnauthenticatedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

@Service
public class AuthService {
    private static final Logger log = LoggerFactory.getLogger(AuthService.class);

    private final UserDao users;
    private final InfluencerProfileDao profiles;
    private final PasswordEncoder passwordEncoder;
    private final TokenService tokens;
    private final LoginRateLimiter rateLimiter;
    private final TransactionTemplate transaction;
    private final EmailTokenService emailTokens;
    private final IdempotentRequests idempotent;
    private final IdempotencyKeyDao idempotencyKeys;
    // Compared against when the email is unknown, so a miss costs as long as a wrong password.
    private final String unknownUserHash;

    public AuthService(UserDao users, InfluencerProfileDao profiles, PasswordEncoder passwordEncoder,
                       TokenService tokens, LoginRateLimiter rateLimiter, TransactionTemplate transaction,
                       EmailTokenService emailTokens, IdempotentRequests idempotent, IdempotencyKeyDao idempotencyKeys) {
        this.emailTokens = emailTokens;
        this.idempotent = idempotent;
        this.idempotencyKeys = idempotencyKeys;
        this.users = users;
        this.profiles = profiles;
        this.passwordEncoder = passwordEncoder;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.transaction = transaction;
        this.unknownUserHash = passwordEncoder.encode("no such user: constant-time dummy");
    }

    public record Registration(String email, String password, String userType, String firstName, String lastName,
                               String companyName, String phone) {

        /** What identifies a retried registration; never the password (the stored fingerprint must not reveal it). */
        Map<String, String> withoutPassword() {
            Map<String, String> fields = new TreeMap<>();
            fields.put("email", email.trim().toLowerCase(Locale.ROOT));
            fields.put("userType", userType);
            fields.put("firstName", firstName);
            fields.put("lastName", lastName);
            fields.put("companyName", companyName);
            fields.put("phone", phone);
            return fields;
        }
    }

    /** New tokens for the account; {@code replayed}: a retry of a registration that had already succeeded. */
    public record Registered(TokenService.IssuedTokens tokens, boolean replayed) {
    }

    /**
     * Creates the account and logs it in. With an Idempotency-Key, the key is stored with the new
     * account (its fingerprint leaves the password out, and no tokens are stored); a retry with the same
     * key and request finds it and is answered as the first request was, with fresh tokens, once the
     * password has been checked as a login checks it (same limits).
     */
    public Registered register(Registration r, String idempotencyKey, String client) {
        UserType type = UserType.parse(r.userType())
                .orElseThrow(() -> new ValidationException("userType", "must be marketer or influencer"));
        String email = r.email().trim();
        byte[] fingerprint = idempotencyKey == null ? null
                : idempotent.fingerprint(idempotencyKey, "POST /api/auth/register", r.withoutPassword());
        PasswordPolicy.violation(r.password(), email).ifPresent(v -> {
            throw new ValidationException("password", v);
        });
        String hash = passwordEncoder.encode(r.password());
        User user = transaction.execute(tx -> {
            User created = users.insert(email, hash, type.dbValue(), blankToEmpty(r.firstName()),
                    blankToEmpty(r.lastName()), r.companyName(), r.phone()).orElse(null);
            if (created == null) {
                return null;
            }
            if (type == UserType.INFLUENCER) {
                profiles.createEmpty(created.id(), (blankToEmpty(r.firstName()) + " " + blankToEmpty(r.lastName())).trim());
            }
            emailTokens.sendVerification(created);
            if (idempotencyKey != null) {
                idempotencyKeys.claim(created.id(), idempotencyKey, fingerprint);
                idempotencyKeys.complete(created.id(), idempotencyKey, HttpStatus.CREATED.value(), "{}");
            }
            return created;
        });
        if (user == null) {
            if (idempotencyKey != null && isRetryOfRegistration(email, idempotencyKey, fingerprint)) {
                return new Registered(login(email, r.password(), client), true);
            }
            throw new ConflictException("email-taken", "an account with this email already exists; log in or reset the password");
        }
        log.info("Registered {} {}", type.dbValue(), user.id());
        return new Registered(tokens.issue(user), false);
    }

    private boolean isRetryOfRegistration(String email, String key, byte[] fingerprint) {
        Optional<StoredResponse> stored = users.findByEmail(email).flatMap(existing -> idempotencyKeys.find(existing.id(), key));
        if (stored.isPresent() && !Arrays.equals(stored.get().requestHash(), fingerprint)) {
            throw new ConflictException("idempotency-key-reused",
                    "this Idempotency-Key was already used for a different request; use a new key per request");
        }
        return stored.isPresent();
    }

    public TokenService.IssuedTokens login(String email, String password, String client) {
        long attempt = rateLimiter.reserve(email, client);
        Optional<User> found = users.findByEmail(email.trim());
        String hash = found.map(User::passwordHash).orElse(null);
        boolean matches = passwordEncoder.matches(password, hash == null ? unknownUserHash : hash) && hash != null;
        if (!matches || !found.get().active()) {
            throw new UnauthenticatedException("invalid-credentials", "the email or password is wrong");
        }
        User user = found.get();
        rateLimiter.succeeded(email, attempt);
        users.touchLastLogin(user.id());
        return tokens.issue(user);
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.trim();
    }
}
