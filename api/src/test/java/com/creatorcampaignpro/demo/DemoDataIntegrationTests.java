package com.creatorcampaignpro.demo;

import com.creatorcampaignpro.db.testing.PostgresExtension;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(PostgresExtension.class)
class DemoDataIntegrationTests {
    static final DemoScale TINY = new DemoScale(5, 40, 12, 600);
    static final LocalDate ANCHOR = LocalDate.of(2026, 11, 1);

    /** A digest of every generated row, ids and values, so any difference between two runs shows. */
    static final String FINGERPRINT = """
            SELECT md5(string_agg(row_text, '|' ORDER BY row_text)) FROM (
                SELECT u.id::text || u.email || u.first_name || u.created_at AS row_text FROM users u WHERE u.email LIKE '%@demo.ccp.example'
                UNION ALL SELECT p.user_id::text || p.total_followers || p.avg_engagement_rate || p.categories::text || p.country
                          FROM influencer_profiles p JOIN users u ON u.id = p.user_id WHERE u.email LIKE '%@demo.ccp.example'
                UNION ALL SELECT s.id::text || s.platform || s.followers FROM social_accounts s WHERE s.username LIKE 'creator%'
                UNION ALL SELECT k.id::text || k.status || k.budget || k.spent || k.currency FROM campaigns k
                          JOIN users u ON u.id = k.marketer_id WHERE u.email LIKE '%@demo.ccp.example'
                UNION ALL SELECT c.id::text || c.campaign_id::text || c.status || c.platform || m.likes || m.impressions
                          FROM content c JOIN content_metrics m ON m.content_id = c.id
                          JOIN users u ON u.id = c.influencer_id WHERE u.email LIKE '%@demo.ccp.example') r
            """;

    private static DemoDataGenerator.Summary generate(Jdbi jdbi, long seed) {
        return new DemoDataGenerator(jdbi, seed, "$2a$10$demo", ANCHOR).generate(TINY, line -> { });
    }

    private static String fingerprint(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery(FINGERPRINT).mapTo(String.class).one());
    }

    private static void deleteDemoData(Jdbi jdbi) {
        jdbi.useTransaction(h -> {
            h.execute("""
                    DELETE FROM content WHERE influencer_id IN (SELECT id FROM users WHERE email LIKE '%@demo.ccp.example')""");
            h.execute("""
                    DELETE FROM campaigns WHERE marketer_id IN (SELECT id FROM users WHERE email LIKE '%@demo.ccp.example')""");
            h.execute("DELETE FROM users WHERE email LIKE '%@demo.ccp.example'");
        });
    }

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedOtherData(Jdbi jdbi) {
        deleteDemoData(jdbi);
        DemoDataGenerator.Summary summary = generate(jdbi, 5);
        String first = fingerprint(jdbi);

        assertThat(summary.rows()).containsEntry("users", 45L).containsEntry("campaigns", 12L)
                .containsEntry("content", 600L).containsEntry("content_metrics", 600L);
        assertThat(new DemoDataGenerator(jdbi, 5, "x").alreadyPresent()).isTrue();

        deleteDemoData(jdbi);
        generate(jdbi, 5);
        assertThat(fingerprint(jdbi)).isEqualTo(first);

        deleteDemoData(jdbi);
        generate(jdbi, 6);
        assertThat(fingerprint(jdbi)).isNotEqualTo(first);
        deleteDemoData(jdbi);
    }

    @Test
    void theDataLooksLikeAMarketplace(Jdbi jdbi) {
        deleteDemoData(jdbi);
        new DemoDataGenerator(jdbi, 9, "x", ANCHOR).generate(new DemoScale(20, 2_000, 100, 20_000), line -> { });
        try {
            List<Long> followers = jdbi.withHandle(h -> h.createQuery("""
                            SELECT total_followers FROM influencer_profiles p JOIN users u ON u.id = p.user_id
                            WHERE u.email LIKE '%@demo.ccp.example' ORDER BY total_followers""")
                    .mapTo(Long.class).list());
            long median = followers.get(followers.size() / 2);
            // Heavy-tailed audiences: most creators are small, a few are huge.
            assertThat(median).isBetween(1_000L, 5_000L);
            assertThat(followers.get(followers.size() - 1)).isGreaterThan(50 * median);

            double published = jdbi.withHandle(h -> h.createQuery("""
                            SELECT avg((status = 'published')::int) FROM content c JOIN users u ON u.id = c.influencer_id
                            WHERE u.email LIKE '%@demo.ccp.example'""").mapTo(Double.class).one());
            assertThat(published).isBetween(0.55, 0.65);

            // Only published content has platform metrics, and engagement is a few percent of impressions.
            double engagementRate = jdbi.withHandle(h -> h.createQuery("""
                            SELECT sum(m.likes + m.comments + m.shares + m.saves)::float8 / sum(m.impressions)
                            FROM content c JOIN content_metrics m ON m.content_id = c.id
                            JOIN users u ON u.id = c.influencer_id
                            WHERE u.email LIKE '%@demo.ccp.example' AND c.status = 'published'""")
                    .mapTo(Double.class).one());
            assertThat(engagementRate).isBetween(0.01, 0.15);
            long unpublishedWithViews = jdbi.withHandle(h -> h.createQuery("""
                            SELECT count(*) FROM content c JOIN content_metrics m ON m.content_id = c.id
                            JOIN users u ON u.id = c.influencer_id
                            WHERE u.email LIKE '%@demo.ccp.example' AND c.status <> 'published' AND m.views > 0""")
                    .mapTo(Long.class).one());
            assertThat(unpublishedWithViews).isZero();
            // The bulk load bypasses change capture, so the next rollup must be a full one.
            boolean fullRequired = jdbi.withHandle(h -> h.createQuery("SELECT full_required FROM metrics_rollup_state")
                    .mapTo(Boolean.class).one());
            assertThat(fullRequired).isTrue();
        } finally {
            deleteDemoData(jdbi);
        }
    }
}
