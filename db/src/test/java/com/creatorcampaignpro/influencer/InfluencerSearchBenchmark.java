package com.creatorcampaignpro.influencer;

import com.creatorcampaignpro.db.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Influencer search over 40,000 influencers, measured through the real DAO: each operation is what
 * GET /api/influencers runs for a page (the profiles statement, then the page's social accounts in one
 * batch). Not part of scripts/test (the class name matches no test pattern): run it with
 * scripts/bench-search, which prints the report written to db/target/bench-search.txt.
 *
 * <p>The data set is seeded set-based and deterministically (hashes of the row number, no random()),
 * into the fresh database of the test harness, then VACUUMed and ANALYZEd. Each scenario is warmed up, then run by
 * two client threads, like FLOORS.md's pgbench figure; the floor itself (a bare 20-row keyset page by
 * one category, prepared, over JDBC) is re-measured in the same run.
 */
class InfluencerSearchBenchmark {
    private static final int INFLUENCERS = 40_000;
    private static final int CLIENTS = 2;
    private static final int WARMUP = 300;
    private static final int OPERATIONS_PER_CLIENT = Integer.getInteger("bench.operations", 1500);

    @Test
    void searchOverFortyThousandInfluencers() throws Exception {
        TestDatabase db = TestDatabase.shared();
        Jdbi jdbi = db.jdbi();
        long seedStarted = System.nanoTime();
        seed(jdbi);
        double seedSeconds = (System.nanoTime() - seedStarted) / 1e9;
        InfluencerSearchDao dao = jdbi.onDemand(InfluencerSearchDao.class);

        List<String> report = new ArrayList<>();
        report.add("Influencer search benchmark, " + Instant.now());
        report.add(machine(jdbi));
        report.add(String.format(Locale.ROOT, "data: %,d influencers, %,d social accounts, %,d rates (seeded in %.1f s)",
                count(jdbi, "influencer_profiles"), count(jdbi, "social_accounts"), count(jdbi, "content_rates"), seedSeconds));
        report.add(String.format(Locale.ROOT, "%d clients, %d warm-up + %d measured operations per client and scenario",
                CLIENTS, WARMUP, OPERATIONS_PER_CLIENT));
        report.add("");
        report.add(String.format(Locale.ROOT, "%-58s %6s %8s %8s %10s", "scenario", "rows", "p50 ms", "p95 ms", "ops/s"));

        Result floor = measure(() -> floorPage(db));
        report.add(line("FLOOR bare 20-row keyset page, one category (1 stmt)", 20, floor));

        if (Boolean.getBoolean("bench.breakdown")) {
            Result floorJdbi = measure(() -> jdbi.withHandle(h -> h.createQuery("""
                    SELECT * FROM influencer_profiles WHERE categories @> ARRAY['fashion']
                    ORDER BY total_followers DESC, user_id DESC LIMIT 20""").mapToMap().list().size()));
            report.add(line("floor statement through JDBI (1 stmt)", 20, floorJdbi));
            Result floorMapped = measure(() -> jdbi.withHandle(h -> h.createQuery("""
                    SELECT * FROM influencer_profiles WHERE categories @> ARRAY['fashion']
                    ORDER BY total_followers DESC, user_id DESC LIMIT 20""").map(new InfluencerProfileDao.ProfileMapper()).list().size()));
            report.add(line("floor statement through JDBI, profile mapper (1 stmt)", 20, floorMapped));
            Result searchHandle = measure(() -> jdbi.withHandle(h -> h.createQuery("""
                    SELECT p.* FROM influencer_profiles p JOIN users u ON u.id = p.user_id
                    WHERE u.is_active AND TRUE AND p.categories && CAST(:categories AS text[])
                    ORDER BY p.total_followers DESC, p.user_id DESC LIMIT :limit""")
                    .bind("categories", new String[]{"fashion"}).bind("limit", 21)
                    .map(new InfluencerProfileDao.ProfileMapper()).list().size()));
            report.add(line("search statement through a JDBI handle, profile mapper", 20, searchHandle));
            Result searchText = measure(() -> jdbi.withHandle(h -> h.registerArrayType(String.class, "text").createQuery("""
                    SELECT p.* FROM influencer_profiles p JOIN users u ON u.id = p.user_id
                    WHERE u.is_active AND TRUE AND p.categories && CAST(:categories AS text[])
                    ORDER BY p.total_followers DESC, p.user_id DESC LIMIT :limit""")
                    .bind("categories", new String[]{"fashion"}).bind("limit", 21)
                    .map(new InfluencerProfileDao.ProfileMapper()).list().size()));
            report.add(line("the same, String[] bound as text[]", 20, searchText));
            Result joinJdbc = measure(() -> rawJoin(db));
            report.add(line("search statement shape, raw JDBC, prepared (1 stmt)", 20, joinJdbc));
        }
        InfluencerSearch deep = deepEngagementPage(dao, 50);
        Object[][] scenarios = {
                {"one category (fashion)", search(q -> q.categories = List.of("fashion"))},
                {"two rare categories (knitting, beekeeping)", search(q -> q.categories = List.of("knitting", "beekeeping"))},
                {"travel + pt + 10k-500k followers + reel <= 500.00 USD", search(q -> {
                    q.categories = List.of("travel");
                    q.languages = List.of("pt");
                    q.minFollowers = 10_000L;
                    q.maxFollowers = 500_000L;
                    q.contentType = "reel";
                    q.maxRate = 50_000L;
                    q.currency = "USD";
                })},
                {"free text \"marathon\" in name/bio", search(q -> q.q = "marathon")},
                {"sort by engagement, page 51 (after 1,000 rows)", deep},
        };
        for (Object[] scenario : scenarios) {
            InfluencerSearch criteria = (InfluencerSearch) scenario[1];
            int rows = page(dao, criteria);
            Result result = measure(() -> page(dao, criteria));
            report.add(line(scenario[0] + " (1 stmt)", rows, result));
            if (rows == 0) {
                throw new IllegalStateException("scenario returned nothing: " + scenario[0]);
            }
        }
        report.add("");
        report.add("ops/s ratio to the floor measured above: see BENCHMARKS.md");
        Path out = Path.of("target", "bench-search.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        report.forEach(System.out::println);
        assertThat(floor.opsPerSecond()).isPositive();
    }

    /** The work an endpoint call does for one page: the profiles with their social accounts. */
    private static int page(InfluencerSearchDao dao, InfluencerSearch criteria) {
        return Math.min(dao.search(criteria).size(), criteria.limit());
    }

    private static int floorPage(TestDatabase db) {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT * FROM influencer_profiles WHERE categories @> ARRAY['fashion']
                     ORDER BY total_followers DESC, user_id DESC LIMIT 20""")) {
            int n = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int rawJoin(TestDatabase db) {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT p.* FROM influencer_profiles p JOIN users u ON u.id = p.user_id
                     WHERE u.is_active AND p.categories && CAST(? AS text[])
                     ORDER BY p.total_followers DESC, p.user_id DESC LIMIT ?""")) {
            s.setArray(1, c.createArrayOf("text", new String[]{"fashion"}));
            s.setInt(2, 21);
            int n = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InfluencerSearch deepEngagementPage(InfluencerSearchDao dao, int pagesToSkip) {
        String after = null;
        for (int i = 0; i < pagesToSkip; i++) {
            String cursor = after;
            InfluencerSearch criteria = search(q -> {
                q.sort = "engagement";
                q.after = cursor;
            });
            InfluencerProfile last = dao.search(criteria).get(criteria.limit() - 1).profile();
            after = new com.creatorcampaignpro.paging.RankCursor("engagement",
                    InfluencerSearchDao.sortValue(last, InfluencerSort.ENGAGEMENT), last.userId()).encode();
        }
        String cursor = after;
        return search(q -> {
            q.sort = "engagement";
            q.after = cursor;
        });
    }

    /** Mutable query builder for readability above. */
    static final class Q {
        String q;
        List<String> categories;
        List<String> languages;
        Long minFollowers;
        Long maxFollowers;
        String contentType;
        Long maxRate;
        String currency;
        String sort;
        String after;
    }

    private static InfluencerSearch search(java.util.function.Consumer<Q> spec) {
        Q q = new Q();
        spec.accept(q);
        return InfluencerSearch.of(new InfluencerSearch.Query(q.q, q.categories, null, q.languages, null, null, null,
                q.minFollowers, q.maxFollowers, null, null, null, null, q.contentType, null, q.maxRate, q.currency, q.sort,
                20, q.after));
    }

    record Result(double p50, double p95, double opsPerSecond) {
    }

    private static Result measure(Supplier<Integer> operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Callable<long[]>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(() -> {
                    for (int i = 0; i < WARMUP; i++) {
                        operation.get();
                    }
                    long[] samples = new long[OPERATIONS_PER_CLIENT];
                    for (int i = 0; i < OPERATIONS_PER_CLIENT; i++) {
                        long started = System.nanoTime();
                        operation.get();
                        samples[i] = System.nanoTime() - started;
                    }
                    return samples;
                });
            }
            // Throughput over the measured part only: the clients' sample sums bound the wall time.
            List<Future<long[]>> futures = pool.invokeAll(clients);
            long[] all = new long[CLIENTS * OPERATIONS_PER_CLIENT];
            double slowestClientSeconds = 0;
            for (int c = 0; c < CLIENTS; c++) {
                long[] samples = futures.get(c).get();
                System.arraycopy(samples, 0, all, c * OPERATIONS_PER_CLIENT, samples.length);
                slowestClientSeconds = Math.max(slowestClientSeconds, Arrays.stream(samples).sum() / 1e9);
            }
            Arrays.sort(all);
            return new Result(all[all.length / 2] / 1e6, all[(int) (all.length * 0.95)] / 1e6, all.length / slowestClientSeconds);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String line(String name, int rows, Result r) {
        return String.format(Locale.ROOT, "%-58s %6d %8.2f %8.2f %10.0f", name, rows, r.p50(), r.p95(), r.opsPerSecond());
    }

    private static long count(Jdbi jdbi, String table) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
    }

    private static String machine(Jdbi jdbi) throws IOException {
        String version = jdbi.withHandle(h -> h.createQuery("SHOW server_version").mapTo(String.class).one());
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
        return "machine: " + Runtime.getRuntime().availableProcessors() + " cpus, " + memory + ", PostgreSQL " + version
                + ", load average " + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /**
     * 40,000 influencers (each with a user row), two social accounts each, two or three rates each.
     * h(i, salt) is a deterministic pseudo-random non-negative int from the row number.
     */
    private static void seed(Jdbi jdbi) {
        jdbi.useHandle(h -> {
            h.execute("""
                    CREATE FUNCTION pg_temp.h(i int, salt int) RETURNS int LANGUAGE sql IMMUTABLE
                    AS 'SELECT hashint4(i * 1000 + salt) & 2147483647'""");
            h.execute("""
                    INSERT INTO users (id, email, user_type, first_name, last_name)
                    SELECT md5('influencer' || i)::uuid, 'influencer' || i || '@bench.example', 'influencer', 'Creator', i::text
                    FROM generate_series(1, ?) i""", INFLUENCERS);
            h.execute("""
                    WITH w AS (
                        SELECT i,
                               ARRAY['lifestyle','fashion','beauty','travel','food','fitness','gaming','tech',
                                     'music','parenting','finance','pets'] AS common,
                               ARRAY['knitting','beekeeping','falconry','origami','birdwatching','calligraphy',
                                     'woodworking','astronomy','chess','pottery'] AS rare,
                               ARRAY['en','pt','es','fr','de','it'] AS langs,
                               ARRAY['US','GB','PT','BR','ES','FR','DE','IT','CA','AU'] AS countries,
                               ARRAY['New York','London','Lisbon','Sao Paulo','Madrid','Paris','Berlin','Rome','Toronto','Sydney'] AS cities,
                               ARRAY['marathon','vegan','photography','skincare','budget','streetwear','coffee','yoga',
                                     'retro','hiking','cocktails','minimalism','sneakers','baking','surfing','camping',
                                     'podcasts','anime','cycling','gardening','makeup','jazz','crypto','climbing',
                                     'thrifting','esports','keto','parenting','investing','boxing','design','vinyl',
                                     'wine','tattoos','skateboarding','bread','ramen','tennis','golf','sailing',
                                     'poetry','comics','cars','drones','magic','dance','diy','film','history','science'] AS words
                        FROM generate_series(1, ?) i)
                    INSERT INTO influencer_profiles (user_id, display_name, bio, categories, languages, location, country,
                        total_followers, avg_engagement_rate, avg_views, rating, completed_campaigns, availability,
                        verified, metrics_as_of)
                    SELECT md5('influencer' || i)::uuid,
                           'Creator ' || i,
                           'All about ' || words[1 + pg_temp.h(i, 1) % 50] || ' and ' || words[1 + pg_temp.h(i, 2) % 50]
                               || ', daily stories from ' || cities[1 + pg_temp.h(i, 3) % 10],
                           ARRAY[common[1 + pg_temp.h(i, 4) % 12]]
                               || CASE WHEN pg_temp.h(i, 5) % 2 = 0 THEN ARRAY[common[1 + pg_temp.h(i, 6) % 12]] ELSE '{}' END
                               || CASE WHEN pg_temp.h(i, 7) % 100 = 0 THEN ARRAY[rare[1 + pg_temp.h(i, 8) % 10]] ELSE '{}' END,
                           ARRAY[langs[1 + pg_temp.h(i, 9) % 6]]
                               || CASE WHEN pg_temp.h(i, 10) % 3 = 0 THEN ARRAY['en'] ELSE '{}' END,
                           cities[1 + pg_temp.h(i, 3) % 10],
                           countries[1 + pg_temp.h(i, 3) % 10],
                           -- log-uniform from 1,000 to 1,000,000 followers
                           floor(1000 * power(1000, (pg_temp.h(i, 11) % 10000) / 10000.0))::bigint,
                           (pg_temp.h(i, 12) % 1500) / 100.0,
                           floor(100 * power(1000, (pg_temp.h(i, 13) % 10000) / 10000.0))::bigint,
                           (pg_temp.h(i, 14) % 501) / 100.0,
                           pg_temp.h(i, 15) % 40,
                           (ARRAY['available','available','busy','unavailable'])[1 + pg_temp.h(i, 16) % 4],
                           pg_temp.h(i, 17) % 10 = 0,
                           now() - make_interval(hours => pg_temp.h(i, 18) % 72)
                    FROM w""", INFLUENCERS);
            h.execute("""
                    INSERT INTO social_accounts (user_id, platform, username, followers, engagement_rate, avg_views, last_synced_at)
                    SELECT p.user_id, x.platform, 'creator' || g.i || x.platform,
                           p.total_followers / 2, p.avg_engagement_rate, p.avg_views, p.metrics_as_of
                    FROM generate_series(1, ?) g(i)
                    JOIN influencer_profiles p ON p.user_id = md5('influencer' || g.i)::uuid
                    CROSS JOIN LATERAL (VALUES ('instagram'),
                        ((ARRAY['youtube','tiktok','twitter'])[1 + pg_temp.h(g.i, 19) % 3])) x(platform)""", INFLUENCERS);
            h.execute("""
                    INSERT INTO content_rates (influencer_id, platform, content_type, rate_amount, currency)
                    SELECT md5('influencer' || g.i)::uuid, x.platform, x.content_type,
                           1000 + (pg_temp.h(g.i, x.salt) % 200000),
                           CASE WHEN pg_temp.h(g.i, 20) % 3 = 0 THEN 'EUR' ELSE 'USD' END
                    FROM generate_series(1, ?) g(i)
                    CROSS JOIN (VALUES ('instagram', 'post', 21), ('instagram', 'reel', 22), ('tiktok', 'reel', 23)) x(platform, content_type, salt)
                    WHERE x.content_type = 'post' OR pg_temp.h(g.i, x.salt + 10) % 2 = 0""", INFLUENCERS);
            // VACUUM, not only ANALYZE: a bulk insert leaves the GIN entries in the index's pending list, which
            // every search would scan linearly until autovacuum merges it (as it does in production).
            h.execute("VACUUM ANALYZE users, influencer_profiles, social_accounts, content_rates");
        });
    }
}
