package com.creatorcampaignpro.metrics;

import com.creatorcampaignpro.db.Rows;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Reads of the rolled-up metrics (written only by metricsRollupJob, see {@link MetricsRollupDao}). */
@RegisterRowMapper(CampaignMetricsDao.CoveredTotalsMapper.class)
@RegisterRowMapper(CampaignMetricsDao.DailyTotalsMapper.class)
public interface CampaignMetricsDao {

    /**
     * A campaign's totals as of the last completed run (asOf null before the first). A campaign
     * without a row had nothing to count when that run looked: zeros. The state row is read without
     * a lock: a run in progress is invisible until it commits.
     */
    @SqlQuery("""
            SELECT cm.*, s.last_run_at AS as_of
            FROM metrics_rollup_state s LEFT JOIN campaign_metrics cm ON cm.campaign_id = :campaignId
            """)
    CoveredTotals find(@Bind("campaignId") UUID campaignId);

    /** One row per day on which a run covered the campaign, oldest first. */
    @SqlQuery("""
            SELECT * FROM campaign_metrics_daily
            WHERE campaign_id = :campaignId AND day BETWEEN :from AND :to
            ORDER BY day
            """)
    List<DailyTotals> daily(@Bind("campaignId") UUID campaignId, @Bind("from") LocalDate from, @Bind("to") LocalDate to);

    private static CampaignTotals totals(ResultSet rs) throws SQLException {
        return new CampaignTotals(rs.getLong("content_count"), rs.getLong("total_reach"),
                rs.getLong("total_impressions"), rs.getLong("total_views"), rs.getLong("total_engagement"),
                rs.getLong("total_likes"), rs.getLong("total_comments"), rs.getLong("total_shares"),
                rs.getLong("total_saves"), rs.getLong("total_clicks"), rs.getLong("total_conversions"));
    }

    class CoveredTotalsMapper implements RowMapper<CoveredTotals> {
        @Override
        public CoveredTotals map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new CoveredTotals(totals(rs), Rows.instant(rs, "as_of"));
        }
    }

    class DailyTotalsMapper implements RowMapper<DailyTotals> {
        @Override
        public DailyTotals map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new DailyTotals(Rows.date(rs, "day"), totals(rs));
        }
    }
}
