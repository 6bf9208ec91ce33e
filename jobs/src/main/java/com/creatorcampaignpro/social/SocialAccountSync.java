package com.creatorcampaignpro.social;

import com.creatorcampaignpro.error.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads accounts through their platform's {@link SocialPlatformClient} and records the outcome: the
 * connect and refresh endpoints one account at a time, the socialSyncJob a chunk at a time (it calls
 * {@link #read} in its processor and {@link #record} in its writer). Tokens are decrypted only here, in
 * memory, for the duration of the calls.
 *
 * <p>No database connection is held during a platform call: the account is read, the platform called,
 * and the outcome written in a short transaction whose writes are guarded by the connection that was
 * read ({@code connected_at}) and its liveness, so a disconnect (or a reconnect) racing a sync wins.
 * A token refresh is committed at once in a transaction of its own (REQUIRES_NEW): X and TikTok rotate
 * refresh tokens, so a refresh lost with a rolled-back chunk would lose the only valid one.
 */
public class SocialAccountSync {
    private static final Logger log = LoggerFactory.getLogger(SocialAccountSync.class);
    static final String UNREADABLE_TOKENS = "the stored tokens cannot be decrypted with this server's CCP_TOKEN_KEY"
            + " (the key changed, or a development key died with its process): connect the account again";
    static final String REVOKED = "the platform revoked access: connect the account again";

    private final SocialAccountDao accounts;
    private final TokenCipher cipher;
    private final SocialPlatformClients clients;
    private final TransactionTemplate tx;
    private final TransactionTemplate ownTx;
    private final Duration refreshSkew;
    private final MediaRecorder media;
    private final JsonMapper json = JsonMapper.builder().build();

    /** Where a read's recent media go (the socialSyncJob's media table); nowhere by default. */
    public interface MediaRecorder {
        MediaRecorder NONE = (synced, asOf) -> { };

        void record(List<Synced> synced, Instant asOf);
    }

    public SocialAccountSync(SocialAccountDao accounts, TokenCipher cipher, SocialPlatformClients clients,
                             TransactionTemplate tx, Duration refreshSkew) {
        this(accounts, cipher, clients, tx, refreshSkew, MediaRecorder.NONE);
    }

    public SocialAccountSync(SocialAccountDao accounts, TokenCipher cipher, SocialPlatformClients clients,
                             TransactionTemplate tx, Duration refreshSkew, MediaRecorder media) {
        this.accounts = accounts;
        this.cipher = cipher;
        this.clients = clients;
        this.tx = tx;
        this.ownTx = new TransactionTemplate(tx.getTransactionManager());
        this.ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.refreshSkew = refreshSkew;
        this.media = media;
    }

    /** Associated data binding a ciphertext to its account and column (see {@link TokenCipher}). */
    public static String aad(UUID userId, Platform platform, String column) {
        return "social_accounts/" + userId + "/" + platform.dbValue() + "/" + column;
    }

    // ---- outcomes of one read ----

    /** What one read of an account came to; {@link #record} writes it. */
    public sealed interface Outcome permits Synced, Failed, RateLimited, Revoked, Skipped {
        SocialAccount account();
    }

    /** Read: the snapshot, as of {@code asOf}. */
    public record Synced(SocialAccount account, AccountSnapshot snapshot, Instant asOf) implements Outcome {
    }

    /** A passing failure (5xx, timeouts after retries, an unreadable answer): 'error', retried after a backoff. */
    public record Failed(SocialAccount account, SocialProviderException cause) implements Outcome {
    }

    /** The platform asked us to wait longer than we wait in place: the account's cooldown. */
    public record RateLimited(SocialAccount account, ProviderRateLimitedException cause) implements Outcome {
    }

    /** The tokens are dead (revoked, refused refresh, undecryptable): disconnected with the reason. */
    public record Revoked(SocialAccount account, String reason, RuntimeException cause) implements Outcome {
    }

    /** Nothing to do: disconnected meanwhile, or still cooling down. */
    public record Skipped(SocialAccount account, String reason) implements Outcome {
    }

    // ---- endpoints ----

    /**
     * Stores freshly exchanged tokens (replacing any previous ones) and reads the account once. A
     * read that fails for a passing reason (rate limit, 5xx, odd answer) still keeps the tokens, with
     * the account in 'error' and the reason shown: the next refresh or sync retries without a new
     * OAuth round. A login that has no readable profile at all is not stored.
     */
    public SocialAccount connect(UUID userId, Platform platform, OAuthTokens tokens) {
        SocialPlatformClient client = clients.client(platform);
        AccountSnapshot snapshot = null;
        SocialProviderException failure = null;
        Instant asOf = Instant.now();
        try {
            snapshot = client.fetchAccount(tokens.accessToken(), EngagementFormula.SAMPLE);
        } catch (TokenRevokedException | ProfileUnavailableException fatal) {
            throw fatal;
        } catch (SocialProviderException passing) {
            failure = passing;
        }
        AccountSnapshot read = snapshot;
        String reason = failure == null ? null : "profile not read yet: " + failure.getMessage();
        Duration cooldown = failure instanceof ProviderRateLimitedException limited ? limited.retryAfter() : null;
        return tx.execute(status -> {
            SocialAccount stored = accounts.upsertTokens(userId, platform.dbValue(),
                    cipher.encrypt(tokens.accessToken(), aad(userId, platform, "access")),
                    cipher.encrypt(tokens.refreshToken(), aad(userId, platform, "refresh")),
                    tokens.expiresAt(), tokens.scopes());
            SocialAccount result;
            if (read != null) {
                result = accounts.recordProfile(stored, asOf, read.profile(), read.metrics()).orElseThrow();
                media.record(List.of(new Synced(result, read, asOf)), asOf);
            } else {
                result = accounts.markError(stored.id(), stored.connectedAt(), reason).orElseThrow();
                if (cooldown != null) {
                    result = accounts.startCooldown(stored.id(), stored.connectedAt(), Instant.now().plus(cooldown)).orElseThrow();
                }
            }
            accounts.recomputeInfluencerMetrics(userId);
            return result;
        });
    }

    /**
     * Re-reads a connected (or erroring) account now. An account still cooling down after a 429 is
     * answered with the remaining wait without calling the platform. Revoked or undecryptable tokens
     * disconnect the account; transient failures and odd answers mark it 'error'; a rate limit starts
     * the cooldown. The failure is rethrown after it is recorded, so callers can answer or back off.
     */
    public SocialAccount sync(UUID userId, Platform platform) {
        SocialAccount account = accounts.find(userId, platform.dbValue())
                .filter(a -> !a.disconnected())
                .orElseThrow(() -> disconnectedMeanwhile(platform));
        Duration cooldown = account.cooldownLeft(Instant.now());
        if (!cooldown.isZero()) {
            throw new ProviderRateLimitedException(platform, "still cooling down after a rate limit", roundUp(cooldown));
        }
        Outcome outcome = read(account);
        SocialAccount stored = tx.execute(status -> record(List.of(outcome))).stream().findFirst()
                .orElseThrow(() -> disconnectedMeanwhile(platform));
        if (outcome instanceof Failed f) {
            throw f.cause();
        }
        if (outcome instanceof RateLimited r) {
            throw r.cause();
        }
        if (outcome instanceof Revoked r) {
            throw r.cause();
        }
        if (outcome instanceof Skipped) {
            throw disconnectedMeanwhile(platform);
        }
        return stored;
    }

    private static Duration roundUp(Duration d) {
        return Duration.ofSeconds(Math.max(1, d.toSeconds() + (d.toMillisPart() > 0 ? 1 : 0)));
    }

    private static ConflictException disconnectedMeanwhile(Platform platform) {
        return new ConflictException("social-account-disconnected",
                platform.dbValue() + " was disconnected meanwhile: connect it again");
    }

    // ---- the read: platform calls only, no transaction held ----

    /**
     * Reads one account: fresh tokens (refreshing first when they expire within the skew), then the
     * profile and recent media. A token refused on a data call is refreshed once and the call retried
     * once. {@link PlatformUnavailableException} (the platform's circuit is open) is thrown, not
     * returned: the caller stops calling that platform.
     */
    public Outcome read(SocialAccount account) {
        Platform platform = account.platform();
        SocialPlatformClient client = clients.client(platform);
        if (account.disconnected()) {
            return new Skipped(account, "disconnected");
        }
        if (!account.cooldownLeft(Instant.now()).isZero()) {
            return new Skipped(account, "cooling down");
        }
        OAuthTokens tokens;
        boolean refreshed = false;
        try {
            tokens = decrypt(account);
            if (tokens.expiresBefore(Instant.now().plus(refreshSkew))) {
                Optional<OAuthTokens> fresh = refresh(account, tokens, client);
                if (fresh.isEmpty()) {
                    return new Skipped(account, "disconnected meanwhile");
                }
                tokens = fresh.get();
                refreshed = true;
            }
        } catch (UndecryptableTokenException e) {
            return new Revoked(account, UNREADABLE_TOKENS, e);
        } catch (TokenRevokedException e) {
            return new Revoked(account, REVOKED, e);
        } catch (ProviderRateLimitedException e) {
            return new RateLimited(account, e);
        } catch (PlatformUnavailableException e) {
            throw e;
        } catch (SocialProviderException e) {
            return new Failed(account, e);
        }
        try {
            return fetch(account, client, tokens);
        } catch (TokenRevokedException first) {
            if (refreshed) {
                return new Revoked(account, REVOKED, first);
            }
            // A 401 on a data call: the token may just have expired early. Refresh once, retry once.
            try {
                Optional<OAuthTokens> fresh = refresh(account, tokens, client);
                if (fresh.isEmpty()) {
                    return new Skipped(account, "disconnected meanwhile");
                }
                return fetch(account, client, fresh.get());
            } catch (TokenRevokedException again) {
                return new Revoked(account, REVOKED, again);
            } catch (ProviderRateLimitedException e) {
                return new RateLimited(account, e);
            } catch (PlatformUnavailableException e) {
                throw e;
            } catch (SocialProviderException e) {
                return new Failed(account, e);
            }
        } catch (ProviderRateLimitedException e) {
            return new RateLimited(account, e);
        } catch (PlatformUnavailableException e) {
            throw e;
        } catch (SocialProviderException e) {
            return new Failed(account, e);
        }
    }

    private Synced fetch(SocialAccount account, SocialPlatformClient client, OAuthTokens tokens) {
        Instant asOf = Instant.now();
        return new Synced(account, client.fetchAccount(tokens.accessToken(), EngagementFormula.SAMPLE), asOf);
    }

    private OAuthTokens decrypt(SocialAccount account) {
        return new OAuthTokens(
                cipher.decrypt(account.accessTokenEnc(), aad(account.userId(), account.platform(), "access")),
                cipher.decrypt(account.refreshTokenEnc(), aad(account.userId(), account.platform(), "refresh")),
                account.tokenExpiresAt(), account.scopes());
    }

    /**
     * Refreshes outside any transaction, then stores the new tokens at once in a short transaction of
     * their own, compare-and-set on the access token the refresh started from. If the row changed
     * meanwhile (another node or the endpoint refreshed first, so our rotating refresh token was
     * refused, or the owner disconnected), the row's current tokens are used instead. Empty when the
     * account is gone.
     */
    private Optional<OAuthTokens> refresh(SocialAccount account, OAuthTokens current, SocialPlatformClient client) {
        Platform platform = account.platform();
        OAuthTokens refreshed;
        try {
            refreshed = client.refresh(current).keepingRefreshTokenOf(current);
        } catch (TokenRevokedException refused) {
            Optional<SocialAccount> now = accounts.find(account.userId(), platform.dbValue());
            if (now.isPresent() && !now.get().disconnected()
                    && !java.util.Arrays.equals(now.get().accessTokenEnc(), account.accessTokenEnc())) {
                return Optional.of(decrypt(now.get()));
            }
            throw refused;
        }
        Optional<SocialAccount> stored = ownTx.execute(status -> accounts.updateTokens(account.id(), account.accessTokenEnc(),
                cipher.encrypt(refreshed.accessToken(), aad(account.userId(), platform, "access")),
                cipher.encrypt(refreshed.refreshToken(), aad(account.userId(), platform, "refresh")),
                refreshed.expiresAt(), refreshed.scopes()));
        if (stored.isPresent()) {
            log.info("Refreshed the {} token of account {}", platform.dbValue(), account.id());
            return Optional.of(refreshed);
        }
        Optional<SocialAccount> now = accounts.find(account.userId(), platform.dbValue()).filter(a -> !a.disconnected());
        // Someone else stored newer tokens first: ours are valid too (the platform just issued them).
        return now.isPresent() ? Optional.of(refreshed) : Optional.empty();
    }

    // ---- recording, in the caller's transaction ----

    /**
     * Writes outcomes (each guarded, see the class comment) set-based: one statement for the synced
     * accounts, one for the failed, rate-limited and revoked ones, whatever the chunk's size; then the
     * media of the synced ones and the influencers' aggregates once per influencer. Returns the rows as
     * written, in the outcomes' order; an account disconnected or deleted meanwhile is left alone and
     * absent from the result.
     */
    public List<SocialAccount> record(List<? extends Outcome> outcomes) {
        List<Map<String, Object>> profiles = new ArrayList<>();
        List<Map<String, Object>> failures = new ArrayList<>();
        Instant now = Instant.now();
        for (Outcome outcome : outcomes) {
            SocialAccount a = outcome.account();
            if (outcome instanceof Synced s) {
                profiles.add(profileRow(a, s));
            } else if (outcome instanceof Failed f) {
                failures.add(failureRow(a, "failed", truncate(f.cause().getMessage()), null));
            } else if (outcome instanceof RateLimited r) {
                failures.add(failureRow(a, "rate_limited", null, now.plus(r.cause().retryAfter())));
            } else if (outcome instanceof Revoked r) {
                failures.add(failureRow(a, "revoked", r.reason(), null));
            }
        }
        Map<UUID, SocialAccount> rows = new HashMap<>();
        if (!profiles.isEmpty()) {
            accounts.recordProfiles(json.writeValueAsString(profiles)).forEach(row -> rows.put(row.id(), row));
        }
        if (!failures.isEmpty()) {
            accounts.recordFailures(json.writeValueAsString(failures)).forEach(row -> rows.put(row.id(), row));
        }
        List<SocialAccount> written = new ArrayList<>();
        List<Synced> synced = new ArrayList<>();
        Set<UUID> influencers = new LinkedHashSet<>();
        Instant latest = null;
        for (Outcome outcome : outcomes) {
            SocialAccount a = outcome.account();
            SocialAccount row = outcome instanceof Skipped ? null : rows.get(a.id());
            if (row == null) {
                continue;
            }
            written.add(row);
            if (outcome instanceof Synced s) {
                synced.add(new Synced(row, s.snapshot(), s.asOf()));
                latest = latest == null || s.asOf().isAfter(latest) ? s.asOf() : latest;
            }
            if (outcome instanceof Synced || outcome instanceof Revoked) {
                influencers.add(a.userId());
            }
            if (outcome instanceof Revoked r) {
                log.warn("Disconnected the {} account {}: {}", a.platform().dbValue(), a.id(), r.reason());
            }
        }
        if (!synced.isEmpty()) {
            media.record(synced, latest);
        }
        if (!influencers.isEmpty()) {
            accounts.recomputeInfluencerMetrics(influencers.toArray(UUID[]::new));
        }
        return written;
    }

    private static Map<String, Object> profileRow(SocialAccount a, Synced s) {
        SocialProfile p = s.snapshot().profile();
        AccountMetrics m = s.snapshot().metrics();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", a.id().toString());
        row.put("connected_at", a.connectedAt().toString());
        row.put("as_of", s.asOf().toString());
        row.put("platform_user_id", p.platformUserId());
        row.put("username", p.username());
        row.put("profile_url", p.profileUrl());
        row.put("followers", Math.max(0, p.followers()));
        row.put("following", Math.max(0, p.following()));
        row.put("posts", Math.max(0, p.posts()));
        row.put("engagement_rate", p.engagementRate());
        row.put("avg_views", Math.max(0, p.avgViews()));
        row.put("formula", m == null ? null : m.formula());
        row.put("engagement_sample", m == null ? null : m.engagementSample());
        row.put("views_sample", m == null ? null : m.viewsSample());
        row.put("window_start", m == null || m.windowStart() == null ? null : m.windowStart().toString());
        row.put("window_end", m == null || m.windowEnd() == null ? null : m.windowEnd().toString());
        return row;
    }

    private static Map<String, Object> failureRow(SocialAccount a, String kind, String reason, Instant until) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", a.id().toString());
        row.put("connected_at", a.connectedAt().toString());
        row.put("kind", kind);
        row.put("reason", reason);
        row.put("until", until == null ? null : until.toString());
        return row;
    }

    private static String truncate(String message) {
        return message == null || message.length() <= 500 ? message : message.substring(0, 500);
    }
}
