package com.creatorcampaignpro.campaign;

import com.creatorcampaignpro.db.JsonbCodec;
import com.creatorcampaignpro.db.Rows;
import com.creatorcampaignpro.money.Money;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@RegisterRowMapper(CampaignDao.CampaignMapper.class)
public interface CampaignDao {

    @SqlQuery("""
            INSERT INTO campaigns (marketer_id, name, description, objectives, status, budget, spent, currency,
                                   start_date, end_date, target_categories, target_languages, target_countries,
                                   target_platforms, min_followers, max_followers, min_engagement_rate,
                                   target_audience, deliverables)
            VALUES (:marketerId, :name, :description, :objectives, :status, :budget, :spent, :currency,
                    :startDate, :endDate, :targetCategories, :targetLanguages, :targetCountries,
                    :targetPlatforms, :minFollowers, :maxFollowers, :minEngagementRate,
                    :targetAudience, :deliverables)
            RETURNING *
            """)
    Campaign insert(@Bind("marketerId") UUID marketerId, @Bind("name") String name,
                    @Bind("description") String description, @Bind("objectives") String[] objectives,
                    @Bind("status") String status, @Bind("budget") long budget, @Bind("spent") long spent,
                    @Bind("currency") String currency, @Bind("startDate") LocalDate startDate,
                    @Bind("endDate") LocalDate endDate, @Bind("targetCategories") String[] targetCategories,
                    @Bind("targetLanguages") String[] targetLanguages, @Bind("targetCountries") String[] targetCountries,
                    @Bind("targetPlatforms") String[] targetPlatforms, @Bind("minFollowers") Long minFollowers,
                    @Bind("maxFollowers") Long maxFollowers, @Bind("minEngagementRate") BigDecimal minEngagementRate,
                    @Bind("targetAudience") TargetAudience targetAudience,
                    @Bind("deliverables") List<Deliverable> deliverables);

    default Campaign insert(Campaign c) {
        return insert(c.marketerId(), c.name(), c.description(), Rows.array(c.objectives()), c.status().dbValue(),
                c.budget().minorUnits(), c.spent().minorUnits(), c.currency(), c.startDate(), c.endDate(), Rows.array(c.targetCategories()),
                Rows.array(c.targetLanguages()), Rows.array(c.targetCountries()), Rows.array(c.targetPlatforms()),
                c.minFollowers(), c.maxFollowers(), c.minEngagementRate(), c.targetAudience(), c.deliverables());
    }

    /** The campaign if it belongs to this marketer; another owner's campaign is simply absent. */
    @SqlQuery("SELECT * FROM campaigns WHERE id = :id AND marketer_id = :marketerId")
    Optional<Campaign> findOwned(@Bind("id") UUID id, @Bind("marketerId") UUID marketerId);

    /** As {@link #findOwned}, locking the row so a concurrent update cannot skip a status check. */
    @SqlQuery("SELECT * FROM campaigns WHERE id = :id AND marketer_id = :marketerId FOR UPDATE")
    Optional<Campaign> lockOwned(@Bind("id") UUID id, @Bind("marketerId") UUID marketerId);

    /**
     * Whether any invitation (live or not) was sent for the campaign: its currency is then fixed (V170's
     * triggers enforce it; this lets the service say so first). Under {@link #lockOwned} no new one can
     * appear before commit: an invitation insert locks the campaign row FOR SHARE.
     */
    @SqlQuery("SELECT EXISTS (SELECT 1 FROM campaign_invitations WHERE campaign_id = :id)")
    boolean hasInvitations(@Bind("id") UUID id);

    @SqlQuery("SELECT * FROM campaigns WHERE id = :id")
    Optional<Campaign> find(@Bind("id") UUID id);

    /** One keyset page of a marketer's campaigns, newest first; {@code status} null means all. */
    @SqlQuery("""
            SELECT * FROM campaigns
            WHERE marketer_id = :marketerId
              AND (CAST(:status AS text) IS NULL OR status = :status)
              AND (CAST(:afterAt AS timestamptz) IS NULL OR (created_at, id) < (:afterAt, :afterId))
            ORDER BY created_at DESC, id DESC
            LIMIT :limit
            """)
    List<Campaign> pageOwned(@Bind("marketerId") UUID marketerId, @Bind("status") String status,
                             @Bind("afterAt") Instant afterAt, @Bind("afterId") UUID afterId, @Bind("limit") int limit);

    @SqlQuery("""
            UPDATE campaigns SET
                name = :name, description = :description, objectives = :objectives, status = :status,
                budget = :budget, currency = :currency, start_date = :startDate, end_date = :endDate,
                target_categories = :targetCategories, target_languages = :targetLanguages,
                target_countries = :targetCountries, target_platforms = :targetPlatforms,
                min_followers = :minFollowers, max_followers = :maxFollowers,
                min_engagement_rate = :minEngagementRate, target_audience = :targetAudience,
                deliverables = :deliverables, updated_at = now()
            WHERE id = :id AND marketer_id = :marketerId
            RETURNING *
            """)
    Campaign update(@Bind("id") UUID id, @Bind("marketerId") UUID marketerId, @Bind("name") String name,
                    @Bind("description") String description, @Bind("objectives") String[] objectives,
                    @Bind("status") String status, @Bind("budget") long budget, @Bind("currency") String currency,
                    @Bind("startDate") LocalDate startDate, @Bind("endDate") LocalDate endDate,
                    @Bind("targetCategories") String[] targetCategories, @Bind("targetLanguages") String[] targetLanguages,
                    @Bind("targetCountries") String[] targetCountries, @Bind("targetPlatforms") String[] targetPlatforms,
                    @Bind("minFollowers") Long minFollowers, @Bind("maxFollowers") Long maxFollowers,
                    @Bind("minEngagementRate") BigDecimal minEngagementRate,
                    @Bind("targetAudience") TargetAudience targetAudience,
                    @Bind("deliverables") List<Deliverable> deliverables);

    default Campaign update(Campaign c) {
        return update(c.id(), c.marketerId(), c.name(), c.description(), Rows.array(c.objectives()), c.status().dbValue(),
                c.budget().minorUnits(), c.currency(), c.startDate(), c.endDate(), Rows.array(c.targetCategories()),
                Rows.array(c.targetLanguages()), Rows.array(c.targetCountries()), Rows.array(c.targetPlatforms()),
                c.minFollowers(), c.maxFollowers(), c.minEngagementRate(), c.targetAudience(), c.deliverables());
    }

    /** Cascades to campaign_metrics; content and payments reference the campaign, which the rules forbid deleting. */
    @SqlUpdate("DELETE FROM campaigns WHERE id = :id AND marketer_id = :marketerId")
    int delete(@Bind("id") UUID id, @Bind("marketerId") UUID marketerId);

    class CampaignMapper implements RowMapper<Campaign> {
        @Override
        public Campaign map(ResultSet rs, StatementContext ctx) throws SQLException {
            String currency = rs.getString("currency");
            return new Campaign(
                    rs.getObject("id", UUID.class),
                    rs.getObject("marketer_id", UUID.class),
                    rs.getString("name"),
                    rs.getString("description"),
                    Rows.strings(rs, "objectives"),
                    CampaignStatus.parse(rs.getString("status")).orElseThrow(),
                    Money.of(rs.getLong("budget"), currency),
                    Money.of(rs.getLong("spent"), currency),
                    Rows.date(rs, "start_date"),
                    Rows.date(rs, "end_date"),
                    Rows.strings(rs, "target_categories"),
                    Rows.strings(rs, "target_languages"),
                    Rows.strings(rs, "target_countries"),
                    Rows.strings(rs, "target_platforms"),
                    Rows.nullableLong(rs, "min_followers"),
                    Rows.nullableLong(rs, "max_followers"),
                    Rows.decimal(rs, "min_engagement_rate"),
                    JsonbCodec.TARGET_AUDIENCE_COLUMN.map(rs, "target_audience", ctx),
                    JsonbCodec.DELIVERABLES_COLUMN.map(rs, "deliverables", ctx),
                    Rows.instant(rs, "created_at"),
                    Rows.instant(rs, "updated_at"));
        }
    }
}
