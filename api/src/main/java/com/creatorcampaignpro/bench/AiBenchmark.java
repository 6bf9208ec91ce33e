package com.creatorcampaignpro.bench;

import com.creatorcampaignpro.demo.DemoData;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

/**
 * Issue 10's figures: matchScoringJob over every active campaign and eligible influencer (wall time,
 * pairs/s, process CPU, peak heap of the JVM it shares with the API), POST /api/ai/match-influencers
 * latency for one campaign (computed over the whole table from a brief, and served from match_scores
 * after the job), and optimize-campaign's time to the proven optimum over 200 candidates. The HTTP
 * calls go to the in-process server (Bench lifts the "ai" rate limit for it).
 */
final class AiBenchmark implements BenchCase {
    static final int LATENCY_CALLS = 200;
    static final int POSTS_PER_KIND = 12;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public String name() {
        return "ai";
    }

    @Override
    public void run(BenchContext ctx, BenchReport report) throws Exception {
        topUp(ctx);   // the 10,000 x 40,000, whatever the demo data's statuses left active
        long influencers = ctx.jdbi().withHandle(h -> h.createQuery("""
                SELECT count(*) FROM influencer_profiles p JOIN users u ON u.id = p.user_id AND u.is_active AND u.deleted_at IS NULL
                WHERE p.availability <> 'unavailable'""").mapTo(Long.class).one());
        long campaigns = ctx.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM campaigns WHERE status = 'active'")
                .mapTo(Long.class).one());
        long pairs = influencers * campaigns;

        // 1. The job, full runs (changedOnly=false).
        JobOperator operator = BenchContext.synchronousJobOperator(ctx.application());
        Job job = ctx.bean("matchScoringJob", Job.class);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] seconds = new double[ctx.runs()];
        long peakHeap = 0;
        double cpu = 0;
        StringBuilder phases = new StringBuilder();
        for (int r = 0; r < ctx.runs(); r++) {
            // Each full run deletes and inserts ~1M match_scores rows. In production autovacuum clears
            // the dead ones between nightly runs; this machine's PostgreSQL runs with autovacuum off, so
            // without this every run would start on a table bloated by the previous runs' dead rows.
            ctx.jdbi().useHandle(h -> h.execute("VACUUM (ANALYZE) match_scores, match_score_runs"));
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long cpuBefore = os.getProcessCpuTime();
            seconds[r] = BenchContext.seconds(() -> {
                JobExecution execution = operator.start(job, new JobParametersBuilder()
                        .addString("bench.run", UUID.randomUUID().toString()).toJobParameters());
                if (execution.getStatus() != BatchStatus.COMPLETED) {
                    throw new IllegalStateException("matchScoringJob ended " + execution.getStatus() + ": "
                            + execution.getAllFailureExceptions());
                }
                phases.setLength(0);
                execution.getStepExecutions().forEach(step -> step.getExecutionContext().entrySet().stream()
                        .filter(e -> e.getKey().startsWith("matching.ms."))
                        .forEach(e -> phases.append(phases.isEmpty() ? "" : ", ")
                                .append(e.getKey().substring("matching.ms.".length())).append(' ').append(e.getValue())));
            });
            System.out.println("matchScoringJob run " + (r + 1) + ": " + String.format("%.2f s", seconds[r]) + "; step ms: " + phases);
            cpu += (os.getProcessCpuTime() - cpuBefore) / 1e9;
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            peakHeap = Math.max(peakHeap, peak);
        }
        double median = median(seconds);
        report.add("ai-job", "matchScoringJob: " + campaigns + " campaigns x " + influencers + " influencers", pairs, seconds,
                "issue 10: < 20 s (stretch 10 s)", String.format("%.1f M pairs/s; process CPU %.1f s a run; peak heap %d MB "
                        + "(whole JVM, -Xmx %d MB); CPU/wall %.2f; last run's step ms: %s", pairs / median / 1e6, cpu / ctx.runs(),
                        peakHeap >> 20, Runtime.getRuntime().maxMemory() >> 20, cpu / Arrays.stream(seconds).sum(), phases));

        // 2. match-influencers latency, one campaign over the whole table.
        String base = "http://127.0.0.1:" + ctx.application().getEnvironment().getProperty("local.server.port");
        Map<String, Object> pick = ctx.jdbi().withHandle(h -> h.createQuery("""
                SELECT c.id::text AS id, u.email FROM campaigns c JOIN users u ON u.id = c.marketer_id
                WHERE c.status = 'active' AND jsonb_array_length(c.deliverables) > 0 AND c.currency = 'USD'
                ORDER BY c.id LIMIT 1""").mapToMap().one());   // USD: the demo data's content rates are all in USD
        String campaignId = (String) pick.get("id");
        String token = login(base, (String) pick.get("email"));
        String brief = json.writeValueAsString(Map.of("brief", Map.of("productCategory", "food", "languages", java.util.List.of("en"),
                "countries", java.util.List.of("US"), "budget", 500_000, "currency", "USD",
                "deliverables", java.util.List.of(Map.of("platform", "instagram", "contentType", "reel", "quantity", 2)))));
        double first = BenchContext.seconds(() -> post(base, token, "match-influencers", brief));
        double[] computed = latencies(base, token, "match-influencers", brief);
        report.add("ai-match-computed", "match-influencers p50, ad-hoc brief over " + influencers + " influencers", 1,
                new double[]{median(computed)}, "issue 10: p95 < 50 ms", String.format("p95 %.1f ms over %d sequential calls; "
                        + "first call (loads the feature table) %.2f s", percentile(computed, 0.95) * 1000, LATENCY_CALLS, first));
        String byCampaign = json.writeValueAsString(Map.of("campaignId", campaignId));
        String source = post(base, token, "match-influencers", byCampaign).get("source").asString();
        double[] stored = latencies(base, token, "match-influencers", byCampaign);
        report.add("ai-match-campaign", "match-influencers p50, campaign after the job (" + source + ")", 1,
                new double[]{median(stored)}, "issue 10: p95 < 50 ms", String.format("p95 %.1f ms over %d sequential calls",
                        percentile(stored, 0.95) * 1000, LATENCY_CALLS));

        // 3. optimize-campaign over 200 candidates (influencers with an account on a wanted platform), each given a post history of the
        // kinds below; the campaign then wants 6 + 6 + 4 of them with a budget of a fortieth of all their rates,
        // so the budget and the counts both bind (the demo campaigns want one kind and have budget to spare).
        java.util.List<String> candidates = ctx.jdbi().withHandle(h -> h.createQuery("""
                SELECT p.user_id::text FROM influencer_profiles p
                WHERE p.availability <> 'unavailable' AND EXISTS (SELECT 1 FROM social_accounts a WHERE a.user_id = p.user_id
                      AND a.platform IN ('instagram', 'tiktok', 'youtube'))
                ORDER BY p.user_id LIMIT 200""").mapTo(String.class).list());
        history(ctx, candidates);
        ctx.jdbi().useHandle(h -> h.createUpdate("""
                UPDATE campaigns k SET deliverables = CAST(:d AS jsonb), spent = 0,
                       budget = GREATEST(1, (SELECT COALESCE(sum(r.rate_amount), 0) / 40 FROM content_rates r
                                             WHERE r.influencer_id = ANY(CAST(:ids AS uuid[])) AND r.currency = k.currency
                                               AND (r.platform, r.content_type) IN (('instagram', 'reel'), ('tiktok', 'video'), ('youtube', 'video'))))
                WHERE k.id = CAST(:c AS uuid)""")
                .bind("d", KINDS_JSON).bind("ids", candidates.toArray(String[]::new)).bind("c", campaignId).execute());
        String optimize = json.writeValueAsString(Map.of("campaignId", campaignId, "influencerIds", candidates));
        double[] solve = new double[ctx.runs()];
        JsonNode last = null;
        for (int r = 0; r < ctx.runs(); r++) {
            last = post(base, token, "optimize-campaign", optimize);
            solve[r] = last.get("solveMicros").asLong() / 1e6;
        }
        long options = last.get("plan").size() + java.util.stream.StreamSupport.stream(last.get("leftOut").spliterator(), false)
                .filter(l -> l.get("reason").asString().startsWith("OUTVALUED")).count();
        report.add("ai-optimize", "optimize-campaign, 200 candidates: time to the proven optimum", options, solve, "exact",
                String.format("proven optimal: %s; %d options; %d nodes; plan of %d costs %d of %d",
                        last.get("provenOptimal").asBoolean(), options, last.get("nodes").asLong(), last.get("plan").size(),
                        last.get("cost").asLong(), last.get("remainingBudget").asLong()));
    }

    static final String CLONE_EMAIL_PREFIX = "bench-ai-clone-";

    /**
     * Brings the bench database up to the size before the job is timed: as many active
     * campaigns and eligible influencers as the demo data has campaigns and influencers (at --scale
     * large 10,000 x 40,000 = 400 M pairs; smaller scales in proportion). The demo data leaves only
     * ~59 % of its campaigns active and ~90 % of its influencers eligible (active, not unavailable),
     * so the shortfall is made of copies of eligible influencers (user, profile, connected accounts
     * without tokens, rates) and of active campaigns (same marketer, targets, deliverables, budget):
     * the distributions stay the demo data's. Set-based and idempotent: a second call (--reuse)
     * finds nothing missing and adds nothing. The copies are marked (emails starting
     * {@value #CLONE_EMAIL_PREFIX}, campaign names "bench-ai copy of ..."); bench database only.
     */
    static void topUp(BenchContext ctx) {
        ctx.jdbi().useTransaction(h -> {
            long eligible = h.createQuery("""
                    SELECT count(*) FROM influencer_profiles p JOIN users u ON u.id = p.user_id AND u.is_active AND u.deleted_at IS NULL
                    WHERE p.availability <> 'unavailable'""").mapTo(Long.class).one();
            long wanted = h.createQuery("""
                    SELECT count(*) FROM influencer_profiles p JOIN users u ON u.id = p.user_id
                    WHERE u.email NOT LIKE 'bench-ai-clone-%'""").mapTo(Long.class).one();
            long missing = wanted - eligible;
            if (missing > 0) {
                // copies of the first eligible influencers (repeated if there are fewer than missing)
                h.execute("""
                        CREATE TEMP TABLE bench_ai_clone ON COMMIT DROP AS
                        WITH src AS (SELECT p.user_id, row_number() OVER (ORDER BY p.user_id) - 1 AS i FROM influencer_profiles p
                                     JOIN users u ON u.id = p.user_id AND u.is_active AND u.deleted_at IS NULL
                                     WHERE p.availability <> 'unavailable' AND u.email NOT LIKE 'bench-ai-clone-%')
                        SELECT src.user_id AS old_id, gen_random_uuid() AS new_id
                        FROM generate_series(0, ? - 1) g JOIN src ON src.i = g % (SELECT count(*) FROM src)""", missing);
                h.execute("""
                        INSERT INTO users (id, email, password_hash, user_type, first_name, last_name, email_verified, is_active)
                        SELECT c.new_id, ? || c.new_id || '@bench.invalid', u.password_hash, u.user_type, u.first_name,
                               u.last_name, u.email_verified, TRUE
                        FROM bench_ai_clone c JOIN users u ON u.id = c.old_id""", CLONE_EMAIL_PREFIX);
                h.execute("""
                        INSERT INTO influencer_profiles (user_id, display_name, bio, categories, languages, location, country,
                               total_followers, avg_engagement_rate, avg_views, audience, rating, completed_campaigns,
                               availability, verified, metrics_as_of)
                        SELECT c.new_id, p.display_name, p.bio, p.categories, p.languages, p.location, p.country,
                               p.total_followers, p.avg_engagement_rate, p.avg_views, p.audience, p.rating, p.completed_campaigns,
                               p.availability, p.verified, p.metrics_as_of
                        FROM bench_ai_clone c JOIN influencer_profiles p ON p.user_id = c.old_id""");
                h.execute("""
                        INSERT INTO social_accounts (user_id, platform, username, followers, following, posts_count,
                               engagement_rate, avg_views, status)
                        SELECT c.new_id, s.platform, s.username, s.followers, s.following, s.posts_count, s.engagement_rate,
                               s.avg_views, s.status
                        FROM bench_ai_clone c JOIN social_accounts s ON s.user_id = c.old_id""");
                h.execute("""
                        INSERT INTO content_rates (influencer_id, platform, content_type, rate_amount, currency)
                        SELECT c.new_id, r.platform, r.content_type, r.rate_amount, r.currency
                        FROM bench_ai_clone c JOIN content_rates r ON r.influencer_id = c.old_id""");
            }
            long active = h.createQuery("SELECT count(*) FROM campaigns WHERE status = 'active'").mapTo(Long.class).one();
            long wantedCampaigns = h.createQuery("SELECT count(*) FROM campaigns WHERE name NOT LIKE 'bench-ai copy of %'")
                    .mapTo(Long.class).one();
            long missingCampaigns = wantedCampaigns - active;
            if (missingCampaigns > 0) {
                h.execute("""
                        INSERT INTO campaigns (marketer_id, name, description, status, budget, spent, currency, start_date,
                               end_date, target_categories, target_languages, target_countries, target_platforms,
                               min_followers, max_followers, min_engagement_rate, target_audience, deliverables, objectives)
                        SELECT k.marketer_id, left('bench-ai copy of ' || k.name, 200), k.description, 'active', k.budget,
                               k.spent, k.currency, k.start_date, k.end_date, k.target_categories, k.target_languages,
                               k.target_countries, k.target_platforms, k.min_followers, k.max_followers,
                               k.min_engagement_rate, k.target_audience, k.deliverables, k.objectives
                        FROM generate_series(0, ? - 1) g
                        JOIN (SELECT c.*, row_number() OVER (ORDER BY c.id) - 1 AS i FROM campaigns c
                              WHERE c.status = 'active' AND c.name NOT LIKE 'bench-ai copy of %') k
                          ON k.i = g % (SELECT count(*) FROM campaigns WHERE status = 'active' AND name NOT LIKE 'bench-ai copy of %')
                        """, missingCampaigns);
            }
        });
    }

    static final String KINDS_JSON = "[{\"platform\":\"instagram\",\"contentType\":\"reel\",\"quantity\":6},"
            + "{\"platform\":\"tiktok\",\"contentType\":\"video\",\"quantity\":6},"
            + "{\"platform\":\"youtube\",\"contentType\":\"video\",\"quantity\":4}]";

    /** POSTS_PER_KIND posts of each kind of KINDS_JSON on each account of these influencers (idempotent). */
    private static void history(BenchContext ctx, java.util.List<String> influencers) {
        ctx.jdbi().useHandle(h -> h.createUpdate("""
                INSERT INTO social_account_media (social_account_id, platform, platform_media_id, media_type, content_type,
                                                  posted_at, views, likes, comments, reach, impressions, as_of)
                SELECT a.id, a.platform, 'bench-ai-' || a.id || '-' || (d ->> 'contentType') || '-' || g, 'BENCH', d ->> 'contentType',
                       now() - make_interval(days => g), 0, likes, likes / 20, likes * 8, likes * 12, now()
                FROM social_accounts a
                CROSS JOIN LATERAL jsonb_array_elements(CAST(:kinds AS jsonb)) d
                CROSS JOIN LATERAL generate_series(1, :posts) g
                CROSS JOIN LATERAL (SELECT (50 + abs(hashtext(a.id::text || g)) % 5000)::bigint AS likes) l
                WHERE a.user_id = ANY(CAST(:ids AS uuid[])) AND d ->> 'platform' = a.platform
                ON CONFLICT DO NOTHING""").bind("kinds", KINDS_JSON).bind("ids", influencers.toArray(String[]::new))
                .bind("posts", POSTS_PER_KIND).execute());
    }

    private double[] latencies(String base, String token, String endpoint, String body) throws Exception {
        double[] out = new double[LATENCY_CALLS];
        for (int i = 0; i < out.length; i++) {
            out[i] = BenchContext.seconds(() -> post(base, token, endpoint, body));
        }
        return out;
    }

    private String login(String base, String email) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("email", email,
                        "password", DemoData.DEMO_PASSWORD)))).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login as " + email + ": " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body()).get("accessToken").asString();
    }

    private JsonNode post(String base, String token, String endpoint, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/ai/" + endpoint))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(endpoint + ": " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body());
    }

    static double median(double[] values) {
        return percentile(values, 0.5);
    }

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

}
