package com.creatorcampaignpro.matching;

import com.creatorcampaignpro.campaign.TargetAudience;
import com.creatorcampaignpro.content.ContentType;
import com.creatorcampaignpro.db.JsonbCodec;
import com.creatorcampaignpro.db.Rows;
import com.creatorcampaignpro.social.Platform;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Active campaigns as the scorer's criteria, a keyset page at a time. The deliverables and target
 * audience jsonb are unpacked by PostgreSQL (deliverables: {@code [{platform, contentType, quantity}]};
 * the target audience is read by {@link TargetAudience#fromMap}, as for the Campaign record: countries,
 * genders, minAge/maxAge and their accepted spellings); deliverable entries that do not parse are ignored.
 */
@RegisterRowMapper(MatchCampaignDao.CriteriaMapper.class)
public interface MatchCampaignDao {

    /** A campaign to score: its criteria and the updated_at they were read at. */
    record CampaignCriteria(UUID campaignId, Instant updatedAt, MatchCriteria criteria) {
    }

    /** The criteria columns, read from {@code campaigns c}. */
    String CRITERIA = """
            SELECT c.id, c.updated_at, c.target_categories, c.target_languages, c.target_countries, c.target_platforms,
                   c.min_followers, c.max_followers, c.min_engagement_rate::float8 AS min_engagement_rate,
                   c.budget - c.spent AS remaining, c.currency,
                   ARRAY(SELECT d ->> 'platform' FROM jsonb_array_elements(CASE WHEN jsonb_typeof(c.deliverables) = 'array'
                         THEN c.deliverables ELSE '[]' END) WITH ORDINALITY AS x(d, n) ORDER BY n) AS d_platforms,
                   ARRAY(SELECT d ->> 'contentType' FROM jsonb_array_elements(CASE WHEN jsonb_typeof(c.deliverables) = 'array'
                         THEN c.deliverables ELSE '[]' END) WITH ORDINALITY AS x(d, n) ORDER BY n) AS d_types,
                   ARRAY(SELECT CASE WHEN jsonb_typeof(d -> 'quantity') = 'number' THEN (d ->> 'quantity')::numeric::int END
                         FROM jsonb_array_elements(CASE WHEN jsonb_typeof(c.deliverables) = 'array'
                         THEN c.deliverables ELSE '[]' END) WITH ORDINALITY AS x(d, n) ORDER BY n) AS d_quantities,
                   c.target_audience
            FROM campaigns c
            """;

    /**
     * @param changedOnly only campaigns never scored, edited since their last scoring, or scored by
     *                    another model version
     */
    @SqlQuery(CRITERIA + """
            LEFT JOIN match_score_runs r ON r.campaign_id = c.id
            WHERE c.status = 'active'
              AND (CAST(:after AS uuid) IS NULL OR c.id > CAST(:after AS uuid))
              AND (NOT :changedOnly OR r.campaign_id IS NULL OR c.updated_at > r.campaign_updated_at
                   OR r.model_version <> :modelVersion)
            ORDER BY c.id
            LIMIT :limit
            """)
    List<CampaignCriteria> page(@Bind("after") UUID after, @Bind("changedOnly") boolean changedOnly,
                                @Bind("modelVersion") String modelVersion, @Bind("limit") int limit);

    /** One campaign of this marketer, whatever its status (drafts are matched too); empty for anyone else's. */
    @SqlQuery(CRITERIA + "WHERE c.id = :id AND c.marketer_id = :marketerId")
    java.util.Optional<CampaignCriteria> owned(@Bind("id") UUID id, @Bind("marketerId") UUID marketerId);

    class CriteriaMapper implements RowMapper<CampaignCriteria> {
        @Override
        public CampaignCriteria map(ResultSet rs, StatementContext ctx) throws SQLException {
            Set<Platform> required = new HashSet<>();
            for (String p : strings(rs, "target_platforms")) {
                Platform.parse(p).ifPresent(required::add);
            }
            List<MatchCriteria.DeliverableNeed> needs = new ArrayList<>();
            Object[] platforms = array(rs, "d_platforms");   // parallel arrays: nulls kept in place
            Object[] types = array(rs, "d_types");
            Object[] quantities = array(rs, "d_quantities");
            for (int i = 0; i < platforms.length; i++) {
                Platform p = platforms[i] == null ? null : Platform.parse((String) platforms[i]).orElse(null);
                ContentType t = types[i] == null ? null : ContentType.parse((String) types[i]).orElse(null);
                Integer q = quantities[i] == null ? null : ((Number) quantities[i]).intValue();
                if (p != null && t != null && q != null && q >= 1) {
                    needs.add(new MatchCriteria.DeliverableNeed(p, t, q));
                }
            }
            // Read through the same codec as the Campaign record (TargetAudience.fromMap): the scorer sees
            // exactly the audience the campaign API shows, whichever of the accepted key spellings was stored.
            TargetAudience target = JsonbCodec.TARGET_AUDIENCE_COLUMN.map(rs, "target_audience", ctx);
            MatchCriteria.AudienceTarget audience = target == null ? MatchCriteria.AudienceTarget.NONE
                    : new MatchCriteria.AudienceTarget(
                            target.countries().stream().map(c -> c.trim().toUpperCase(Locale.ROOT)).collect(Collectors.toSet()),
                            target.minAge(), target.maxAge(),
                            target.genders().stream().map(g -> g.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
            double minEr = rs.getDouble("min_engagement_rate");
            Double minEngagement = rs.wasNull() ? null : minEr;
            MatchCriteria criteria = new MatchCriteria(Set.copyOf(Arrays.asList(strings(rs, "target_categories"))),
                    Set.copyOf(Arrays.asList(strings(rs, "target_languages"))),
                    Set.copyOf(Arrays.asList(strings(rs, "target_countries"))), required, needs,
                    Rows.nullableLong(rs, "min_followers"), Rows.nullableLong(rs, "max_followers"), minEngagement, audience,
                    rs.getLong("remaining"), rs.getString("currency").trim());
            return new CampaignCriteria(rs.getObject("id", UUID.class), Rows.instant(rs, "updated_at"), criteria);
        }

        private static Object[] array(ResultSet rs, String column) throws SQLException {
            Array a = rs.getArray(column);
            return a == null ? new Object[0] : (Object[]) a.getArray();
        }

        private static String[] strings(ResultSet rs, String column) throws SQLException {
            Object[] values = array(rs, column);
            return Arrays.stream(values).map(v -> (String) v).filter(java.util.Objects::nonNull).toArray(String[]::new);
        }
    }
}
