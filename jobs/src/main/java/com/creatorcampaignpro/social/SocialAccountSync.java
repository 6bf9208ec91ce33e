package com.creatorcampaignpro.social;

import com.creatorcampaignpro.error.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Reads one account through its platform's {@link SocialPlatformClient} and records the outcome:
 * the connect and refresh endpoints use it now, the socialSyncJob will for every due account.
 * Tokens are decrypted only here, in memory, for the duration of the calls.
 */
public class SocialAccountSync {
    private static final Logger log = LoggerFactory.getLogger(SocialAccountSync.class);
    static final String UNREADABLE_TOKENS = "the stored tokens cannot be decrypted with this server's CCP_TOKEN_KEY"
            + " (the key changed, or a development key died with its process): connect the account again";

    private final SocialAccountDao accounts;
    private final TokenCipher cipher;
    private final SocialPlatformClients clients;
    private final TransactionTemplate tx;
    private final Duration refreshSkew;

    public SocialAccountSync(SocialAccountDao accounts, TokenCipher cipher, SocialPlatformClients clients,
                             TransactionTemplate tx, Duration refreshSkew) {
        this.accounts = accounts;
        this.cipher = cipher;
        this.clients = clients;
        this.tx = tx;
        this.refreshSkew = refreshSkew;
    }

    /** Associated data binding a ciphertext to its account and column (see {@link TokenCipher}). */
    static String aad(UUID userId, Platform platform, String column) {
        return "social_accounts/" + userId + "/" + platform.dbValue() + "/" + column;
    }

    /**
     * Stores freshly exchanged tokens (replacing any previous ones) and reads the profile once. A
     * profile read that fails for a passing reason (rate limit, 5xx, odd answer) still keeps the
     * tokens, with the account in 'error' and the reason shown: the next refresh or sync retries
     * without a new OAuth round. A login that has no readable profile at all is not stored.
     */
    public SocialAccount connect(UUID userId, Platform platform, OAuthTokens tokens) {
        SocialPlatformClient client = clients.client(platform);
        SocialProfile profile = null;
        SocialProviderException failure = null;
        try {
            profile = client.fetchProfile(tokens.accessToken());
        } catch (TokenRevokedException | ProfileUnavailableException fatal) {
            throw fatal;
        } catch (SocialProviderException passing) {
            failure = passing;
        }
        SocialProfile read = profile;
        String reason = failure == null ? null : "profile not read yet: " + failure.getMessage();
        return tx.execute(status -> {
            SocialAccount stored = accounts.upsertTokens(userId, platform.dbValue(),
                    cipher.encrypt(tokens.accessToken(), aad(userId, platform, "access")),
                    cipher.encrypt(tokens.refreshToken(), aad(userId, platform, "refresh")),
                    tokens.expiresAt(), tokens.scopes());
            SocialAccount result = read != null ? accounts.recordProfile(stored.id(), read) : accounts.markError(stored.id(), reason);
            accounts.recomputeInfluencerMetrics(userId);
            return result;
        });
    }

    /**
     * Re-reads a connected (or erroring) account now: refreshes its token first when it expires
     * within the skew, then reads the profile. Revoked or undecryptable tokens disconnect the account;
     * transient failures and odd answers mark it 'error'; a rate limit changes nothing. The failure is
     * rethrown after it is recorded, so callers can answer or back off.
     */
    public SocialAccount sync(UUID userId, Platform platform) {
        SocialPlatformClient client = clients.client(platform);
        OAuthTokens tokens;
        try {
            tokens = freshTokens(userId, platform, client);
        } catch (UndecryptableTokenException e) {
            disconnect(userId, platform, UNREADABLE_TOKENS);
            throw e;
        } catch (TokenRevokedException e) {
            disconnect(userId, platform, "the platform revoked access: connect the account again");
            throw e;
        } catch (ProviderRateLimitedException e) {
            throw e;
        } catch (SocialProviderException e) {
            recordError(userId, platform, "token refresh failed: " + e.getMessage());
            throw e;
        }
        try {
            SocialProfile profile = client.fetchProfile(tokens.accessToken());
            return tx.execute(status -> {
                SocialAccount account = accounts.lock(userId, platform.dbValue()).orElseThrow();
                SocialAccount updated = accounts.recordProfile(account.id(), profile);
                accounts.recomputeInfluencerMetrics(userId);
                return updated;
            });
        } catch (TokenRevokedException e) {
            disconnect(userId, platform, "the platform revoked access: connect the account again");
            throw e;
        } catch (ProviderRateLimitedException e) {
            throw e;
        } catch (SocialProviderException e) {
            recordError(userId, platform, e.getMessage());
            throw e;
        }
    }

    /**
     * The account's usable tokens. A refresh runs under the row lock: X rotates refresh tokens, so two
     * concurrent refreshes (this endpoint and the sync job) would burn each other's token; the second
     * one waits, then finds the fresh token and skips the call.
     */
    private OAuthTokens freshTokens(UUID userId, Platform platform, SocialPlatformClient client) {
        return tx.execute(status -> {
            SocialAccount account = accounts.lock(userId, platform.dbValue())
                    .filter(a -> !"disconnected".equals(a.status()) && a.accessTokenEnc() != null)
                    .orElseThrow(() -> new ConflictException("social-account-disconnected",
                            platform.dbValue() + " was disconnected meanwhile: connect it again"));
            OAuthTokens current = new OAuthTokens(
                    cipher.decrypt(account.accessTokenEnc(), aad(userId, platform, "access")),
                    cipher.decrypt(account.refreshTokenEnc(), aad(userId, platform, "refresh")),
                    account.tokenExpiresAt(), account.scopes());
            if (!current.expiresBefore(Instant.now().plus(refreshSkew))) {
                return current;
            }
            OAuthTokens refreshed = client.refresh(current).keepingRefreshTokenOf(current);
            accounts.updateTokens(account.id(),
                    cipher.encrypt(refreshed.accessToken(), aad(userId, platform, "access")),
                    cipher.encrypt(refreshed.refreshToken(), aad(userId, platform, "refresh")),
                    refreshed.expiresAt(), refreshed.scopes());
            log.info("Refreshed the {} token of account {}", platform.dbValue(), account.id());
            return refreshed;
        });
    }

    private void disconnect(UUID userId, Platform platform, String reason) {
        tx.executeWithoutResult(status -> accounts.lock(userId, platform.dbValue()).ifPresent(a -> {
            accounts.markDisconnected(a.id(), reason);
            accounts.recomputeInfluencerMetrics(userId);
        }));
        log.warn("Disconnected the {} account of user {}: {}", platform.dbValue(), userId, reason);
    }

    private void recordError(UUID userId, Platform platform, String reason) {
        tx.executeWithoutResult(status -> accounts.lock(userId, platform.dbValue())
                .ifPresent(a -> accounts.markError(a.id(), reason)));
    }
}
