package com.creatorcampaignpro.matching;

import com.creatorcampaignpro.content.ContentType;
import com.creatorcampaignpro.influencer.Availability;
import com.creatorcampaignpro.social.Platform;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The scorer's view of influencers, in one query: profile, connected accounts and rates aggregated
 * into arrays per influencer, and the audience jsonb unpacked by PostgreSQL (numbers only; anything
 * else in it is ignored), so nothing here parses JSON. Unavailable, inactive and deleted influencers
 * are left out: a hard filter would exclude them anyway.
 */
@RegisterRowMapper(MatchFeatureDao.FeaturesMapper.class)
public interface MatchFeatureDao {

    String SELECT = """
            SELECT p.user_id, p.categories, p.languages, p.country, p.total_followers,
                   p.avg_engagement_rate::float8 AS avg_engagement_rate, p.rating::float8 AS rating,
                   p.completed_campaigns, p.availability, p.verified,
                   a.platforms, a.followers, a.engagement_rates,
                   r.rate_platforms, r.rate_types, r.rate_amounts, r.rate_currencies,
                   ARRAY(SELECT e.key FROM jsonb_each(CASE WHEN jsonb_typeof(p.audience -> 'countries') = 'object'
                         THEN p.audience -> 'countries' ELSE '{}' END) e WHERE jsonb_typeof(e.value) = 'number' ORDER BY e.key) AS country_keys,
                   ARRAY(SELECT e.value::float8 FROM jsonb_each(CASE WHEN jsonb_typeof(p.audience -> 'countries') = 'object'
                         THEN p.audience -> 'countries' ELSE '{}' END) e WHERE jsonb_typeof(e.value) = 'number' ORDER BY e.key) AS country_shares,
                   ARRAY(SELECT e.key FROM jsonb_each(CASE WHEN jsonb_typeof(p.audience -> 'genders') = 'object'
                         THEN p.audience -> 'genders' ELSE '{}' END) e WHERE jsonb_typeof(e.value) = 'number' ORDER BY e.key) AS gender_keys,
                   ARRAY(SELECT e.value::float8 FROM jsonb_each(CASE WHEN jsonb_typeof(p.audience -> 'genders') = 'object'
                         THEN p.audience -> 'genders' ELSE '{}' END) e WHERE jsonb_typeof(e.value) = 'number' ORDER BY e.key) AS gender_shares,
                   ARRAY(SELECT e.key FROM jsonb_each(CASE WHEN jsonb_typeof(p.audience -> 'ages') = 'object'
                         THEN p.audience -> 'ages' ELSE '{}' END) e WHERE jsonb_typeof(e.value) = 'number' ORDER BY e.key) AS age_keys,
                   ARRAY(SELECT e.value::float8 FROM jsonb_each(CASE WHEN jsonb_typeof(p.audience -> 'ages') = 'object'
                         THEN p.audience -> 'ages' ELSE '{}' END) e WHERE jsonb_typeof(e.value) = 'number' ORDER BY e.key) AS age_shares
            FROM influencer_profiles p
            JOIN users u ON u.id = p.user_id AND u.is_active AND u.deleted_at IS NULL
            LEFT JOIN LATERAL (
                SELECT array_agg(s.platform ORDER BY s.platform) AS platforms,
                       array_agg(s.followers ORDER BY s.platform) AS followers,
                       array_agg(s.engagement_rate::float8 ORDER BY s.platform) AS engagement_rates
                FROM social_accounts s WHERE s.user_id = p.user_id AND s.status = 'connected') a ON TRUE
            LEFT JOIN LATERAL (
                SELECT array_agg(cr.platform) AS rate_platforms, array_agg(cr.content_type) AS rate_types,
                       array_agg(cr.rate_amount) AS rate_amounts, array_agg(cr.currency::text) AS rate_currencies
                FROM content_rates cr WHERE cr.influencer_id = p.user_id) r ON TRUE
            WHERE p.availability <> 'unavailable'
            """;

    /** Every eligible influencer, in user id order (the job's table is built once from this). */
    @SqlQuery(SELECT + " ORDER BY p.user_id")
    List<InfluencerFeatures> all();

    /**
     * The eligible influencers with {@code from <= user_id < to} (PostgreSQL's uuid order; {@code to}
     * null = no upper bound), in user id order: the job loads the table in parts on parallel
     * connections, the server's work for the per-row subqueries being most of the load.
     */
    @SqlQuery(SELECT + " AND p.user_id >= :from AND (CAST(:to AS uuid) IS NULL OR p.user_id < :to) ORDER BY p.user_id")
    List<InfluencerFeatures> range(@Bind("from") UUID from, @Bind("to") UUID to);

    @SqlQuery(SELECT + " AND p.user_id = ANY(:ids) ORDER BY p.user_id")
    List<InfluencerFeatures> of(@Bind("ids") UUID[] ids);

    class FeaturesMapper implements RowMapper<InfluencerFeatures> {
        @Override
        public InfluencerFeatures map(ResultSet rs, StatementContext ctx) throws SQLException {
            Map<Platform, InfluencerFeatures.Account> accounts = new EnumMap<>(Platform.class);
            Object[] platforms = array(rs, "platforms");
            Object[] followers = array(rs, "followers");
            Object[] rates = array(rs, "engagement_rates");
            for (int i = 0; i < platforms.length; i++) {
                Platform p = Platform.parse((String) platforms[i]).orElseThrow();
                accounts.put(p, new InfluencerFeatures.Account(((Number) followers[i]).longValue(), ((Number) rates[i]).doubleValue()));
            }
            List<InfluencerFeatures.Rate> prices = new ArrayList<>();
            Object[] ratePlatforms = array(rs, "rate_platforms");
            Object[] rateTypes = array(rs, "rate_types");
            Object[] rateAmounts = array(rs, "rate_amounts");
            Object[] rateCurrencies = array(rs, "rate_currencies");
            for (int i = 0; i < ratePlatforms.length; i++) {
                prices.add(new InfluencerFeatures.Rate(Platform.parse((String) ratePlatforms[i]).orElseThrow(),
                        ContentType.parse((String) rateTypes[i]).orElseThrow(), ((Number) rateAmounts[i]).longValue(),
                        (String) rateCurrencies[i]));
            }
            AudienceProfile audience = new AudienceProfile(shares(rs, "country_keys", "country_shares"),
                    shares(rs, "gender_keys", "gender_shares"), shares(rs, "age_keys", "age_shares"));
            String country = rs.getString("country");
            return new InfluencerFeatures(rs.getObject("user_id", UUID.class), Set.copyOf(java.util.Arrays.asList((String[]) rs.getArray("categories").getArray())),
                    Set.copyOf(java.util.Arrays.asList((String[]) rs.getArray("languages").getArray())), country == null ? null : country.trim(),
                    rs.getLong("total_followers"), rs.getDouble("avg_engagement_rate"), accounts, audience, prices,
                    rs.getDouble("rating"), rs.getInt("completed_campaigns"),
                    Availability.parse(rs.getString("availability")).orElseThrow(), rs.getBoolean("verified"));
        }

        private static Object[] array(ResultSet rs, String column) throws SQLException {
            Array a = rs.getArray(column);
            return a == null ? new Object[0] : (Object[]) a.getArray();
        }

        private static Map<String, Double> shares(ResultSet rs, String keys, String values) throws SQLException {
            Object[] k = array(rs, keys);
            Object[] v = array(rs, values);
            Map<String, Double> out = new HashMap<>();
            for (int i = 0; i < k.length; i++) {
                out.put((String) k[i], ((Number) v[i]).doubleValue());
            }
            return out;
        }
    }
}
