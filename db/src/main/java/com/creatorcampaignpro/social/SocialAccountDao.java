package com.creatorcampaignpro.social;

import com.creatorcampaignpro.db.Rows;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Connected platform accounts. Tokens go in and out encrypted; this DAO never sees plain text. */
@RegisterRowMapper(SocialAccountDao.SocialAccountMapper.class)
public interface SocialAccountDao {

    /**
     * Connect or re-connect: one row per (user, platform), so a repeated connect replaces the tokens
     * instead of adding an account. Counters stay until the next profile read overwrites them.
     */
    @SqlQuery("""
            INSERT INTO social_accounts (user_id, platform, access_token_enc, refresh_token_enc, token_expires_at,
                                         scopes, status, connected_at)
            VALUES (:userId, :platform, :accessTokenEnc, :refreshTokenEnc, :expiresAt, :scopes, 'connected', now())
            ON CONFLICT (user_id, platform) DO UPDATE SET
                access_token_enc = EXCLUDED.access_token_enc, refresh_token_enc = EXCLUDED.refresh_token_enc,
                token_expires_at = EXCLUDED.token_expires_at, scopes = EXCLUDED.scopes, status = 'connected',
                connected_at = now(), sync_error = NULL, sync_failures = 0, updated_at = now()
            RETURNING *
            """)
    SocialAccount upsertTokens(@Bind("userId") UUID userId, @Bind("platform") String platform,
                               @Bind("accessTokenEnc") byte[] accessTokenEnc, @Bind("refreshTokenEnc") byte[] refreshTokenEnc,
                               @Bind("expiresAt") Instant expiresAt, @Bind("scopes") String scopes);

    @SqlQuery("SELECT * FROM social_accounts WHERE user_id = :userId AND platform = :platform")
    Optional<SocialAccount> find(@Bind("userId") UUID userId, @Bind("platform") String platform);

    /** Locks the row: a refresh and a disconnect of the same account must not interleave. */
    @SqlQuery("SELECT * FROM social_accounts WHERE user_id = :userId AND platform = :platform FOR UPDATE")
    Optional<SocialAccount> lock(@Bind("userId") UUID userId, @Bind("platform") String platform);

    @SqlQuery("SELECT * FROM social_accounts WHERE user_id = :userId ORDER BY platform")
    List<SocialAccount> listFor(@Bind("userId") UUID userId);

    /**
     * Stores refreshed tokens only if the row still holds the access token the refresh started from
     * (compare-and-set): a disconnect, a reconnect or another refresh in between wins, and the caller
     * reads the row again.
     */
    @SqlQuery("""
            UPDATE social_accounts SET access_token_enc = :accessTokenEnc, refresh_token_enc = :refreshTokenEnc,
                token_expires_at = :expiresAt, scopes = COALESCE(:scopes, scopes), updated_at = now()
            WHERE id = :id AND status <> 'disconnected' AND access_token_enc = :previousAccessTokenEnc
            RETURNING *
            """)
    Optional<SocialAccount> updateTokens(@Bind("id") UUID id, @Bind("previousAccessTokenEnc") byte[] previousAccessTokenEnc,
                                         @Bind("accessTokenEnc") byte[] accessTokenEnc,
                                         @Bind("refreshTokenEnc") byte[] refreshTokenEnc, @Bind("expiresAt") Instant expiresAt,
                                         @Bind("scopes") String scopes);

    /**
     * A successful read: the counters, the formula's figures, and the account is healthy again.
     * Guarded: only the connection the read was made for ({@code connected_at}) and only while it is
     * live, so a sync never brings back an account disconnected (or replaces a reconnected one) meanwhile.
     */
    @SqlQuery("""
            UPDATE social_accounts SET platform_user_id = :platformUserId, username = :username,
                profile_url = :profileUrl, followers = :followers, following = :following, posts_count = :posts,
                engagement_rate = :engagementRate, avg_views = :avgViews, engagement_formula = :formula,
                engagement_sample = :engagementSample, views_sample = :viewsSample,
                metrics_window_start = :windowStart, metrics_window_end = :windowEnd, status = 'connected',
                last_synced_at = :asOf, sync_attempted_at = :asOf, sync_error = NULL, sync_failures = 0,
                rate_limited_until = NULL, updated_at = now()
            WHERE id = :id AND connected_at = :connectedAt AND status <> 'disconnected' AND access_token_enc IS NOT NULL
            RETURNING *
            """)
    Optional<SocialAccount> recordProfile(@Bind("id") UUID id, @Bind("connectedAt") Instant connectedAt,
                                          @Bind("asOf") Instant asOf, @Bind("platformUserId") String platformUserId,
                                          @Bind("username") String username, @Bind("profileUrl") String profileUrl,
                                          @Bind("followers") long followers, @Bind("following") long following,
                                          @Bind("posts") long posts, @Bind("engagementRate") BigDecimal engagementRate,
                                          @Bind("avgViews") long avgViews, @Bind("formula") String formula,
                                          @Bind("engagementSample") Integer engagementSample,
                                          @Bind("viewsSample") Integer viewsSample, @Bind("windowStart") Instant windowStart,
                                          @Bind("windowEnd") Instant windowEnd);

    default Optional<SocialAccount> recordProfile(SocialAccount read, Instant asOf, SocialProfile p, AccountMetrics m) {
        return recordProfile(read.id(), read.connectedAt(), asOf, p.platformUserId(), p.username(), p.profileUrl(),
                Math.max(0, p.followers()), Math.max(0, p.following()), Math.max(0, p.posts()), p.engagementRate(),
                Math.max(0, p.avgViews()), m == null ? null : m.formula(), m == null ? null : m.engagementSample(),
                m == null ? null : m.viewsSample(), m == null ? null : m.windowStart(), m == null ? null : m.windowEnd());
    }

    /**
     * {@link #recordProfile} for a whole chunk in one statement: the rows come as one JSON array
     * (id, connected_at, as_of, the profile's fields and the formula's figures), each guarded like the
     * single-row form, so an account disconnected, reconnected or deleted meanwhile is left alone and
     * missing from the result.
     */
    @SqlQuery("""
            UPDATE social_accounts a SET platform_user_id = o.platform_user_id, username = o.username,
                profile_url = o.profile_url, followers = o.followers, following = o.following, posts_count = o.posts,
                engagement_rate = COALESCE(o.engagement_rate, 0), avg_views = o.avg_views,
                engagement_formula = o.formula, engagement_sample = o.engagement_sample, views_sample = o.views_sample,
                metrics_window_start = o.window_start, metrics_window_end = o.window_end, status = 'connected',
                last_synced_at = o.as_of, sync_attempted_at = o.as_of, sync_error = NULL, sync_failures = 0,
                rate_limited_until = NULL, updated_at = now()
            FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS o(id uuid, connected_at timestamptz, as_of timestamptz,
                platform_user_id text, username text, profile_url text, followers bigint, following bigint, posts bigint,
                engagement_rate numeric, avg_views bigint, formula text, engagement_sample integer, views_sample integer,
                window_start timestamptz, window_end timestamptz)
            WHERE a.id = o.id AND a.connected_at = o.connected_at AND a.status <> 'disconnected'
              AND a.access_token_enc IS NOT NULL
            RETURNING a.*
            """)
    List<SocialAccount> recordProfiles(@Bind("rows") String rows);

    /**
     * The failed reads of a chunk in one statement, each row with its {@code kind}: {@code failed}
     * ({@link #markError}), {@code rate_limited} ({@link #startCooldown}, until {@code until}) or
     * {@code revoked} (the guarded {@link #markDisconnected}). Guarded as above.
     */
    @SqlQuery("""
            UPDATE social_accounts a SET
                status = CASE o.kind WHEN 'failed' THEN 'error' WHEN 'revoked' THEN 'disconnected' ELSE a.status END,
                sync_error = CASE o.kind WHEN 'rate_limited' THEN a.sync_error ELSE o.reason END,
                sync_failures = CASE o.kind WHEN 'failed' THEN a.sync_failures + 1 ELSE a.sync_failures END,
                rate_limited_until = CASE o.kind WHEN 'rate_limited' THEN o.until ELSE a.rate_limited_until END,
                access_token_enc = CASE o.kind WHEN 'revoked' THEN NULL ELSE a.access_token_enc END,
                refresh_token_enc = CASE o.kind WHEN 'revoked' THEN NULL ELSE a.refresh_token_enc END,
                token_expires_at = CASE o.kind WHEN 'revoked' THEN NULL ELSE a.token_expires_at END,
                sync_attempted_at = now(), updated_at = now()
            FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS o(id uuid, connected_at timestamptz, kind text, reason text,
                until timestamptz)
            WHERE a.id = o.id AND a.connected_at = o.connected_at AND a.status <> 'disconnected'
              AND o.kind IN ('failed', 'rate_limited', 'revoked')
            RETURNING a.*
            """)
    List<SocialAccount> recordFailures(@Bind("rows") String rows);

    /** A read that failed but may work later: tokens kept, the reason shown to the owner. Guarded as above. */
    @SqlQuery("""
            UPDATE social_accounts SET status = 'error', sync_error = :reason, sync_failures = sync_failures + 1,
                sync_attempted_at = now(), updated_at = now()
            WHERE id = :id AND connected_at = :connectedAt AND status <> 'disconnected'
            RETURNING *
            """)
    Optional<SocialAccount> markError(@Bind("id") UUID id, @Bind("connectedAt") Instant connectedAt,
                                      @Bind("reason") String reason);

    /** The platform asked us to wait: nothing about the account changes but its cooldown. Guarded as above. */
    @SqlQuery("""
            UPDATE social_accounts SET rate_limited_until = :until, sync_attempted_at = now(), updated_at = now()
            WHERE id = :id AND connected_at = :connectedAt AND status <> 'disconnected'
            RETURNING *
            """)
    Optional<SocialAccount> startCooldown(@Bind("id") UUID id, @Bind("connectedAt") Instant connectedAt,
                                          @Bind("until") Instant until);

    /** The owner disconnected: drop the tokens, whatever the state. */
    @SqlQuery("""
            UPDATE social_accounts SET status = 'disconnected', access_token_enc = NULL, refresh_token_enc = NULL,
                token_expires_at = NULL, sync_error = :reason, updated_at = now()
            WHERE id = :id
            RETURNING *
            """)
    SocialAccount markDisconnected(@Bind("id") UUID id, @Bind("reason") String reason);

    /** The tokens are dead (revoked, unreadable): only the connection that was read, and only if still live. */
    @SqlQuery("""
            UPDATE social_accounts SET status = 'disconnected', access_token_enc = NULL, refresh_token_enc = NULL,
                token_expires_at = NULL, sync_error = :reason, sync_attempted_at = now(), updated_at = now()
            WHERE id = :id AND connected_at = :connectedAt AND status <> 'disconnected'
            RETURNING *
            """)
    Optional<SocialAccount> markDisconnected(@Bind("id") UUID id, @Bind("connectedAt") Instant connectedAt,
                                             @Bind("reason") String reason);

    /**
     * Recomputes influencers' aggregates from their live accounts in one statement: followers summed;
     * engagement weighted by followers over the accounts whose formula measured something; views
     * averaged over the accounts that reported views. A platform that reports nothing to measure
     * (sample 0) is left out instead of counting as 0. Accounts in 'error' keep counting with their
     * last known numbers; disconnected ones stop counting. Rows never read with a formula (sample
     * NULL) count when their figure is above zero.
     */
    @SqlUpdate("""
            UPDATE influencer_profiles p SET
                total_followers = COALESCE(a.followers, 0),
                avg_engagement_rate = COALESCE(a.engagement, 0),
                avg_views = COALESCE(a.views, 0),
                metrics_as_of = now(),
                updated_at = now()
            FROM unnest(CAST(:userIds AS uuid[])) AS u(user_id)
            LEFT JOIN (
                SELECT user_id,
                       sum(followers) AS followers,
                       round(sum(engagement_rate * followers) FILTER (WHERE measured)
                             / NULLIF(sum(followers) FILTER (WHERE measured), 0), 4) AS engagement,
                       round(avg(avg_views) FILTER (WHERE viewed))::bigint AS views
                FROM (SELECT user_id, followers, engagement_rate, avg_views,
                             COALESCE(engagement_sample > 0, engagement_rate > 0) AS measured,
                             COALESCE(views_sample > 0, avg_views > 0) AS viewed
                      FROM social_accounts
                      WHERE user_id = ANY(CAST(:userIds AS uuid[])) AND status IN ('connected', 'error')) s
                GROUP BY user_id) a ON a.user_id = u.user_id
            WHERE p.user_id = u.user_id
            """)
    int recomputeInfluencerMetrics(@Bind("userIds") UUID[] userIds);

    default int recomputeInfluencerMetrics(UUID userId) {
        return recomputeInfluencerMetrics(new UUID[] {userId});
    }

    class SocialAccountMapper implements RowMapper<SocialAccount> {
        @Override
        public SocialAccount map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new SocialAccount(
                    rs.getObject("id", UUID.class),
                    rs.getObject("user_id", UUID.class),
                    Platform.parse(rs.getString("platform")).orElseThrow(),
                    rs.getString("platform_user_id"),
                    rs.getString("username"),
                    rs.getString("profile_url"),
                    rs.getLong("followers"),
                    rs.getLong("following"),
                    rs.getLong("posts_count"),
                    rs.getBigDecimal("engagement_rate"),
                    rs.getLong("avg_views"),
                    rs.getBytes("access_token_enc"),
                    rs.getBytes("refresh_token_enc"),
                    Rows.instant(rs, "token_expires_at"),
                    rs.getString("scopes"),
                    rs.getString("status"),
                    Rows.instant(rs, "connected_at"),
                    Rows.instant(rs, "last_synced_at"),
                    rs.getString("sync_error"),
                    rs.getInt("sync_failures"),
                    Rows.instant(rs, "updated_at"),
                    Rows.instant(rs, "sync_attempted_at"),
                    Rows.instant(rs, "rate_limited_until"),
                    rs.getString("engagement_formula"),
                    rs.getObject("engagement_sample", Integer.class),
                    rs.getObject("views_sample", Integer.class),
                    Rows.instant(rs, "metrics_window_start"),
                    Rows.instant(rs, "metrics_window_end"));
        }
    }
}
