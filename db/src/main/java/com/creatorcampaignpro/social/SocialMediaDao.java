package com.creatorcampaignpro.social;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.UUID;

/**
 * Per-post figures of synced accounts, written set-based: one statement per chunk for the media
 * table and one for the content_metrics of published content matched on (platform, platform_media_id).
 * The rows come as one JSON array (see {@code SocialMediaRecorder}) expanded by jsonb_to_recordset,
 * so a chunk of 100 accounts x 20 posts is two statements, not 4,000.
 */
public interface SocialMediaDao {
    String ROWS = """
            jsonb_to_recordset(CAST(:rows AS jsonb)) AS m(social_account_id uuid, platform text, platform_media_id text,
                media_type text, content_type text, permalink text, posted_at timestamptz, views bigint, likes bigint,
                comments bigint, shares bigint, saves bigint, reach bigint, impressions bigint, as_of timestamptz)
            """;

    /**
     * Recent media per account (the matching's performance prediction reads them). An older read never
     * overwrites a newer one; a counter the platform did not report stays NULL.
     */
    @SqlUpdate("""
            INSERT INTO social_account_media (social_account_id, platform, platform_media_id, media_type, content_type,
                                              permalink, posted_at, views, likes, comments, shares, saves, reach,
                                              impressions, as_of)
            SELECT DISTINCT ON (m.social_account_id, m.platform_media_id)
                   m.social_account_id, m.platform, m.platform_media_id, m.media_type, m.content_type, m.permalink,
                   m.posted_at, m.views, m.likes, m.comments, m.shares, m.saves, m.reach, m.impressions, m.as_of
            FROM """ + " " + ROWS + """
            ORDER BY m.social_account_id, m.platform_media_id, m.as_of DESC
            ON CONFLICT (social_account_id, platform_media_id) DO UPDATE SET
                media_type = EXCLUDED.media_type, content_type = EXCLUDED.content_type, permalink = EXCLUDED.permalink,
                posted_at = EXCLUDED.posted_at, views = EXCLUDED.views, likes = EXCLUDED.likes,
                comments = EXCLUDED.comments, shares = EXCLUDED.shares, saves = EXCLUDED.saves, reach = EXCLUDED.reach,
                impressions = EXCLUDED.impressions, as_of = EXCLUDED.as_of
            WHERE social_account_media.as_of <= EXCLUDED.as_of
            """)
    int upsertMedia(@Bind("rows") String rows);

    /**
     * content_metrics of the published content these media are, matched on (platform,
     * platform_media_id) and owned by the account's influencer (nobody's synced post can feed another
     * influencer's content). A counter the platform did not report keeps its stored value. Through
     * content_metrics, the rollup's capture triggers carry the change to campaign_metrics.
     */
    @SqlUpdate("""
            INSERT INTO content_metrics (content_id, views, likes, comments, shares, saves, reach, impressions,
                                         platform_as_of, updated_at)
            SELECT DISTINCT ON (c.id)
                   c.id, COALESCE(m.views, cm.views, 0), COALESCE(m.likes, cm.likes, 0),
                   COALESCE(m.comments, cm.comments, 0), COALESCE(m.shares, cm.shares, 0),
                   COALESCE(m.saves, cm.saves, 0), COALESCE(m.reach, cm.reach, 0),
                   COALESCE(m.impressions, cm.impressions, 0), m.as_of, now()
            FROM """ + " " + ROWS + """
            JOIN social_accounts a ON a.id = m.social_account_id
            JOIN content c ON c.platform = m.platform AND c.platform_media_id = m.platform_media_id
                          AND c.status = 'published' AND c.influencer_id = a.user_id
            LEFT JOIN content_metrics cm ON cm.content_id = c.id
            ORDER BY c.id, m.as_of DESC
            ON CONFLICT (content_id) DO UPDATE SET
                views = EXCLUDED.views, likes = EXCLUDED.likes, comments = EXCLUDED.comments, shares = EXCLUDED.shares,
                saves = EXCLUDED.saves, reach = EXCLUDED.reach, impressions = EXCLUDED.impressions,
                platform_as_of = EXCLUDED.platform_as_of, updated_at = now()
            WHERE content_metrics.platform_as_of IS NULL OR content_metrics.platform_as_of <= EXCLUDED.platform_as_of
            """)
    int upsertContentMetrics(@Bind("rows") String rows);

    /**
     * Retention of these accounts' media: keeps each account's {@code keep} most recent posts (by
     * posted time) that were posted at or after {@code postedSince}, deletes the rest. One statement for
     * a chunk's accounts, on the (social_account_id, posted_at DESC) index.
     */
    @SqlUpdate("""
            DELETE FROM social_account_media m
            USING (SELECT social_account_id, platform_media_id
                   FROM (SELECT social_account_id, platform_media_id, posted_at,
                                row_number() OVER (PARTITION BY social_account_id
                                                   ORDER BY posted_at DESC, platform_media_id DESC) AS recency
                         FROM social_account_media
                         WHERE social_account_id = ANY(CAST(:accountIds AS uuid[]))) ranked
                   WHERE recency > :keep OR posted_at < :postedSince) old
            WHERE m.social_account_id = old.social_account_id AND m.platform_media_id = old.platform_media_id
            """)
    int prune(@Bind("accountIds") UUID[] accountIds, @Bind("keep") int keep, @Bind("postedSince") Instant postedSince);
}
