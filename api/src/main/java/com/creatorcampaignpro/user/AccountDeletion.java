package com.creatorcampaignpro.user;

import com.creatorcampaignpro.audit.AuditLogDao;
import com.creatorcampaignpro.auth.EmailTokenDao;
import com.creatorcampaignpro.auth.GoogleSignIn;
import com.creatorcampaignpro.auth.LoginRateLimiter;
import com.creatorcampaignpro.auth.RevokedAccounts;
import com.creatorcampaignpro.auth.RefreshTokenDao;
import com.creatorcampaignpro.error.NotFoundException;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.mail.OutboundEmailDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;

/**
 * Deletes an account on its owner's request, after re-authentication: the password, or for an
 * account without one, a fresh Google ID token of the linked Google account.
 * <p>
 * The users row stays, anonymized: campaigns, content and payments reference it and finance must
 * keep payments. Everything that identifies the person goes: email, names, phone, avatar, password,
 * Google link, profile text, social handles and tokens, unsent emails, staff roles, sessions.
 */
@Service
public class AccountDeletion {
    private static final Logger log = LoggerFactory.getLogger(AccountDeletion.class);

    private final UserDao users;
    private final AccountDao accounts;
    private final RefreshTokenDao refreshTokens;
    private final EmailTokenDao emailTokens;
    private final OutboundEmailDao outbox;
    private final UserAvatarDao avatars;
    private final AuditLogDao audit;
    private final PasswordEncoder passwordEncoder;
    private final LoginRateLimiter rateLimiter;
    private final GoogleSignIn google;
    private final TransactionTemplate transaction;
    private final RevokedAccounts revokedAccounts;

    AccountDeletion(UserDao users, AccountDao accounts, RefreshTokenDao refreshTokens, EmailTokenDao emailTokens,
                    OutboundEmailDao outbox, UserAvatarDao avatars, AuditLogDao audit, PasswordEncoder passwordEncoder,
                    LoginRateLimiter rateLimiter, GoogleSignIn google, TransactionTemplate transaction,
                    RevokedAccounts revokedAccounts) {
        this.revokedAccounts = revokedAccounts;
        this.users = users;
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.emailTokens = emailTokens;
        this.outbox = outbox;
        this.avatars = avatars;
        this.audit = audit;
        this.passwordEncoder = passwordEncoder;
        this.rateLimiter = rateLimiter;
        this.google = google;
        this.transaction = transaction;
    }

    public void delete(UUID userId, String password, String googleIdToken, String client) {
        User user = users.find(userId).filter(User::active).orElseThrow(() -> new NotFoundException("user", userId));
        reauthenticate(user, password, googleIdToken, client);
        transaction.executeWithoutResult(tx -> {
            // Same lock order as profile updates (profile, then the account) and role changes
            // (admins, then the account).
            accounts.lockInfluencerProfile(userId);
            var admins = accounts.lockAdmins();
            User locked = accounts.lock(userId).filter(User::active).orElseThrow(() -> new NotFoundException("user", userId));
            StaffRoles.requireAnAdminRemains(userId, locked.staffRoles(), java.util.Set.of(), admins);
            accounts.anonymize(userId);
            accounts.revokeAllRoles(userId);
            accounts.anonymizeInfluencerProfile(userId);
            accounts.disconnectSocialAccounts(userId);
            accounts.disablePaymentMethods(userId);
            avatars.delete(userId);
            emailTokens.deleteAllOf(userId);
            outbox.deletePendingOf(userId);
            outbox.anonymizeRecipient(userId, "deleted-" + userId + "@deleted.invalid");
            refreshTokens.revokeAllOfUser(userId);
            audit.record(userId, "account.deleted", "user", userId.toString(), "{}");
        });
        revokedAccounts.revokeNow(userId);   // other instances learn it from users.deactivated_at within seconds
        log.info("Account {} deleted (anonymized) at its owner's request", userId);
    }

    private void reauthenticate(User user, String password, String googleIdToken, String client) {
        if (user.passwordHash() != null) {
            if (password == null || password.isEmpty()) {
                throw new ValidationException("password", "is required to delete the account");
            }
            // The same limits as logins: a stolen access token must not become a password oracle.
            long attempt = rateLimiter.reserve(user.email(), client);
            if (!passwordEncoder.matches(password, user.passwordHash())) {
                throw new ValidationException("password", "is not the account's password");
            }
            rateLimiter.succeeded(user.email(), attempt);
            return;
        }
        if (googleIdToken == null || googleIdToken.isBlank()) {
            throw new ValidationException("googleIdToken", "is required: this account signs in with Google only");
        }
        String subject = google.verifiedSubject(googleIdToken);
        if (!accounts.googleSubject(user.id()).map(subject::equals).orElse(false)) {
            throw new ValidationException("googleIdToken", "is not a token of the Google account linked to this account");
        }
    }
}
