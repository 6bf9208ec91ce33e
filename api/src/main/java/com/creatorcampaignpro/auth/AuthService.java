package com.creatorcampaignpro.auth;

import com.creatorcampaignpro.error.ConflictException;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.influencer.InfluencerProfileDao;
import com.creatorcampaignpro.user.PasswordPolicy;
import com.creatorcampaignpro.user.User;
import com.creatorcampaignpro.user.UserDao;
import com.creatorcampaignpro.user.UserType;
import com.creatorcampaignpro.web.UnauthenticatedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;

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
    // Compared against when the email is unknown, so a miss costs as long as a wrong password.
    private final String unknownUserHash;

    public AuthService(UserDao users, InfluencerProfileDao profiles, PasswordEncoder passwordEncoder,
                       TokenService tokens, LoginRateLimiter rateLimiter, TransactionTemplate transaction,
                       EmailTokenService emailTokens) {
        this.emailTokens = emailTokens;
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
    }

    public TokenService.IssuedTokens register(Registration r) {
        UserType type = UserType.parse(r.userType())
                .orElseThrow(() -> new ValidationException("userType", "must be marketer or influencer"));
        String email = r.email().trim();
        PasswordPolicy.violation(r.password(), email).ifPresent(v -> {
            throw new ValidationException("password", v);
        });
        String hash = passwordEncoder.encode(r.password());
        User user = transaction.execute(tx -> {
            User created = users.insert(email, hash, type.dbValue(), blankToEmpty(r.firstName()),
                            blankToEmpty(r.lastName()), r.companyName(), r.phone())
                    .orElseThrow(() -> new ConflictException("email-taken",
                            "an account with this email already exists; log in or reset the password"));
            if (type == UserType.INFLUENCER) {
                profiles.createEmpty(created.id(), (blankToEmpty(r.firstName()) + " " + blankToEmpty(r.lastName())).trim());
            }
            emailTokens.sendVerification(created);
            return created;
        });
        log.info("Registered {} {}", type.dbValue(), user.id());
        return tokens.issue(user);
    }

    public TokenService.IssuedTokens login(String email, String password, String client) {
        rateLimiter.check(email, client);
        Optional<User> found = users.findByEmail(email.trim());
        String hash = found.map(User::passwordHash).orElse(null);
        boolean matches = passwordEncoder.matches(password, hash == null ? unknownUserHash : hash) && hash != null;
        if (!matches || !found.get().active()) {
            rateLimiter.recordFailure(email, client);
            throw new UnauthenticatedException("invalid-credentials", "the email or password is wrong");
        }
        User user = found.get();
        rateLimiter.recordSuccess(email, client);
        users.touchLastLogin(user.id());
        return tokens.issue(user);
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.trim();
    }
}
