package com.creatorcampaignpro.bench;

import com.creatorcampaignpro.metrics.MetricsRollupJobConfiguration;
import org.jdbi.v3.core.Handle;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;

import java.util.UUID;

/**
 * metricsRollupJob against its floor: the same rollup as one plain SQL statement. Measures the full
 * run on an empty and on an up-to-date campaign_metrics, then incremental runs after 1% of
 * content_metrics changed, concentrated in ~150 campaigns and scattered over most campaigns, and the
 * writers' cost of the change capture. Ends by checking the rolled-up figures against a direct
 * aggregation.
 */
final class RollupBenchmark implements BenchCase {

    /** The floor: the rollup as one plain statement (no change queue, no zero rows, no snapshot). */
    static final String FLOOR = """
            INSERT INTO campaign_metrics AS cm (campaign_id, content_count, total_reach, total_impressions, total_views,
                        total_engagement, total_likes, total_comments, total_shares, total_saves, total_clicks,
                        total_conversions, updated_at)
            SELECT c.campaign_id, count(*), coalesce(sum(m.reach), 0), coalesce(sum(m.impressions), 0),
                   coalesce(sum(m.views), 0),
                   coalesce(sum(m.likes), 0) + coalesce(sum(m.comments), 0) + coalesce(sum(m.shares), 0) + coalesce(sum(m.saves), 0),
                   coalesce(sum(m.likes), 0), coalesce(sum(m.comments), 0), coalesce(sum(m.shares), 0),
                   coalesce(sum(m.saves), 0), coalesce(sum(m.clicks), 0), coalesce(sum(m.conversions), 0), now()
            FROM content c LEFT JOIN content_metrics m ON m.content_id = c.id
            WHERE c.status = 'published'
            GROUP BY c.campaign_id
            ON CONFLICT (campaign_id) DO UPDATE SET
                content_count = EXCLUDED.content_count, total_reach = EXCLUDED.total_reach,
                total_impressions = EXCLUDED.total_impressions, total_views = EXCLUDED.total_views,
                total_engagement = EXCLUDED.total_engagement, total_likes = EXCLUDED.total_likes,
                total_comments = EXCLUDED.total_comments, total_shares = EXCLUDED.total_shares,
                total_saves = EXCLUDED.total_saves, total_clicks = EXCLUDED.total_clicks,
                total_conversions = EXCLUDED.total_conversions, updated_at = EXCLUDED.updated_at
            """;

    static final String READ_ONLY = """
            SELECT c.campaign_id, count(*), sum(m.reach), sum(m.impressions), sum(m.views), sum(m.likes),
                   sum(m.comments), sum(m.shares), sum(m.saves), sum(m.clicks), sum(m.conversions)
            FROM content c LEFT JOIN content_metrics m ON m.content_id = c.id
            WHERE c.status = 'published'
            GROUP BY c.campaign_id
            """;

    // The 1% to change: either all from ~150 campaigns that have enough content, or a random sample.
    static final String PICK_CONCENTRATED = """
            CREATE TEMP TABLE bench_changes AS
            SELECT m.id FROM content_metrics m JOIN content c ON c.id = m.content_id
            WHERE c.campaign_id IN (SELECT campaign_id FROM content GROUP BY campaign_id
                                    HAVING count(*) >= :perCampaign
                                    ORDER BY md5(campaign_id::text || :run) LIMIT :campaigns)
            ORDER BY md5(m.id::text || :run) LIMIT :n
            """;
    static final String PICK_SCATTERED = """
            CREATE TEMP TABLE bench_changes AS
            SELECT id FROM content_metrics ORDER BY md5(id::text || :run) LIMIT :n
            """;
    static final String CHANGE = """
            UPDATE content_metrics m SET views = views + 17, likes = likes + 3, comments = comments + 1,
                   impressions = impressions + 40, reach = reach + 20, clicks = clicks + 1, updated_at = now()
            FROM bench_changes b WHERE m.id = b.id
            """;
    static final String TOUCHED = """
            SELECT count(DISTINCT c.campaign_id) FROM bench_changes b
            JOIN content_metrics m ON m.id = b.id JOIN content c ON c.id = m.content_id
            """;
    static final String MISMATCHES = """
            SELECT count(*) FROM (
                SELECT k.id, count(c.id), coalesce(sum(m.reach), 0), coalesce(sum(m.impressions), 0),
                       coalesce(sum(m.views), 0), coalesce(sum(m.likes + m.comments + m.shares + m.saves), 0),
                       coalesce(sum(m.clicks), 0), coalesce(sum(m.conversions), 0)
                FROM campaigns k LEFT JOIN content c ON c.campaign_id = k.id AND c.status = 'published'
                LEFT JOIN content_metrics m ON m.content_id = c.id GROUP BY k.id
                EXCEPT
                SELECT campaign_id, content_count, total_reach, total_impressions, total_views, total_engagement,
                       total_clicks, total_conversions FROM campaign_metrics) diff
            """;

    @Override
    public String name() {
        return "rollup";
    }

    @Override
    public void run(BenchContext ctx, BenchReport report) throws Exception {
        JobOperator operator = BenchContext.synchronousJobOperator(ctx.application());
        Job job = ctx.bean(MetricsRollupJobConfiguration.JOB_NAME, Job.class);
        long content = ctx.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM content").mapTo(Long.class).one());
        long published = ctx.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM content WHERE status = 'published'")
                .mapTo(Long.class).one());
        int changes = (int) Math.max(1, content / 100);
        int runs = ctx.runs();
        ctx.jdbi().useHandle(h -> h.execute("VACUUM ANALYZE"));
        sql(ctx, READ_ONLY); // warm the cache once

        double[] readOnly = new double[runs];
        double[] floorCold = new double[runs];
        double[] floorWarm = new double[runs];
        double[] fullCold = new double[runs];
        double[] fullWarm = new double[runs];
        for (int r = 0; r < runs; r++) {
            readOnly[r] = BenchContext.seconds(() -> sql(ctx, READ_ONLY));
            resetRollup(ctx);
            floorCold[r] = BenchContext.seconds(() -> sql(ctx, FLOOR));
            floorWarm[r] = BenchContext.seconds(() -> sql(ctx, FLOOR));
            resetRollup(ctx);
            fullCold[r] = BenchContext.seconds(() -> runJob(operator, job, "full", "full"));
            fullWarm[r] = BenchContext.seconds(() -> runJob(operator, job, "full", "full"));
        }
        report.add("select", "rollup read only: SELECT ... GROUP BY", content, readOnly, null, "");
        report.add("floor", "rollup floor: one INSERT ... ON CONFLICT", content, floorCold, null, "campaign_metrics empty");
        report.add("floor-warm", "rollup floor, campaign_metrics current", content, floorWarm, "floor", "rewrites every row");
        report.add("full", "metricsRollupJob full", content, fullCold, "floor", "campaign_metrics empty");
        report.add("full-warm", "metricsRollupJob full, nothing changed", content, fullWarm, "floor-warm", "writes nothing");

        for (boolean scattered : new boolean[]{false, true}) {
            double[] update = new double[runs];
            double[] incremental = new double[runs];
            long touched = 0;
            for (int r = 0; r < runs; r++) {
                int run = r + (scattered ? 100 : 0);
                ctx.jdbi().useHandle(h -> {
                    h.execute("DROP TABLE IF EXISTS bench_changes");
                    h.createUpdate(scattered ? PICK_SCATTERED : PICK_CONCENTRATED).bind("run", String.valueOf(run))
                            .bind("n", changes).bind("campaigns", 150).bind("perCampaign", changes / 150 + 1).execute();
                });
                touched = ctx.jdbi().withHandle(h -> h.createQuery(TOUCHED).mapTo(Long.class).one());
                update[r] = BenchContext.seconds(() -> sql(ctx, CHANGE));
                incremental[r] = BenchContext.seconds(() -> runJob(operator, job, null, "incremental"));
            }
            String what = scattered ? "scattered" : "concentrated";
            report.add("incr-" + what, "metricsRollupJob incremental, 1% " + what, changes, incremental, "full",
                    String.format("%,d campaigns touched", touched));
            report.add("update-" + what, "  writers: UPDATE of those rows", changes, update, null, "with change capture");
        }

        // The capture's price for writers: the same scattered update without the triggers.
        double[] uncaptured = new double[runs];
        for (int r = 0; r < runs; r++) {
            int run = 200 + r;
            ctx.jdbi().useHandle(h -> {
                h.execute("DROP TABLE IF EXISTS bench_changes");
                h.createUpdate(PICK_SCATTERED).bind("run", String.valueOf(run)).bind("n", changes).execute();
            });
            uncaptured[r] = ctx.jdbi().inTransaction(h -> {
                h.execute("ALTER TABLE content_metrics DISABLE TRIGGER content_metrics_capture_update");
                double s = BenchContext.seconds(() -> h.execute(CHANGE));
                h.execute("ALTER TABLE content_metrics ENABLE TRIGGER content_metrics_capture_update");
                return s;
            });
        }
        report.add("update-uncaptured", "  writers: scattered UPDATE, capture off", changes, uncaptured,
                "update-scattered", "triggers disabled");
        runJob(operator, job, "full", "full");

        long mismatches = ctx.jdbi().withHandle(h -> h.createQuery(MISMATCHES).mapTo(Long.class).one());
        report.note(String.format("%,d content items (%,d published), 1%% = %,d changed content_metrics rows per incremental run.",
                content, published, changes));
        report.note("Check: campaign_metrics vs a direct aggregation after all runs: "
                + (mismatches == 0 ? "identical" : mismatches + " campaigns DIFFER"));
        if (mismatches != 0) {
            throw new IllegalStateException(mismatches + " campaigns differ from the direct aggregation");
        }
    }

    private static void sql(BenchContext ctx, String sql) {
        ctx.jdbi().useHandle(h -> h.execute(sql));
    }

    /** Empty campaign_metrics (and snapshots) so the next write starts from nothing; the next run must be full. */
    private static void resetRollup(BenchContext ctx) {
        ctx.jdbi().useHandle((Handle h) -> {
            h.execute("TRUNCATE campaign_metrics, campaign_metrics_daily");
            h.execute("UPDATE metrics_rollup_state SET full_required = TRUE");
        });
    }


    private static void runJob(JobOperator operator, Job job, String mode, String expectedMode) throws Exception {
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString(MetricsRollupJobConfiguration.RUN_AT, "bench-" + UUID.randomUUID());
        if (mode != null) {
            parameters.addString(MetricsRollupJobConfiguration.MODE, mode, false);
        }
        JobExecution execution = operator.start(job, parameters.toJobParameters());
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new IllegalStateException("metricsRollupJob ended " + execution.getStatus() + ": "
                    + execution.getAllFailureExceptions());
        }
        String used = execution.getStepExecutions().iterator().next().getExecutionContext().getString(MetricsRollupJobConfiguration.MODE_USED);
        if (!expectedMode.equals(used)) {
            throw new IllegalStateException("expected a " + expectedMode + " run, got " + used);
        }
    }
}
