package com.creatorcampaignpro.metrics;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.LocalDate;

/**
 * The writes of metricsRollupJob: set-based statements, each one consistent in itself (data-modifying
 * CTEs share one snapshot), so a run is correct under READ COMMITTED while content keeps changing.
 * Mapping content_metrics -> campaign_metrics over PUBLISHED content: count -> content_count,
 * reach/impressions/views/likes/comments/shares/saves/clicks/conversions -> total_*,
 * likes + comments + shares + saves -> total_engagement.
 */
@RegisterConstructorMapper(RollupState.class)
@RegisterConstructorMapper(RollupResult.class)
public interface MetricsRollupDao {

    /** Locks the state row: runs on any node serialize here, so two runs never interleave. */
    @SqlQuery("""
            SELECT last_run_at, last_full_run_at, last_run_day, full_required
            FROM metrics_rollup_state WHERE id = 1 FOR UPDATE
            """)
    RollupState lockState();

    /** Whether more than {@code threshold} change rows wait (counting stops there: cheap on a long queue). */
    @SqlQuery("SELECT count(*) > :threshold FROM (SELECT 1 FROM campaign_metrics_changes LIMIT :threshold + 1) q")
    boolean pendingChangesExceed(@Bind("threshold") long threshold);

    /**
     * The full rollup: every campaign's totals recomputed from content and content_metrics (a campaign
     * that no longer has published content is zeroed), the change queue emptied in the same snapshot (those
     * changes are in the result), rows written only where a figure changed (no dead tuples for
     * nothing).
     */
    @SqlQuery("""
            WITH cleared AS (
                DELETE FROM campaign_metrics_changes
            ), totals AS (
                SELECT c.campaign_id, count(*) AS content_count,
                       coalesce(sum(m.reach), 0) AS reach, coalesce(sum(m.impressions), 0) AS impressions,
                       coalesce(sum(m.views), 0) AS views, coalesce(sum(m.likes), 0) AS likes,
                       coalesce(sum(m.comments), 0) AS comments, coalesce(sum(m.shares), 0) AS shares,
                       coalesce(sum(m.saves), 0) AS saves, coalesce(sum(m.clicks), 0) AS clicks,
                       coalesce(sum(m.conversions), 0) AS conversions
                FROM content c LEFT JOIN content_metrics m ON m.content_id = c.id
                WHERE c.status = 'published'
                GROUP BY c.campaign_id
            ), rolled AS (
                INSERT INTO campaign_metrics AS cm (campaign_id, content_count, total_reach, total_impressions,
                            total_views, total_engagement, total_likes, total_comments, total_shares, total_saves,
                            total_clicks, total_conversions, updated_at)
                SELECT k.id, coalesce(t.content_count, 0), coalesce(t.reach, 0), coalesce(t.impressions, 0),
                       coalesce(t.views, 0), coalesce(t.likes + t.comments + t.shares + t.saves, 0),
                       coalesce(t.likes, 0), coalesce(t.comments, 0), coalesce(t.shares, 0), coalesce(t.saves, 0),
                       coalesce(t.clicks, 0), coalesce(t.conversions, 0), now()
                FROM campaigns k LEFT JOIN totals t ON t.campaign_id = k.id
                -- zeros only for a campaign that had a row (it lost its content); no row reads as zeros
                WHERE t.campaign_id IS NOT NULL OR EXISTS (SELECT 1 FROM campaign_metrics x WHERE x.campaign_id = k.id)
                ON CONFLICT (campaign_id) DO UPDATE SET
                    content_count = EXCLUDED.content_count, total_reach = EXCLUDED.total_reach,
                    total_impressions = EXCLUDED.total_impressions, total_views = EXCLUDED.total_views,
                    total_engagement = EXCLUDED.total_engagement, total_likes = EXCLUDED.total_likes,
                    total_comments = EXCLUDED.total_comments, total_shares = EXCLUDED.total_shares,
                    total_saves = EXCLUDED.total_saves, total_clicks = EXCLUDED.total_clicks,
                    total_conversions = EXCLUDED.total_conversions, updated_at = EXCLUDED.updated_at
                WHERE (cm.content_count, cm.total_reach, cm.total_impressions, cm.total_views, cm.total_likes,
                       cm.total_comments, cm.total_shares, cm.total_saves, cm.total_clicks, cm.total_conversions)
                      IS DISTINCT FROM
                      (EXCLUDED.content_count, EXCLUDED.total_reach, EXCLUDED.total_impressions, EXCLUDED.total_views,
                       EXCLUDED.total_likes, EXCLUDED.total_comments, EXCLUDED.total_shares, EXCLUDED.total_saves,
                       EXCLUDED.total_clicks, EXCLUDED.total_conversions)
                RETURNING 1
            )
            SELECT 0 AS changes_consumed, count(*) AS campaigns_written FROM rolled
            """)
    RollupResult fullRollup();

    /**
     * The incremental rollup: consumes the change queue (DELETE ... RETURNING: exactly the rows this
     * snapshot sees, so uncommitted changes wait for the next run), sums the deltas per campaign and
     * adds them to campaign_metrics: one write per changed campaign. Work is proportional to the
     * changes, not to the content of the campaigns they touch. A campaign without a row yet gets its
     * summed deltas as its totals: it has no row only if no run ever saw it with anything to count,
     * so its every contribution is in the queue.
     */
    @SqlQuery("""
            WITH taken AS (
                DELETE FROM campaign_metrics_changes RETURNING *
            ), delta AS (
                SELECT t.campaign_id, sum(t.content_count)::bigint AS content_count, sum(t.total_reach)::bigint AS reach,
                       sum(t.total_impressions)::bigint AS impressions, sum(t.total_views)::bigint AS views,
                       sum(t.total_likes)::bigint AS likes, sum(t.total_comments)::bigint AS comments,
                       sum(t.total_shares)::bigint AS shares, sum(t.total_saves)::bigint AS saves,
                       sum(t.total_clicks)::bigint AS clicks, sum(t.total_conversions)::bigint AS conversions
                FROM taken t
                WHERE EXISTS (SELECT 1 FROM campaigns k WHERE k.id = t.campaign_id)
                GROUP BY t.campaign_id
            ), updated AS (
                -- A plain UPDATE ... FROM: half the cost of INSERT ... ON CONFLICT for thousands of rows.
                UPDATE campaign_metrics cm SET
                    content_count = cm.content_count + d.content_count,
                    total_reach = cm.total_reach + d.reach,
                    total_impressions = cm.total_impressions + d.impressions,
                    total_views = cm.total_views + d.views,
                    total_engagement = cm.total_engagement + d.likes + d.comments + d.shares + d.saves,
                    total_likes = cm.total_likes + d.likes,
                    total_comments = cm.total_comments + d.comments,
                    total_shares = cm.total_shares + d.shares,
                    total_saves = cm.total_saves + d.saves,
                    total_clicks = cm.total_clicks + d.clicks,
                    total_conversions = cm.total_conversions + d.conversions,
                    updated_at = now()
                FROM delta d
                WHERE cm.campaign_id = d.campaign_id
                RETURNING 1
            ), inserted AS (
                -- Campaigns without a row yet (same snapshot as the UPDATE: the two sets are disjoint).
                INSERT INTO campaign_metrics (campaign_id, content_count, total_reach, total_impressions, total_views,
                            total_engagement, total_likes, total_comments, total_shares, total_saves, total_clicks,
                            total_conversions, updated_at)
                SELECT campaign_id, content_count, reach, impressions, views, likes + comments + shares + saves,
                       likes, comments, shares, saves, clicks, conversions, now()
                FROM delta d
                WHERE NOT EXISTS (SELECT 1 FROM campaign_metrics x WHERE x.campaign_id = d.campaign_id)
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM taken) AS changes_consumed,
                   (SELECT count(*) FROM updated) + (SELECT count(*) FROM inserted) AS campaigns_written
            """)
    RollupResult applyChanges();

    /**
     * Closes {@code day}: every campaign's totals as the day's last run left them (zeros for a
     * campaign without a row) become that day's row. Called by the first run of a later day, before it changes anything.
     */
    @SqlUpdate("""
            INSERT INTO campaign_metrics_daily (campaign_id, day, content_count, total_reach, total_impressions,
                        total_views, total_engagement, total_likes, total_comments, total_shares, total_saves,
                        total_clicks, total_conversions, updated_at)
            SELECT k.id, :day, coalesce(cm.content_count, 0), coalesce(cm.total_reach, 0),
                   coalesce(cm.total_impressions, 0), coalesce(cm.total_views, 0), coalesce(cm.total_engagement, 0),
                   coalesce(cm.total_likes, 0), coalesce(cm.total_comments, 0), coalesce(cm.total_shares, 0),
                   coalesce(cm.total_saves, 0), coalesce(cm.total_clicks, 0), coalesce(cm.total_conversions, 0), now()
            FROM campaigns k LEFT JOIN campaign_metrics cm ON cm.campaign_id = k.id
            ON CONFLICT (campaign_id, day) DO UPDATE SET
                content_count = EXCLUDED.content_count, total_reach = EXCLUDED.total_reach,
                total_impressions = EXCLUDED.total_impressions, total_views = EXCLUDED.total_views,
                total_engagement = EXCLUDED.total_engagement, total_likes = EXCLUDED.total_likes,
                total_comments = EXCLUDED.total_comments, total_shares = EXCLUDED.total_shares,
                total_saves = EXCLUDED.total_saves, total_clicks = EXCLUDED.total_clicks,
                total_conversions = EXCLUDED.total_conversions, updated_at = EXCLUDED.updated_at
            """)
    int closeDay(@Bind("day") LocalDate day);

    @SqlUpdate("""
            UPDATE metrics_rollup_state SET
                last_run_at = now(),
                last_full_run_at = CASE WHEN :full THEN now() ELSE last_full_run_at END,
                last_run_day = greatest(last_run_day, :day),
                full_required = FALSE
            WHERE id = 1
            """)
    void markCompleted(@Bind("full") boolean full, @Bind("day") LocalDate day);
}
