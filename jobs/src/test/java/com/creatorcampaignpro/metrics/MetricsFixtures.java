package com.creatorcampaignpro.metrics;

import com.creatorcampaignpro.db.testing.Fixtures;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/** Random campaigns, content and metrics (rows from the shared Fixtures), and the truth to compare with. */
final class MetricsFixtures {
    static final String[] STATUSES = {"pending", "approved", "rejected", "changes_requested", "published"};
    static final String[] METRICS = {"content_count", "total_reach", "total_impressions", "total_views",
            "total_engagement", "total_likes", "total_comments", "total_shares", "total_saves", "total_clicks",
            "total_conversions"};

    private final Jdbi jdbi;
    private final Fixtures rows;
    private final Random random;

    MetricsFixtures(Jdbi jdbi, long seed) {
        this.jdbi = jdbi;
        this.rows = new Fixtures(jdbi);
        this.random = new Random(seed);
    }

    UUID user(String type) {
        return rows.user(type);
    }

    UUID campaign(UUID marketer) {
        return rows.campaign(marketer).budget(100_000, "USD").create();
    }

    /** Campaigns with 0..maxContent content items each, random statuses, most with random metrics. */
    List<UUID> campaignsWithContent(int campaigns, int maxContent) {
        UUID marketer = user("marketer");
        UUID influencer = user("influencer");
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < campaigns; i++) {
            UUID campaign = campaign(marketer);
            ids.add(campaign);
            int items = random.nextInt(maxContent + 1);
            for (int j = 0; j < items; j++) {
                content(campaign, influencer, STATUSES[random.nextInt(STATUSES.length)], random.nextInt(10) < 8);
            }
        }
        return ids;
    }

    UUID content(UUID campaign, UUID influencer, String status, boolean withMetrics) {
        UUID id = rows.content(campaign, influencer).status(status).create();
        if (withMetrics) {
            jdbi.useHandle(h -> insertMetrics(h, id));
        }
        return id;
    }

    void insertMetrics(Handle h, UUID content) {
        h.createUpdate("""
                        INSERT INTO content_metrics (content_id, views, likes, comments, shares, saves, reach,
                                                     impressions, clicks, conversions)
                        VALUES (:id, :views, :likes, :comments, :shares, :saves, :reach, :impressions, :clicks, :conversions)""")
                .bind("id", content).bind("views", n(100_000)).bind("likes", n(5_000)).bind("comments", n(500))
                .bind("shares", n(300)).bind("saves", n(200)).bind("reach", n(80_000))
                .bind("impressions", n(150_000)).bind("clicks", n(2_000)).bind("conversions", n(100))
                .execute();
    }

    long n(int bound) {
        return random.nextInt(bound);
    }

    Random random() {
        return random;
    }

    /** The expected campaign_metrics of every campaign, by a direct aggregation written independently of the job. */
    static Map<UUID, List<Long>> expected(Handle h) {
        Map<UUID, List<Long>> rows = new TreeMap<>();
        h.createQuery("""
                        SELECT k.id,
                               count(c.id), sum(m.reach), sum(m.impressions), sum(m.views),
                               sum(m.likes) + sum(m.comments) + sum(m.shares) + sum(m.saves),
                               sum(m.likes), sum(m.comments), sum(m.shares), sum(m.saves), sum(m.clicks), sum(m.conversions)
                        FROM campaigns k
                        LEFT JOIN content c ON c.campaign_id = k.id AND c.status = 'published'
                        LEFT JOIN content_metrics m ON m.content_id = c.id
                        GROUP BY k.id""")
                .map((rs, ctx) -> {
                    List<Long> values = new ArrayList<>();
                    for (int i = 2; i <= 12; i++) {
                        values.add(rs.getLong(i)); // NULL sums (no metrics) read as 0
                    }
                    rows.put(rs.getObject(1, UUID.class), values);
                    return null;
                }).list();
        return rows;
    }

    /** Rows of campaign_metrics or campaign_metrics_daily in the same shape (NULL reads as 0). */
    static Map<UUID, List<Long>> actual(Handle h, String sql) {
        Map<UUID, List<Long>> rows = new TreeMap<>();
        h.createQuery(sql).map((rs, ctx) -> {
            List<Long> values = new ArrayList<>();
            for (String column : METRICS) {
                values.add(rs.getLong(column));
            }
            rows.put(rs.getObject("campaign_id", UUID.class), values);
            return null;
        }).list();
        return rows;
    }

    /** Every campaign's rolled-up totals; a campaign without a campaign_metrics row reads as zeros. */
    static Map<UUID, List<Long>> rolledUp(Handle h) {
        return actual(h, """
                SELECT k.id AS campaign_id, cm.content_count, cm.total_reach, cm.total_impressions, cm.total_views,
                       cm.total_engagement, cm.total_likes, cm.total_comments, cm.total_shares, cm.total_saves,
                       cm.total_clicks, cm.total_conversions
                FROM campaigns k LEFT JOIN campaign_metrics cm ON cm.campaign_id = k.id""");
    }
}
