package com.creatorcampaignpro.influencer;

import com.creatorcampaignpro.db.CustomPlan;
import com.creatorcampaignpro.db.Rows;
import com.creatorcampaignpro.db.TextArray;
import com.creatorcampaignpro.paging.RankCursor;
import com.creatorcampaignpro.social.Platform;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.AllowUnusedBindings;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The influencer directory: a keyset page of profiles for a search, and the per-platform metrics of a
 * page's influencers in one batched query (two statements per page, whatever its size).
 */
@RegisterRowMapper(InfluencerProfileDao.ProfileMapper.class)
@RegisterRowMapper(InfluencerSearchDao.MetricsMapper.class)
public interface InfluencerSearchDao {

    /*
     * Each filter is a fixed SQL fragment with bound values, chosen by which filters the search
     * uses: the WHERE clause holds only the conditions that apply, so PostgreSQL plans each
     * combination on its own instead of one generic plan full of "(:x IS NULL OR ...)". No fragment
     * ever contains client text; every value travels as a bind.
     */
    String TEXT = "(p.display_name || ' ' || p.bio) ILIKE :textPattern";
    String ANY_CATEGORY = "p.categories && CAST(:categories AS text[])";
    String ALL_CATEGORIES = "p.categories @> CAST(:categories AS text[])";
    String LANGUAGES = "p.languages && CAST(:languages AS text[])";
    String COUNTRY = "p.country = CAST(:country AS char(2))";
    String LOCATION = "p.location ILIKE :locationPattern";
    String PLATFORM = """
            EXISTS (SELECT 1 FROM social_accounts s
                    WHERE s.user_id = p.user_id AND s.platform = :platform AND s.status = 'connected')""";
    String MIN_FOLLOWERS = "p.total_followers >= :minFollowers";
    String MAX_FOLLOWERS = "p.total_followers <= :maxFollowers";
    String MIN_ENGAGEMENT = "p.avg_engagement_rate >= :minEngagementRate";
    String MIN_VIEWS = "p.avg_views >= :minAvgViews";
    String AVAILABILITY = "p.availability = :availability";
    String VERIFIED = "p.verified = :verified";
    String RATE = """
            EXISTS (SELECT 1 FROM content_rates r
                    WHERE r.influencer_id = p.user_id AND r.content_type = :contentType
                      AND (CAST(:platform AS text) IS NULL OR r.platform = :platform)
                      AND (CAST(:currency AS text) IS NULL OR r.currency = CAST(:currency AS char(3)))
                      AND (CAST(:minRate AS bigint) IS NULL OR r.rate_amount >= :minRate)
                      AND (CAST(:maxRate AS bigint) IS NULL OR r.rate_amount <= :maxRate))""";
    // The cursor's value is cast to the column's type so the row comparison stays an index condition.
    String AFTER_FOLLOWERS = "(p.total_followers, p.user_id) < (CAST(:afterValue AS bigint), :afterId)";
    String AFTER_ENGAGEMENT = "(p.avg_engagement_rate, p.user_id) < (CAST(:afterValue AS numeric(7, 4)), :afterId)";
    String AFTER_RATING = "(p.rating, p.user_id) < (CAST(:afterValue AS numeric(3, 2)), :afterId)";

    @SqlQuery("""
            SELECT p.* FROM influencer_profiles p JOIN users u ON u.id = p.user_id
            WHERE u.is_active AND <filters>
            ORDER BY <sortColumn> DESC, p.user_id DESC
            LIMIT :limit
            """)
    @AllowUnusedBindings
    @CustomPlan
    List<InfluencerProfile> page(@Define("filters") String filters, @Define("sortColumn") String sortColumn,
                                 @BindMethods SearchBinds binds);

    /** One page of the search ({@code limit + 1} rows: the extra one says whether a next page exists). */
    default List<InfluencerProfile> search(InfluencerSearch search) {
        List<String> where = new ArrayList<>();
        where.add("TRUE");
        if (search.text() != null) {
            where.add(TEXT);
        }
        if (!search.categories().isEmpty()) {
            where.add(search.allCategories() ? ALL_CATEGORIES : ANY_CATEGORY);
        }
        if (!search.languages().isEmpty()) {
            where.add(LANGUAGES);
        }
        if (search.country() != null) {
            where.add(COUNTRY);
        }
        if (search.location() != null) {
            where.add(LOCATION);
        }
        if (search.platform() != null) {
            where.add(PLATFORM);
        }
        if (search.minFollowers() != null) {
            where.add(MIN_FOLLOWERS);
        }
        if (search.maxFollowers() != null) {
            where.add(MAX_FOLLOWERS);
        }
        if (search.minEngagementRate() != null) {
            where.add(MIN_ENGAGEMENT);
        }
        if (search.minAvgViews() != null) {
            where.add(MIN_VIEWS);
        }
        if (search.availability() != null) {
            where.add(AVAILABILITY);
        }
        if (search.verified() != null) {
            where.add(VERIFIED);
        }
        if (search.contentType() != null) {
            where.add(RATE);
        }
        String sortColumn = switch (search.sort()) {
            case FOLLOWERS -> "p.total_followers";
            case ENGAGEMENT -> "p.avg_engagement_rate";
            case RATING -> "p.rating";
        };
        if (search.after() != null) {
            where.add(switch (search.sort()) {
                case FOLLOWERS -> AFTER_FOLLOWERS;
                case ENGAGEMENT -> AFTER_ENGAGEMENT;
                case RATING -> AFTER_RATING;
            });
        }
        return page(String.join("\n  AND ", where), sortColumn, new SearchBinds(search));
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

    /** Bind values of a search, read by name from the fragments above. */
    record SearchBinds(InfluencerSearch search) {
        public String textPattern() {
            return search.textPattern();
        }

        public TextArray categories() {
            return new TextArray(search.categories());
        }

        public TextArray languages() {
            return new TextArray(search.languages());
        }

        public String country() {
            return search.country();
        }

        public String locationPattern() {
            return search.locationPattern();
        }

        public String platform() {
            return search.platform() == null ? null : search.platform().dbValue();
        }

        public Long minFollowers() {
            return search.minFollowers();
        }

        public Long maxFollowers() {
            return search.maxFollowers();
        }

        public BigDecimal minEngagementRate() {
            return search.minEngagementRate();
        }

        public Long minAvgViews() {
            return search.minAvgViews();
        }

        public String availability() {
            return search.availability() == null ? null : search.availability().dbValue();
        }

        public Boolean verified() {
            return search.verified();
        }

        public String contentType() {
            return search.contentType() == null ? null : search.contentType().dbValue();
        }

        public String currency() {
            return search.currency();
        }

        public Long minRate() {
            return search.minRate();
        }

        public Long maxRate() {
            return search.maxRate();
        }

        public BigDecimal afterValue() {
            RankCursor after = search.after();
            return after == null ? null : after.value();
        }

        public UUID afterId() {
            RankCursor after = search.after();
            return after == null ? null : after.id();
        }

        public int limit() {
            return search.fetchSize();
        }
    }

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
