package com.creatorcampaignpro.influencer;

import com.creatorcampaignpro.db.Rows;
import com.creatorcampaignpro.influencer.InfluencerProfileDao.ProfileMapper;
import com.creatorcampaignpro.social.Platform;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The influencer directory: a keyset page of profiles for a search with their per-platform metrics
 * (one statement per page), and one influencer's profile and metrics.
 */
@RegisterRowMapper(InfluencerProfileDao.ProfileMapper.class)
@RegisterRowMapper(InfluencerSearchDao.MetricsMapper.class)
public interface InfluencerSearchDao extends SqlObject {

    /** An influencer of a search page with the social accounts it shows. */
    record Hit(InfluencerProfile profile, List<SocialMetrics> accounts) {
    }

    /**
     * One page of the search ({@code limit + 1} rows: the extra one says whether a next page exists)
     * with each influencer's social accounts, in one statement (see {@link SearchStatement}).
     */
    default List<Hit> search(InfluencerSearch search) {
        SearchStatement statement = SearchStatement.of(search);
        Query query = statement.bind(getHandle().createQuery(statement.sql), search);
        return query.scanResultSet((results, ctx) -> {
            ResultSet rs = results.get();
            ProfileMapper profiles = new ProfileMapper();
            List<Hit> hits = new ArrayList<>();
            UUID current = null;
            while (rs.next()) {
                UUID id = rs.getObject("user_id", UUID.class);
                if (!id.equals(current)) {
                    hits.add(new Hit(profiles.map(rs, ctx), new ArrayList<>(4)));
                    current = id;
                }
                String platform = rs.getString("s_platform");
                if (platform != null) {
                    hits.get(hits.size() - 1).accounts().add(new SocialMetrics(id, Platform.parse(platform).orElseThrow(),
                            rs.getString("s_username"), rs.getString("s_profile_url"), rs.getLong("s_followers"),
                            rs.getBigDecimal("s_engagement_rate"), rs.getLong("s_avg_views"), rs.getString("s_status"),
                            Rows.instant(rs, "s_last_synced_at")));
                }
            }
            return hits;
        });
    }

    /** The value a page sorted by {@code sort} continues after. */
    static BigDecimal sortValue(InfluencerProfile p, InfluencerSort sort) {
        return switch (sort) {
            case FOLLOWERS -> BigDecimal.valueOf(p.totalFollowers());
            case ENGAGEMENT -> p.avgEngagementRate();
            case RATING -> p.rating();
        };
    }

    /** An active influencer's profile; deactivated accounts are not listed. */
    @SqlQuery("""
            SELECT p.* FROM influencer_profiles p JOIN users u ON u.id = p.user_id
            WHERE p.user_id = :id AND u.is_active AND u.user_type = 'influencer'
            """)
    Optional<InfluencerProfile> findActive(@Bind("id") UUID id);

    /** The social accounts of many influencers at once (a page's), without their tokens. */
    @SqlQuery("""
            SELECT user_id, platform, username, profile_url, followers, engagement_rate, avg_views, status, last_synced_at
            FROM social_accounts
            WHERE user_id = ANY(:ids)
            ORDER BY user_id, platform
            """)
    List<SocialMetrics> metricsOf(@Bind("ids") UUID[] ids);

    class MetricsMapper implements RowMapper<SocialMetrics> {
        @Override
        public SocialMetrics map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new SocialMetrics(
                    rs.getObject("user_id", UUID.class),
                    Platform.parse(rs.getString("platform")).orElseThrow(),
                    rs.getString("username"),
                    rs.getString("profile_url"),
                    rs.getLong("followers"),
                    rs.getBigDecimal("engagement_rate"),
                    rs.getLong("avg_views"),
                    rs.getString("status"),
                    Rows.instant(rs, "last_synced_at"));
        }
    }
}
