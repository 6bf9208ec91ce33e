package com.creatorcampaignpro.social;

import com.creatorcampaignpro.social.SocialAccountSync.Failed;
import com.creatorcampaignpro.social.SocialAccountSync.Outcome;
import com.creatorcampaignpro.social.SocialAccountSync.RateLimited;
import com.creatorcampaignpro.social.SocialAccountSync.Revoked;
import com.creatorcampaignpro.social.SocialAccountSync.Synced;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chunk writer's set-based statements: every outcome of a chunk written at once, each row still
 * guarded, and the media retention applied to the synced accounts.
 */
class SocialSyncWritesIntegrationTests extends SocialSyncTestSupport {

    @Autowired
    SocialAccountSync sync;
    @Autowired
    SocialAccountDao accounts;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    SocialSyncProperties properties;

    @Test
    void aChunkIsWrittenSetBasedAndNeverBringsBackAnAccountDisconnectedReconnectedOrDeletedMeanwhile() {
        // given: six accounts read for a chunk, then three of them change before the chunk is written
        List<Seeded> seeded = seed(Platform.TIKTOK, 6);
        List<SocialAccount> read = seeded.stream().map(s -> accounts.find(s.userId(), "tiktok").orElseThrow()).toList();
        jdbi.useTransaction(h -> {
            h.attach(SocialAccountDao.class).markDisconnected(seeded.get(1).accountId(), "disconnected by the owner");
            h.createUpdate("UPDATE social_accounts SET connected_at = now() + interval '1 second' WHERE id = :id")
                    .bind("id", seeded.get(2).accountId()).execute();
            h.execute("DELETE FROM users WHERE id = ?", seeded.get(3).userId());
        });
        Instant asOf = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Outcome> outcomes = List.of(
                synced(read.get(0), asOf, 4_321, List.of()),
                synced(read.get(1), asOf, 1, List.of()),
                synced(read.get(2), asOf, 2, List.of()),
                new Failed(read.get(3), new TransientProviderException(Platform.TIKTOK, "HTTP 500 on GET /v2/user/info/")),
                new Failed(read.get(4), new TransientProviderException(Platform.TIKTOK, "HTTP 500 on GET /v2/user/info/")),
                new RateLimited(read.get(5), new ProviderRateLimitedException(Platform.TIKTOK, "rate limited", Duration.ofMinutes(5))));

        // when: the writer records the chunk
        List<SocialAccount> written = new TransactionTemplate(transactions).execute(status -> sync.record(outcomes));

        // then: only the untouched accounts are written, in the chunk's order
        assertThat(written).extracting(SocialAccount::id)
                .containsExactly(seeded.get(0).accountId(), seeded.get(4).accountId(), seeded.get(5).accountId());
        Map<String, Object> synced = row(seeded.get(0).accountId());
        assertThat(synced.get("followers")).isEqualTo(4_321L);
        assertThat(synced.get("engagement_formula")).isEqualTo("test-formula");
        assertThat(synced.get("status")).isEqualTo("connected");
        Map<String, Object> disconnected = row(seeded.get(1).accountId());
        assertThat(disconnected.get("status")).isEqualTo("disconnected");
        assertThat(disconnected.get("access_token_enc")).isNull();
        assertThat(disconnected.get("last_synced_at")).isNull();
        Map<String, Object> reconnected = row(seeded.get(2).accountId());
        assertThat(reconnected.get("last_synced_at")).isNull();
        assertThat(reconnected.get("followers")).isEqualTo(0L);
        long deleted = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM social_accounts WHERE id = :id")
                .bind("id", seeded.get(3).accountId()).mapTo(Long.class).one());
        assertThat(deleted).isZero();
        Map<String, Object> failed = row(seeded.get(4).accountId());
        assertThat(failed.get("status")).isEqualTo("error");
        assertThat(failed.get("sync_failures")).isEqualTo(1);
        assertThat((String) failed.get("sync_error")).contains("HTTP 500");
        Map<String, Object> limited = row(seeded.get(5).accountId());
        assertThat(limited.get("status")).isEqualTo("connected");
        assertThat(limited.get("rate_limited_until")).isNotNull();

        // and: a revoked token disconnects, in the same set-based statement, only the connection that was read
        List<SocialAccount> revoked = new TransactionTemplate(transactions).execute(status -> sync.record(List.of(
                new Revoked(read.get(4), SocialAccountSync.REVOKED, new TokenRevokedException(Platform.TIKTOK, "401")),
                new Revoked(read.get(2), SocialAccountSync.REVOKED, new TokenRevokedException(Platform.TIKTOK, "401")))));
        assertThat(revoked).extracting(SocialAccount::id).containsExactly(seeded.get(4).accountId());
        assertThat(row(seeded.get(4).accountId()).get("status")).isEqualTo("disconnected");
        assertThat(row(seeded.get(2).accountId()).get("status")).isEqualTo("connected");
    }

    @Test
    void mediaBeyondTheRetentionArePrunedAsTheAccountIsSynced() {
        // given: an account with keep + 2 stored posts, all within the window (and another account alike)
        int keep = properties.mediaKeep();
        assertThat(properties.mediaMaxAge()).isGreaterThan(Duration.ofDays(keep + 20L));
        Seeded account = seed(Platform.YOUTUBE, 1).get(0);
        Seeded other = seed(Platform.YOUTUBE, 1).get(0);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (Seeded s : List.of(account, other)) {
            for (int i = 0; i < keep + 2; i++) {
                storeMedia(s, "old-" + i, now.minus(Duration.ofDays(10L + i)));
            }
        }
        SocialAccount read = accounts.find(account.userId(), "youtube").orElseThrow();

        // when: a sync of the first account returns two new posts
        List<MediaItem> media = List.of(
                new MediaItem("new-0", "video", "video", null, now.minus(Duration.ofDays(1)), 10L, 1L, 0L, null, null, null, null),
                new MediaItem("new-1", "video", "video", null, now.minus(Duration.ofDays(2)), 10L, 1L, 0L, null, null, null, null));
        new TransactionTemplate(transactions).execute(status -> sync.record(List.of(synced(read, now, 10, media))));

        // then: its keep most recent posts remain: the two new ones and the keep - 2 most recent old ones
        List<String> kept = mediaIds(account.accountId());
        assertThat(kept).hasSize(keep).startsWith("new-0", "new-1", "old-0").endsWith("old-" + (keep - 3))
                .doesNotContain("old-" + (keep - 2), "old-" + (keep + 1));
        // and: the account that was not synced keeps everything until its own sync
        assertThat(mediaIds(other.accountId())).hasSize(keep + 2);
    }

    @Test
    void theWindowAlsoPrunesAnAccountThatReturnedNoMedia() {
        Seeded account = seed(Platform.TWITTER, 1).get(0);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        storeMedia(account, "recent", now.minus(Duration.ofDays(5)));
        storeMedia(account, "too-old", now.minus(properties.mediaMaxAge()).minus(Duration.ofDays(1)));
        SocialAccount read = accounts.find(account.userId(), "twitter").orElseThrow();

        new TransactionTemplate(transactions).execute(status -> sync.record(List.of(synced(read, now, 10, List.of()))));

        assertThat(mediaIds(account.accountId())).containsExactly("recent");
    }

    private void storeMedia(Seeded account, String id, Instant postedAt) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO social_account_media (social_account_id, platform, platform_media_id, media_type,
                                                          posted_at, as_of)
                        VALUES (:a, :p, :m, 'video', :posted, now() - interval '1 day')""")
                .bind("a", account.accountId()).bind("p", account.platform().dbValue()).bind("m", id)
                .bind("posted", postedAt).execute());
    }

    private List<String> mediaIds(UUID accountId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT platform_media_id FROM social_account_media WHERE social_account_id = :a
                        ORDER BY posted_at DESC""")
                .bind("a", accountId).mapTo(String.class).list());
    }

    private static Synced synced(SocialAccount account, Instant asOf, long followers, List<MediaItem> media) {
        SocialProfile profile = new SocialProfile("pid-" + account.id(), "user", null, followers, 10, 40, 500,
                new BigDecimal("2.5000"));
        AccountMetrics metrics = new AccountMetrics("test-formula", new BigDecimal("2.5000"), media.size(), 500L,
                media.size(), asOf.minus(Duration.ofDays(20)), asOf);
        return new Synced(account, new AccountSnapshot(profile, new ArrayList<>(media), metrics), asOf);
    }
}
