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

    @SqlQuery("""
            UPDATE social_accounts SET access_token_enc = :accessTokenEnc, refresh_token_enc = :refreshTokenEnc,
                token_expires_at = :expiresAt, scopes = COALESCE(:scopes, scopes), updated_at = now()
            WHERE id = :id
            RETURNING *
            """)
    SocialAccount updateTokens(@Bind("id") UUID id, @Bind("accessTokenEnc") byte[] accessTokenEnc,
                               @Bind("refreshTokenEnc") byte[] refreshTokenEnc, @Bind("expiresAt") Instant expiresAt,
                               @Bind("scopes") String scopes);

    /** A successful read: the counters, and the account is healthy again. */
    @SqlQuery("""
            UPDATE social_accounts SET platform_user_id = :platformUserId, username = :username,
                profile_url = :profileUrl, followers = :followers, following = :following, posts_count = :posts,
                engagement_rate = :engagementRate, avg_views = :avgViews, status = 'connected',
                last_synced_at = now(), sync_error = NULL, sync_failures = 0, updated_at = now()
            WHERE id = :id
            RETURNING *
            """)
    SocialAccount recordProfile(@Bind("id") UUID id, @Bind("platformUserId") String platformUserId,
                                @Bind("username") String username, @Bind("profileUrl") String profileUrl,
                                @Bind("followers") long followers, @Bind("following") long following,
                                @Bind("posts") long posts, @Bind("engagementRate") BigDecimal engagementRate,
                                @Bind("avgViews") long avgViews);

    default SocialAccount recordProfile(UUID id, SocialProfile p) {
        return recordProfile(id, p.platformUserId(), p.username(), p.profileUrl(), Math.max(0, p.followers()),
                Math.max(0, p.following()), Math.max(0, p.posts()), p.engagementRate(), Math.max(0, p.avgViews()));
    }

    /** A read that failed but may work later: tokens kept, the reason shown to the owner. */
    @SqlQuery("""
            UPDATE social_accounts SET status = 'error', sync_error = :reason, sync_failures = sync_failures + 1,
                updated_at = now()
            WHERE id = :id
            RETURNING *
            """)
    SocialAccount markError(@Bind("id") UUID id, @Bind("reason") String reason);

    /** The tokens are dead (revoked, unreadable) or the owner disconnected: drop them. */
    @SqlQuery("""
            UPDATE social_accounts SET status = 'disconnected', access_token_enc = NULL, refresh_token_enc = NULL,
                token_expires_at = NULL, sync_error = :reason, updated_at = now()
            WHERE id = :id
            RETURNING *
            """)
    SocialAccount markDisconnected(@Bind("id") UUID id, @Bind("reason") String reason);

    /**
     * Recomputes the influencer's aggregates from their live accounts in one statement: followers
     * summed, engagement weighted by followers, views averaged. Accounts in 'error' keep counting with
     * their last known numbers; disconnected ones stop counting.
     */
    @SqlUpdate("""
            UPDATE influencer_profiles p SET
                total_followers = a.followers,
                avg_engagement_rate = a.engagement,
                avg_views = a.views,
                metrics_as_of = now(),
                updated_at = now()
            FROM (SELECT COALESCE(sum(followers), 0) AS followers,
                         COALESCE(round(sum(engagement_rate * followers) / NULLIF(sum(followers), 0), 4), 0) AS engagement,
                         COALESCE(round(avg(avg_views)), 0)::bigint AS views
                  FROM social_accounts
                  WHERE user_id = :userId AND status IN ('connected', 'error')) a
            WHERE p.user_id = :userId
            """)
    int recomputeInfluencerMetrics(@Bind("userId") UUID userId);

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
                    Rows.instant(rs, "updated_at"));
        }
    }
}
