package com.creatorcampaignpro.matching;

import com.creatorcampaignpro.content.ContentType;
import com.creatorcampaignpro.db.Rows;
import com.creatorcampaignpro.prediction.PostStats;
import com.creatorcampaignpro.social.Platform;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the /api/ai endpoints read beside the feature table: per-post history for predictions, the
 * click-through of past campaign content, rates in a currency, who a campaign already invited, and
 * a content item's caption for its campaign's marketer.
 */
@RegisterRowMapper(AiInputsDao.PostMapper.class)
@RegisterRowMapper(AiInputsDao.ClicksMapper.class)
@RegisterRowMapper(AiInputsDao.RateMapper.class)
public interface AiInputsDao {

    record InfluencerPost(UUID influencerId, PostStats post) {
    }

    record Clicks(UUID influencerId, long clicks, long impressions, int posts) {
    }

    record Rate(UUID influencerId, Platform platform, ContentType contentType, long amount) {
    }

    /** The newest {@code perPlatform} posts of each influencer on each platform (connected or not: history is history). */
    @SqlQuery("""
            SELECT x.user_id, x.platform, x.content_type, x.posted_at, x.views, x.likes, x.comments, x.shares, x.saves,
                   x.reach, x.impressions
            FROM (SELECT a.user_id, m.platform, m.content_type, m.posted_at, m.views, m.likes, m.comments, m.shares,
                         m.saves, m.reach, m.impressions,
                         row_number() OVER (PARTITION BY a.user_id, m.platform ORDER BY m.posted_at DESC) AS n
                  FROM social_accounts a
                  JOIN social_account_media m ON m.social_account_id = a.id
                  WHERE a.user_id = ANY(:ids)) x
            WHERE x.n <= :perPlatform
            """)
    List<InfluencerPost> recentPosts(@Bind("ids") UUID[] influencerIds, @Bind("perPlatform") int perPlatform);

    /** Clicks and impressions of each influencer's published campaign content that has impressions. */
    @SqlQuery("""
            SELECT c.influencer_id, sum(cm.clicks) AS clicks, sum(cm.impressions) AS impressions, count(*) AS posts
            FROM content c
            JOIN content_metrics cm ON cm.content_id = c.id
            WHERE c.influencer_id = ANY(:ids) AND c.status = 'published' AND cm.impressions > 0
            GROUP BY c.influencer_id
            """)
    List<Clicks> clicks(@Bind("ids") UUID[] influencerIds);

    @SqlQuery("""
            SELECT influencer_id, platform, content_type, rate_amount FROM content_rates
            WHERE influencer_id = ANY(:ids) AND currency = :currency
            """)
    List<Rate> rates(@Bind("ids") UUID[] influencerIds, @Bind("currency") String currency);

    /** Influencers with a live (pending or accepted) invitation to the campaign. */
    @SqlQuery("SELECT influencer_id FROM campaign_invitations WHERE campaign_id = :campaignId AND status IN ('pending', 'accepted')")
    List<UUID> invited(@Bind("campaignId") UUID campaignId);

    /** Which of these ids are influencer profiles. */
    @SqlQuery("SELECT user_id FROM influencer_profiles WHERE user_id = ANY(:ids)")
    List<UUID> influencers(@Bind("ids") UUID[] ids);

    /** The caption of content submitted to one of this marketer's campaigns; empty for anyone else's. */
    @SqlQuery("""
            SELECT c.caption FROM content c JOIN campaigns k ON k.id = c.campaign_id
            WHERE c.id = :id AND k.marketer_id = :marketerId
            """)
    Optional<String> captionForMarketer(@Bind("id") UUID contentId, @Bind("marketerId") UUID marketerId);

    class PostMapper implements RowMapper<InfluencerPost> {
        @Override
        public InfluencerPost map(ResultSet rs, StatementContext ctx) throws SQLException {
            String type = rs.getString("content_type");
            return new InfluencerPost(rs.getObject("user_id", UUID.class), new PostStats(
                    Platform.parse(rs.getString("platform")).orElseThrow(),
                    type == null ? null : ContentType.parse(type).orElse(null), Rows.instant(rs, "posted_at"),
                    Rows.nullableLong(rs, "views"), Rows.nullableLong(rs, "likes"), Rows.nullableLong(rs, "comments"),
                    Rows.nullableLong(rs, "shares"), Rows.nullableLong(rs, "saves"), Rows.nullableLong(rs, "reach"),
                    Rows.nullableLong(rs, "impressions")));
        }
    }

    class ClicksMapper implements RowMapper<Clicks> {
        @Override
        public Clicks map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Clicks(rs.getObject("influencer_id", UUID.class), rs.getLong("clicks"), rs.getLong("impressions"),
                    rs.getInt("posts"));
        }
    }

    class RateMapper implements RowMapper<Rate> {
        @Override
        public Rate map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Rate(rs.getObject("influencer_id", UUID.class), Platform.parse(rs.getString("platform")).orElseThrow(),
                    ContentType.parse(rs.getString("content_type")).orElseThrow(), rs.getLong("rate_amount"));
        }
    }
}
