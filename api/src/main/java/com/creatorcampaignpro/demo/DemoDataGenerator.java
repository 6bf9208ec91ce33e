package com.creatorcampaignpro.demo;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Set-based generation: every table is filled by INSERT ... SELECT over generate_series, each value
 * drawn from a hash of (seed, row number, purpose), so the same seed gives the same rows (ids
 * included) and nothing round-trips through Java. Distributions are heavy-tailed where the real ones
 * are: followers are Pareto-distributed (median ~2k, a few millions), engagement rates fall with
 * audience size, a few campaigns and prolific creators carry much of the content.
 *
 * <p>Timestamps are relative to an anchor day (default today, UTC) so the demo always looks recent.
 * The load runs in one transaction with the metrics change-capture triggers off (a bulk load would
 * only queue deltas to discard); it marks the rollup as needing a full run instead.
 */
public final class DemoDataGenerator {
    static final String EMAIL_DOMAIN = "@demo.ccp.example";
    private static final int CHUNK = 100_000;

    private final Jdbi jdbi;
    private final long seed;
    private final String passwordHash;
    private final LocalDate anchor;

    public DemoDataGenerator(Jdbi jdbi, long seed, String passwordHash) {
        this(jdbi, seed, passwordHash, LocalDate.now(ZoneOffset.UTC));
    }

    public DemoDataGenerator(Jdbi jdbi, long seed, String passwordHash, LocalDate anchor) {
        this.jdbi = jdbi;
        this.seed = seed;
        this.passwordHash = passwordHash;
        this.anchor = anchor;
    }

    public boolean alreadyPresent() {
        return jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM users WHERE email = :email)")
                .bind("email", "marketer1" + EMAIL_DOMAIN).mapTo(Boolean.class).one());
    }

    /** Rows written per table and the wall time. */
    public record Summary(DemoScale scale, long seed, Map<String, Long> rows, Duration elapsed) {
        public long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }

        public String describe() {
            StringBuilder out = new StringBuilder(String.format("Demo data (seed %d) in %.1f s, %,d rows (%,.0f rows/s):%n",
                    seed, elapsed.toMillis() / 1000.0, totalRows(), totalRows() * 1000.0 / Math.max(1, elapsed.toMillis())));
            rows.forEach((table, n) -> out.append(String.format("  %-20s %,12d%n", table, n)));
            out.append("Log in as marketer1").append(EMAIL_DOMAIN).append(" or influencer1").append(EMAIL_DOMAIN)
                    .append(" with the password '").append(DemoData.DEMO_PASSWORD).append("'.");
            return out.toString();
        }
    }

    public Summary generate(DemoScale scale, Consumer<String> progress) {
        long started = System.nanoTime();
        Map<String, Long> rows = new LinkedHashMap<>();
        jdbi.useTransaction(h -> {
            // Each statement gets the same seed/anchor/hash binds; not every statement uses all of them.
            h.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
            h.execute("SET LOCAL synchronous_commit = off");
            h.execute("ALTER TABLE content DISABLE TRIGGER USER");
            h.execute("ALTER TABLE content_metrics DISABLE TRIGGER USER");
            defineFunctions(h);
            rows.put("users", step(h, progress, "marketers", MARKETERS, Map.of("n", scale.marketers()))
                    + step(h, progress, "influencers", INFLUENCER_USERS, Map.of("n", scale.influencers())));
            rows.put("influencer_profiles", step(h, progress, "influencer profiles", PROFILES, Map.of("n", scale.influencers())));
            rows.put("social_accounts", step(h, progress, "social accounts", SOCIAL_ACCOUNTS, Map.of("n", scale.influencers())));
            rows.put("content_rates", step(h, progress, "content rates", CONTENT_RATES, Map.of()));
            rows.put("campaigns", step(h, progress, "campaigns", CAMPAIGNS,
                    Map.of("n", scale.campaigns(), "marketers", scale.marketers())));
            long content = 0;
            long metrics = 0;
            for (int from = 1; from <= scale.content(); from += CHUNK) {
                int to = Math.min(scale.content(), from + CHUNK - 1);
                Map<String, Object> binds = Map.of("from", from, "to", to, "campaigns", scale.campaigns(),
                        "influencers", scale.influencers(), "marketers", scale.marketers());
                content += h.createUpdate(CONTENT).bindMap(binds).bind("seed", seed).bind("anchor", anchor).execute();
                metrics += h.createUpdate(CONTENT_METRICS).bindMap(binds).bind("seed", seed).bind("anchor", anchor).execute();
                progress.accept(String.format("  content %,d / %,d", to, scale.content()));
            }
            rows.put("content", content);
            rows.put("content_metrics", metrics);
            // Content went only to campaigns that had started: a draft with content is really active.
            h.execute("""
                    UPDATE campaigns k SET status = 'active'
                    WHERE k.status = 'draft' AND EXISTS (SELECT 1 FROM content c WHERE c.campaign_id = k.id)""");
            h.execute("ALTER TABLE content ENABLE TRIGGER USER");
            h.execute("ALTER TABLE content_metrics ENABLE TRIGGER USER");
            h.execute("UPDATE metrics_rollup_state SET full_required = TRUE");
        });
        progress.accept("  analyzing");
        jdbi.useHandle(h -> h.execute("ANALYZE"));
        return new Summary(scale, seed, rows, Duration.ofNanos(System.nanoTime() - started));
    }

    private long step(Handle h, Consumer<String> progress, String what, String sql, Map<String, Object> binds) {
        long t0 = System.nanoTime();
        int n = h.createUpdate(sql).bindMap(binds).bind("seed", seed).bind("anchor", anchor)
                .bind("hash", passwordHash).execute();
        progress.accept(String.format("  %-20s %,10d rows in %5.1f s", what, n, (System.nanoTime() - t0) / 1e9));
        return n;
    }

    /** Session-local helpers (replaced if a pooled connection already has them): u() a uniform [0,1) draw, id() a stable uuid, followers() the Pareto audience. */
    private static void defineFunctions(Handle h) {
        h.execute("""
                CREATE OR REPLACE FUNCTION pg_temp.u(seed bigint, i bigint, salt int) RETURNS float8
                LANGUAGE sql IMMUTABLE AS
                $$ SELECT (hashint8extended(i, seed * 1000 + salt) & 9007199254740991)::float8 / 9007199254740992.0 $$""");
        h.execute("""
                CREATE OR REPLACE FUNCTION pg_temp.id(seed bigint, kind text, i bigint) RETURNS uuid
                LANGUAGE sql IMMUTABLE AS $$ SELECT md5(seed || ':' || kind || ':' || i)::uuid $$""");
        h.execute("""
                CREATE OR REPLACE FUNCTION pg_temp.followers(seed bigint, i bigint) RETURNS bigint
                LANGUAGE sql IMMUTABLE AS
                $$ SELECT least(60000000, floor(1000 * power(1 - pg_temp.u(seed, i, 10), -1 / 1.15::float8)))::bigint $$""");
        h.execute("""
                CREATE OR REPLACE FUNCTION pg_temp.platform(seed bigint, i bigint) RETURNS text
                LANGUAGE sql IMMUTABLE AS
                $$ SELECT (ARRAY['instagram', 'tiktok', 'youtube', 'twitter'])[1 + floor(4 * power(pg_temp.u(seed, i, 31), 1.4))::int] $$""");
    }

    private static final String MARKETERS = """
            INSERT INTO users (id, email, password_hash, user_type, first_name, last_name, company_name,
                               email_verified, created_at, updated_at)
            SELECT pg_temp.id(:seed, 'm', g), 'marketer' || g || '@demo.ccp.example', :hash, 'marketer',
                   (ARRAY['Mia','Noah','Ava','Liam','Zoe','Omar','Lena','Ravi','Sara','Tom','Ines','Kenji','Nora','Luca','Ana','Felix'])
                       [1 + floor(16 * pg_temp.u(:seed, g, 1))::int],
                   (ARRAY['Silva','Meyer','Khan','Rossi','Dubois','Smith','Garcia','Novak','Tanaka','Jensen','Costa','Brown'])
                       [1 + floor(12 * pg_temp.u(:seed, g, 2))::int],
                   (ARRAY['Northwind','Bluebird','Lumen','Acorn','Vela','Copper','Nimbus','Orchard','Atlas','Juniper'])
                       [1 + floor(10 * pg_temp.u(:seed, g, 3))::int] || ' ' ||
                   (ARRAY['Cosmetics','Apparel','Foods','Games','Fitness','Travel','Labs','Audio'])
                       [1 + floor(8 * pg_temp.u(:seed, g, 4))::int],
                   TRUE,
                   CAST(:anchor AS date) - make_interval(days => 30 + floor(700 * pg_temp.u(:seed, g, 5))::int),
                   CAST(:anchor AS date) - make_interval(days => floor(30 * pg_temp.u(:seed, g, 6))::int)
            FROM generate_series(1, :n) g
            """;

    private static final String INFLUENCER_USERS = """
            INSERT INTO users (id, email, password_hash, user_type, first_name, last_name, email_verified,
                               created_at, updated_at)
            SELECT pg_temp.id(:seed, 'i', g), 'influencer' || g || '@demo.ccp.example', :hash, 'influencer',
                   (ARRAY['Maya','Leo','Isla','Kai','Aria','Theo','Luna','Milo','Nina','Enzo','Yara','Hugo','Sofia','Arjun','Chloe','Mateo'])
                       [1 + floor(16 * pg_temp.u(:seed, g, 1))::int],
                   (ARRAY['Ortiz','Kim','Moreau','Ferrari','Nguyen','Weber','Santos','Okafor','Larsen','Patel','Lopez','Ito'])
                       [1 + floor(12 * pg_temp.u(:seed, g, 2))::int],
                   pg_temp.u(:seed, g, 7) < 0.9,
                   CAST(:anchor AS date) - make_interval(days => 30 + floor(900 * pg_temp.u(:seed, g, 5))::int),
                   CAST(:anchor AS date) - make_interval(days => floor(30 * pg_temp.u(:seed, g, 6))::int)
            FROM generate_series(1, :n) g
            """;

    private static final String PROFILES = """
            INSERT INTO influencer_profiles (user_id, display_name, bio, categories, languages, location, country,
                        total_followers, avg_engagement_rate, avg_views, audience, rating, completed_campaigns,
                        availability, verified, metrics_as_of, created_at, updated_at)
            SELECT pg_temp.id(:seed, 'i', g),
                   'creator' || g,
                   'Creating ' || cats[1] || ' content since ' || (2012 + floor(12 * pg_temp.u(:seed, g, 11))::int),
                   cats, langs, city || ', ' || country, country, followers,
                   round(((1.5 + 9 * power(followers / 1000.0, -0.3)) * (0.6 + 0.8 * pg_temp.u(:seed, g, 12)))::numeric, 4),
                   floor(followers * (0.1 + 0.4 * pg_temp.u(:seed, g, 13)))::bigint,
                   jsonb_build_object('female', round(pg_temp.u(:seed, g, 14)::numeric, 2),
                                      'age18to34', round((0.3 + 0.6 * pg_temp.u(:seed, g, 15))::numeric, 2),
                                      'topCountry', country),
                   round((3 + 2 * sqrt(pg_temp.u(:seed, g, 16)))::numeric, 2),
                   floor(40 * power(pg_temp.u(:seed, g, 17), 2))::int,
                   CASE WHEN pg_temp.u(:seed, g, 18) < 0.7 THEN 'available'
                        WHEN pg_temp.u(:seed, g, 18) < 0.9 THEN 'busy' ELSE 'unavailable' END,
                   followers >= 100000 OR pg_temp.u(:seed, g, 19) < 0.05,
                   CAST(:anchor AS date) - make_interval(hours => floor(72 * pg_temp.u(:seed, g, 20))::int),
                   CAST(:anchor AS date) - make_interval(days => 30 + floor(900 * pg_temp.u(:seed, g, 5))::int),
                   CAST(:anchor AS date)
            FROM (
                SELECT g, pg_temp.followers(:seed, g) AS followers, country, city,
                       ARRAY(SELECT DISTINCT (ARRAY['fashion','beauty','fitness','food','travel','gaming','tech',
                                                   'lifestyle','parenting','finance','music','sports'])
                                             [1 + floor(12 * power(pg_temp.u(:seed, g * 4 + k, 21), 1.5))::int]
                             FROM generate_series(0, floor(3 * pg_temp.u(:seed, g, 22))::int) k) AS cats,
                       CASE country WHEN 'DE' THEN ARRAY['de','en'] WHEN 'FR' THEN ARRAY['fr'] WHEN 'ES' THEN ARRAY['es','en']
                                    WHEN 'MX' THEN ARRAY['es'] WHEN 'BR' THEN ARRAY['pt'] WHEN 'PT' THEN ARRAY['pt','en']
                                    WHEN 'IT' THEN ARRAY['it'] WHEN 'IN' THEN ARRAY['en','hi'] WHEN 'JP' THEN ARRAY['ja']
                                    ELSE ARRAY['en'] END AS langs
                FROM (SELECT g, c.country, c.city
                      FROM generate_series(1, :n) g
                      CROSS JOIN LATERAL (SELECT (ARRAY['US','US','US','US','US','US','GB','GB','DE','DE','FR','ES','IT',
                                                        'BR','BR','IN','IN','PT','NL','CA','MX','JP'])[i] AS country,
                                                 (ARRAY['New York','Los Angeles','Austin','Miami','Chicago','Seattle','London',
                                                        'Manchester','Berlin','Munich','Paris','Madrid','Milan','São Paulo',
                                                        'Rio de Janeiro','Mumbai','Bengaluru','Lisbon','Amsterdam','Toronto',
                                                        'Mexico City','Tokyo'])[i] AS city
                                          FROM (SELECT 1 + floor(22 * pg_temp.u(:seed, g, 23))::int AS i) pick) c) base
            ) p
            """;

    // The primary platform (pg_temp.platform) always has an account; each other one a third of the time.
    private static final String SOCIAL_ACCOUNTS = """
            INSERT INTO social_accounts (id, user_id, platform, platform_user_id, username, profile_url, followers,
                        following, posts_count, engagement_rate, avg_views, status, connected_at, last_synced_at)
            SELECT pg_temp.id(:seed, 's' || p.platform, g), pg_temp.id(:seed, 'i', g), p.platform,
                   p.platform || '-' || g, 'creator' || g, 'https://' || p.platform || '.example/creator' || g,
                   followers, floor(50 + 2000 * pg_temp.u(:seed, g * 8 + p.k, 32))::bigint,
                   floor(20 + 1500 * pg_temp.u(:seed, g * 8 + p.k, 33))::bigint,
                   round(((1.5 + 9 * power(greatest(followers, 1) / 1000.0, -0.3)) * (0.6 + 0.8 * pg_temp.u(:seed, g * 8 + p.k, 34)))::numeric, 4),
                   floor(followers * (0.1 + 0.4 * pg_temp.u(:seed, g * 8 + p.k, 35)))::bigint,
                   CASE WHEN pg_temp.u(:seed, g * 8 + p.k, 36) < 0.95 THEN 'connected' ELSE 'disconnected' END,
                   CAST(:anchor AS date) - make_interval(days => 30 + floor(600 * pg_temp.u(:seed, g * 8 + p.k, 37))::int),
                   CAST(:anchor AS date) - make_interval(hours => floor(48 * pg_temp.u(:seed, g * 8 + p.k, 38))::int)
            FROM (SELECT g, pg_temp.followers(:seed, g) AS total, pg_temp.platform(:seed, g) AS primary_platform
                  FROM generate_series(1, :n) g) i
            CROSS JOIN (VALUES (1, 'instagram'), (2, 'tiktok'), (3, 'youtube'), (4, 'twitter')) AS p (k, platform)
            CROSS JOIN LATERAL (SELECT CASE WHEN p.platform = i.primary_platform THEN floor(total * 0.8)::bigint
                                            ELSE floor(total * 0.4 * pg_temp.u(:seed, g * 8 + p.k, 39))::bigint END AS followers) f
            WHERE p.platform = i.primary_platform OR pg_temp.u(:seed, g * 8 + p.k, 30) < 1.0 / 3
            """;

    private static final String CONTENT_RATES = """
            INSERT INTO content_rates (influencer_id, platform, content_type, rate_amount, currency)
            SELECT s.user_id, s.platform, t.content_type,
                   greatest(1500, round(s.followers * t.factor * (0.6 + 0.8 * pg_temp.u(:seed, hashtext(s.id::text || t.content_type), 40))))::bigint,
                   'USD'
            FROM social_accounts s
            JOIN (VALUES ('instagram', 'post', 1.0), ('instagram', 'story', 0.4), ('instagram', 'reel', 1.3),
                         ('tiktok', 'video', 1.1), ('tiktok', 'live', 0.8), ('youtube', 'video', 2.5),
                         ('youtube', 'short', 0.9), ('twitter', 'tweet', 0.3)) AS t (platform, content_type, factor)
              ON t.platform = s.platform
            WHERE s.username LIKE 'creator%'
            """;

    private static final String CAMPAIGNS = """
            INSERT INTO campaigns (id, marketer_id, name, description, objectives, status, budget, spent, currency,
                        start_date, end_date, target_categories, target_languages, target_countries, target_platforms,
                        min_followers, max_followers, min_engagement_rate, deliverables, created_at, updated_at)
            SELECT pg_temp.id(:seed, 'c', g), pg_temp.id(:seed, 'm', 1 + floor(:marketers * pg_temp.u(:seed, g, 50))::int),
                   (ARRAY['Spring','Summer','Autumn','Winter','Holiday','Back to School','Launch','Always-on'])[1 + floor(8 * pg_temp.u(:seed, g, 51))::int]
                       || ' ' || category || ' ' || (ARRAY['push','drop','series','challenge','collab'])[1 + floor(5 * pg_temp.u(:seed, g, 52))::int]
                       || ' #' || g,
                   'Demo campaign for ' || category || ' creators',
                   ARRAY[(ARRAY['awareness','engagement','traffic','conversions'])[1 + floor(4 * pg_temp.u(:seed, g, 53))::int]],
                   status, budget,
                   CASE status WHEN 'completed' THEN floor(budget * (0.8 + 0.2 * pg_temp.u(:seed, g, 54)))
                               WHEN 'active' THEN floor(budget * 0.8 * pg_temp.u(:seed, g, 54))
                               WHEN 'paused' THEN floor(budget * 0.6 * pg_temp.u(:seed, g, 54))
                               WHEN 'cancelled' THEN floor(budget * 0.2 * pg_temp.u(:seed, g, 54))
                               ELSE 0 END::bigint,
                   CASE WHEN pg_temp.u(:seed, g, 55) < 0.7 THEN 'USD' WHEN pg_temp.u(:seed, g, 55) < 0.9 THEN 'EUR' ELSE 'GBP' END,
                   start_date, start_date + (14 + floor(106 * pg_temp.u(:seed, g, 56))::int),
                   ARRAY[category], ARRAY['en'], ARRAY['US','GB'], ARRAY[platform],
                   CASE WHEN pg_temp.u(:seed, g, 57) < 0.5 THEN 1000 * (1 + floor(20 * pg_temp.u(:seed, g, 58))::int) END,
                   NULL, CASE WHEN pg_temp.u(:seed, g, 59) < 0.3 THEN 2.0 END,
                   jsonb_build_array(jsonb_build_object('platform', platform,
                        'contentType', CASE platform WHEN 'instagram' THEN 'reel' WHEN 'tiktok' THEN 'video'
                                                     WHEN 'youtube' THEN 'video' ELSE 'tweet' END,
                        'quantity', 1 + floor(5 * pg_temp.u(:seed, g, 60))::int)),
                   start_date - 10, start_date - 10
            FROM (SELECT g,
                         (ARRAY['fashion','beauty','fitness','food','travel','gaming','tech','lifestyle','parenting','finance','music','sports'])
                             [1 + floor(12 * power(pg_temp.u(:seed, g, 61), 1.5))::int] AS category,
                         (ARRAY['instagram','tiktok','youtube','twitter'])[1 + floor(4 * power(pg_temp.u(:seed, g, 62), 1.4))::int] AS platform,
                         CASE WHEN pg_temp.u(:seed, g, 63) < 0.45 THEN 'active' WHEN pg_temp.u(:seed, g, 63) < 0.55 THEN 'paused'
                              WHEN pg_temp.u(:seed, g, 63) < 0.80 THEN 'completed' WHEN pg_temp.u(:seed, g, 63) < 0.93 THEN 'draft'
                              ELSE 'cancelled' END AS status,
                         round(50000 * power(1000, pg_temp.u(:seed, g, 64)))::bigint AS budget,
                         CAST(:anchor AS date) - floor(300 * pg_temp.u(:seed, g, 65))::int AS start_date
                  FROM generate_series(1, :n) g) k
            """;

    // A few campaigns and prolific creators carry much of the content (power-law picks).
    private static final String CONTENT = """
            INSERT INTO content (id, campaign_id, influencer_id, platform, content_type, title, caption, content_url,
                        platform_media_id, deliverable, status, feedback, submitted_at, reviewed_by, reviewed_at,
                        published_at, created_at, updated_at)
            SELECT pg_temp.id(:seed, 'x', g), pg_temp.id(:seed, 'c', campaign), pg_temp.id(:seed, 'i', influencer),
                   platform, content_type,
                   'Post ' || g, 'Loving this! #ad #creator' || influencer,
                   'https://' || platform || '.example/p/' || g,
                   CASE WHEN status = 'published' THEN 'pm-' || g END,
                   platform || ':' || content_type, status, CASE WHEN status = 'changes_requested' THEN 'Please show the product label' END,
                   submitted_at,
                   CASE WHEN status <> 'pending' THEN pg_temp.id(:seed, 'm', 1 + floor(:marketers * pg_temp.u(:seed, campaign, 50))::int) END,
                   CASE WHEN status <> 'pending' THEN submitted_at + make_interval(hours => 1 + floor(47 * pg_temp.u(:seed, g, 74))::int) END,
                   CASE WHEN status = 'published' THEN submitted_at + make_interval(hours => 49 + floor(72 * pg_temp.u(:seed, g, 75))::int) END,
                   submitted_at, submitted_at
            FROM (SELECT g, campaign, influencer, pg_temp.platform(:seed, influencer) AS platform, status, submitted_at,
                         CASE pg_temp.platform(:seed, influencer)
                              WHEN 'instagram' THEN (ARRAY['reel','post','story'])[1 + floor(3 * pg_temp.u(:seed, g, 76))::int]
                              WHEN 'tiktok' THEN 'video'
                              WHEN 'youtube' THEN (ARRAY['video','short'])[1 + floor(2 * pg_temp.u(:seed, g, 76))::int]
                              ELSE 'tweet' END AS content_type
                  FROM (SELECT g,
                               1 + floor(:campaigns * power(pg_temp.u(:seed, g, 70), 1.8))::int AS campaign,
                               1 + floor(:influencers * power(pg_temp.u(:seed, g, 71), 1.3))::int AS influencer,
                               CASE WHEN pg_temp.u(:seed, g, 72) < 0.60 THEN 'published' WHEN pg_temp.u(:seed, g, 72) < 0.72 THEN 'approved'
                                    WHEN pg_temp.u(:seed, g, 72) < 0.87 THEN 'pending' WHEN pg_temp.u(:seed, g, 72) < 0.93 THEN 'changes_requested'
                                    ELSE 'rejected' END AS status,
                               CAST(:anchor AS date) - make_interval(days => 3 + floor(180 * pg_temp.u(:seed, g, 73))::int) AS submitted_at
                        FROM generate_series(:from, :to) g) picks) x
            """;

    // Published content has platform metrics scaled to its creator's audience; the rest is all zeros.
    private static final String CONTENT_METRICS = """
            INSERT INTO content_metrics (id, content_id, views, likes, comments, shares, saves, reach, impressions,
                        clicks, conversions, updated_at)
            SELECT pg_temp.id(:seed, 'xm', g), pg_temp.id(:seed, 'x', g),
                   CASE WHEN published THEN floor(impressions * (0.3 + 0.6 * pg_temp.u(:seed, g, 81))) ELSE 0 END::bigint,
                   CASE WHEN published THEN floor(engagement * (0.74 + 0.12 * pg_temp.u(:seed, g, 82))) ELSE 0 END::bigint,
                   CASE WHEN published THEN floor(engagement * 0.08 * (0.5 + pg_temp.u(:seed, g, 83))) ELSE 0 END::bigint,
                   CASE WHEN published THEN floor(engagement * 0.05 * (0.5 + pg_temp.u(:seed, g, 84))) ELSE 0 END::bigint,
                   CASE WHEN published THEN floor(engagement * 0.05 * (0.5 + pg_temp.u(:seed, g, 85))) ELSE 0 END::bigint,
                   CASE WHEN published THEN floor(impressions * (0.55 + 0.35 * pg_temp.u(:seed, g, 86))) ELSE 0 END::bigint,
                   CASE WHEN published THEN impressions ELSE 0 END::bigint,
                   CASE WHEN published THEN floor(impressions * 0.004 * (0.2 + 1.6 * pg_temp.u(:seed, g, 87))) ELSE 0 END::bigint,
                   CASE WHEN published THEN floor(impressions * 0.00012 * (2 * pg_temp.u(:seed, g, 88))) ELSE 0 END::bigint,
                   CAST(:anchor AS date) - make_interval(hours => floor(72 * pg_temp.u(:seed, g, 89))::int)
            FROM (SELECT g, published, impressions,
                         impressions * (1.5 + 9 * power(greatest(followers, 1) / 1000.0::float8, -0.3)) / 100
                             * (0.5 + pg_temp.u(:seed, g, 80)) AS engagement
                  FROM (SELECT g, pg_temp.u(:seed, g, 72) < 0.60 AS published, followers,
                               floor(followers * (0.2 + 1.3 * pg_temp.u(:seed, g, 79)))::bigint AS impressions
                        FROM (SELECT g, pg_temp.followers(:seed, 1 + floor(:influencers * power(pg_temp.u(:seed, g, 71), 1.3))::int) AS followers
                              FROM generate_series(:from, :to) g) f) i) m
            """;
}
