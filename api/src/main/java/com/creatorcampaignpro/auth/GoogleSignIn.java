package com.creatorcampaignpro.auth;

import com.creatorcampaignpro.error.ConflictException;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.influencer.InfluencerProfileDao;
import com.creatorcampaignpro.user.AccountDao;
import com.creatorcampaignpro.user.User;
import com.creatorcampaignpro.user.UserDao;
import com.creatorcampaignpro.user.UserType;
import com.creatorcampaignpro.web.UnauthenticatedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;

/**
 * Sign-in with a Google ID token: the account linked to that Google account, else the account with
 * the same (Google-verified) email, which gets linked, else a new account of the requested type.
 */
@Service
public class GoogleSignIn {
    private static final Logger log = LoggerFactory.getLogger(GoogleSignIn.class);

    private final GoogleIdTokenVerifier verifier;
    private final UserDao users;
    private final AccountDao accounts;
    private final InfluencerProfileDao profiles;
    private final TokenService tokens;
    private final TransactionTemplate transaction;

    GoogleSignIn(GoogleIdTokenVerifier verifier, UserDao users, AccountDao accounts, InfluencerProfileDao profiles,
                 TokenService tokens, TransactionTemplate transaction) {
        this.verifier = verifier;
        this.users = users;
        this.accounts = accounts;
        this.profiles = profiles;
        this.tokens = tokens;
        this.transaction = transaction;
    }

    public TokenService.IssuedTokens signIn(String idToken, String userType) {
        GoogleIdTokenVerifier.GoogleIdentity google = verifier.verify(idToken);
        User user = transaction.execute(tx -> findOrCreate(google, userType));
        users.touchLastLogin(user.id());
        return tokens.issue(user);
    }

    /** The subject of a Google ID token, verified; for re-authentication (account deletion). */
    public String verifiedSubject(String idToken) {
        return verifier.verify(idToken).subject();
    }

    private User findOrCreate(GoogleIdTokenVerifier.GoogleIdentity google, String userType) {
        Optional<User> linked = accounts.findByGoogleSubject(google.subject());
        if (linked.isPresent()) {
            return requireActive(linked.get());
        }
        Optional<User> sameEmail = users.findByEmail(google.email());
        if (sameEmail.isPresent()) {
            User user = requireActive(sameEmail.get());
            if (accounts.linkGoogle(user.id(), google.subject()) == 0) {
                throw new ConflictException("google-account-mismatch",
                        "this email's account is linked to another Google account; sign in with that one or with the password");
            }
            log.info("Linked a Google account to user {}", user.id());
            return users.find(user.id()).orElseThrow();
        }
        UserType type = UserType.parse(userType).orElseThrow(() -> new ValidationException("userType",
                "is required to create an account: marketer or influencer"));
        String first = google.givenName() == null ? "" : google.givenName().trim();
        String last = google.familyName() == null ? "" : google.familyName().trim();
        User created = accounts.insertFromGoogle(google.email(), type.dbValue(), first, last, google.subject())
                .orElseThrow(() -> new ConflictException("email-taken",
                        "an account for this email or Google account was created at the same moment; sign in again"));
        if (type == UserType.INFLUENCER) {
            profiles.createEmpty(created.id(), (first + " " + last).trim());
        }
        log.info("Registered {} {} with Google", type.dbValue(), created.id());
        return created;
    }

    private static User requireActive(User user) {
        if (!user.active()) {
            throw new UnauthenticatedException("account-disabled", "the account is disabled");
        }
        return user;
    }
}
