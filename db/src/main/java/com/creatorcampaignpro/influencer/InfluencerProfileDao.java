package com.creatorcampaignpro.influencer;

import com.creatorcampaignpro.db.Rows;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

@RegisterRowMapper(InfluencerProfileDao.ProfileMapper.class)
public interface InfluencerProfileDao {

    /** Every influencer has a profile from registration on, so searches need no outer join. */
    @SqlUpdate("""
            INSERT INTO influencer_profiles (user_id, display_name) VALUES (:userId, :displayName)
            ON CONFLICT (user_id) DO NOTHING
            """)
    void createEmpty(@Bind("userId") UUID userId, @Bind("displayName") String displayName);

    @SqlQuery("SELECT * FROM influencer_profiles WHERE user_id = :userId")
    Optional<InfluencerProfile> find(@Bind("userId") UUID userId);

    /**
     * The influencer's own edit: an upsert, so a profile missing for any reason is created, and the
     * same request twice leaves the same row.
     */
    @SqlQuery("""
            INSERT INTO influencer_profiles (user_id, display_name, bio, categories, languages, location, country, availability)
            VALUES (:userId, :displayName, :bio, :categories, :languages, :location, :country, :availability)
            ON CONFLICT (user_id) DO UPDATE SET
                display_name = EXCLUDED.display_name, bio = EXCLUDED.bio, categories = EXCLUDED.categories,
                languages = EXCLUDED.languages, location = EXCLUDED.location, country = EXCLUDED.country,
                availability = EXCLUDED.availability, updated_at = now()
            RETURNING *
            """)
    InfluencerProfile upsertOwn(@Bind("userId") UUID userId, @Bind("displayName") String displayName,
                                @Bind("bio") String bio, @Bind("categories") String[] categories,
                                @Bind("languages") String[] languages, @Bind("location") String location,
                                @Bind("country") String country, @Bind("availability") String availability);

    class ProfileMapper implements RowMapper<InfluencerProfile> {
        @Override
        public InfluencerProfile map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new InfluencerProfile(
                    rs.getObject("user_id", UUID.class),
                    rs.getString("display_name"),
                    rs.getString("bio"),
                    Rows.strings(rs, "categories"),
                    Rows.strings(rs, "languages"),
                    rs.getString("location"),
                    rs.getString("country"),
                    rs.getLong("total_followers"),
                    rs.getBigDecimal("avg_engagement_rate"),
                    rs.getLong("avg_views"),
                    rs.getString("audience"),
                    rs.getBigDecimal("rating"),
                    rs.getInt("completed_campaigns"),
                    rs.getString("availability"),
                    rs.getBoolean("verified"),
                    Rows.instant(rs, "metrics_as_of"),
                    Rows.instant(rs, "created_at"),
                    Rows.instant(rs, "updated_at"));
        }
    }
}
