package com.creatorcampaignpro.bench;

import com.creatorcampaignpro.CcpApplication;
import com.creatorcampaignpro.fakes.social.FakeSocialPlatform;
import com.creatorcampaignpro.fakes.social.FakeSocialPlatform.Kind;
import com.creatorcampaignpro.fakes.social.FakeSocialPlatform.Profile;
import com.creatorcampaignpro.social.Platform;
import com.creatorcampaignpro.social.SocialAccountSync;
import com.creatorcampaignpro.social.SocialSyncJobConfiguration;
import com.creatorcampaignpro.social.TokenCipher;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * socialSyncJob against the platform fakes at 50 ms latency, 20,000 accounts (5,000 per platform):
 * (a) without a rate limit: accounts/s and CPU, bounded by the configured concurrency (16 in flight
 * per platform), not by CPU; (b) at 100 requests/s per platform: the rate the fakes saw, as a fraction
 * of the limit. Each case runs in an application of its own (the limits are read at start-up) on the
 * bench database, with the fakes in this JVM. CCP_BENCH_SOCIAL_ACCOUNTS sets another total (a check
 * at a small scale; the figures of record are at 20,000).
 */
final class SocialSyncBenchmark implements BenchCase {
    static final int PER_PLATFORM = Integer.parseInt(System.getenv().getOrDefault("CCP_BENCH_SOCIAL_ACCOUNTS", "20000")) / 4;
    static final Duration LATENCY = Duration.ofMillis(50);
    static final int LIMITED_RATE = 100;
    static final int IN_FLIGHT = 16;
    static final String TOKEN_KEY = "bench-token-key-0123456789abcdef-0123456789";

    @Override
    public String name() {
        return "social";
    }

    @Override
    public void run(BenchContext ctx, BenchReport report) throws Exception {
        Map<Platform, FakeSocialPlatform> fakes = new EnumMap<>(Platform.class);
        for (Platform p : Platform.values()) {
            FakeSocialPlatform fake = new FakeSocialPlatform(Kind.valueOf(p.name()));
            fake.keepRequests(false);
            fake.latency(LATENCY);
            fakes.put(p, fake);
        }
        try {
            TokenCipher cipher = TokenCipher.withKey(TOKEN_KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            seed(ctx, fakes, cipher);
            long accounts = (long) PER_PLATFORM * Platform.values().length;
            int runs = ctx.runs();

            double[] unlimited = new double[runs];
            double[] cpuCores = new double[runs];
            double[] callThreadCores = new double[runs];
            try (ConfigurableApplicationContext app = start(ctx, fakes, 0)) {
                for (int r = 0; r < runs; r++) {
                    makeDue(ctx);
                    long cpu0 = processCpuNanos();
                    long callCpu0 = threadCpuNanos("social-call-");
                    unlimited[r] = BenchContext.seconds(() -> runJob(app));
                    cpuCores[r] = (processCpuNanos() - cpu0) / 1e9 / unlimited[r];
                    callThreadCores[r] = (threadCpuNanos("social-call-") - callCpu0) / 1e9 / unlimited[r];
                    check(ctx, accounts);
                }
            }
            report.add("social-unlimited", "socialSyncJob, no rate limit, 50 ms latency", accounts, unlimited, null,
                    String.format("%d in flight/platform", IN_FLIGHT));
            report.note(String.format("socialSyncJob without a limit: CPU %.2f cores for the whole JVM (job, PostgreSQL "
                            + "client, the four fakes), %.2f cores in the call threads; the floor set by concurrency is "
                            + "%d platforms x %d in flight / 50 ms = %,d requests/s. Runs: %s cores.",
                    median(cpuCores), median(callThreadCores), Platform.values().length, IN_FLIGHT,
                    Platform.values().length * IN_FLIGHT * 20, join(cpuCores)));

            // (b) 100 requests/s per platform: once (at 20,000 accounts a run lasts about 150 s: YouTube's 3 calls
            // per account).
            double[] limited = new double[1];
            Map<Platform, Double> fractions = new EnumMap<>(Platform.class);
            try (ConfigurableApplicationContext app = start(ctx, fakes, LIMITED_RATE)) {
                makeDue(ctx);
                fakes.values().forEach(FakeSocialPlatform::resetCounters);
                Instant started = Instant.now();
                long cpu0 = processCpuNanos();
                limited[0] = BenchContext.seconds(() -> runJob(app));
                report.note(String.format("socialSyncJob at %d requests/s: CPU %.2f cores for the whole JVM", LIMITED_RATE,
                        (processCpuNanos() - cpu0) / 1e9 / limited[0]));
                check(ctx, accounts);
                for (Platform p : Platform.values()) {
                    FakeSocialPlatform fake = fakes.get(p);
                    double seconds = fake.dataRequestSpan().toNanos() / 1e9;
                    fractions.put(p, fake.dataRequests() / seconds / LIMITED_RATE);
                    long worstSecond = fake.maxDataRequestsWithin(Duration.ofSeconds(1));
                    // Gaps of over 4 permit cycles: where the partition was not calling (writing a chunk, paging).
                    FakeSocialPlatform.Pauses pauses = fake.pausesLongerThan(Duration.ofMillis(4_000 / LIMITED_RATE));
                    report.note(String.format("  %s at %d requests/s: %,d requests in %.1f s = %.1f/s, %.1f%% of the limit; "
                                    + "busiest second %d requests; %d pauses over %d ms, %.1f s in all", p.dbValue(),
                            LIMITED_RATE, fake.dataRequests(), seconds, fake.dataRequests() / seconds, 100 * fractions.get(p),
                            worstSecond, pauses.count(), 4_000 / LIMITED_RATE, pauses.total().toMillis() / 1000.0));
                }
                report.note("socialSyncJob limited run started " + started);
            }
            report.add("social-limited", "socialSyncJob, 100 requests/s per platform", accounts, limited, "social-unlimited",
                    String.format("min %.1f%% of the limit", 100 * fractions.values().stream().mapToDouble(d -> d).min().orElse(0)));
        } finally {
            fakes.values().forEach(FakeSocialPlatform::close);
        }
    }

    private static String join(double[] values) {
        StringBuilder out = new StringBuilder();
        for (double v : values) {
            out.append(out.isEmpty() ? "" : " ").append(String.format("%.2f", v));
        }
        return out.toString();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** 20,000 influencers with one account each, tokens issued by the fakes, as a finished connect leaves them. */
    private static void seed(BenchContext ctx, Map<Platform, FakeSocialPlatform> fakes, TokenCipher cipher) {
        ctx.jdbi().useHandle(h -> h.execute("""
                DELETE FROM users WHERE email LIKE 'bench-social-%'"""));
        for (Platform p : Platform.values()) {
            ctx.jdbi().useTransaction(h -> {
                List<UUID> users = h.createQuery("""
                                INSERT INTO users (email, user_type)
                                SELECT 'bench-social-' || :platform || '-' || i || '@bench.example', 'influencer'
                                FROM generate_series(1, :n) i RETURNING id""")
                        .bind("platform", p.dbValue()).bind("n", PER_PLATFORM).mapTo(UUID.class).list();
                h.createUpdate("INSERT INTO influencer_profiles (user_id) SELECT unnest(CAST(:ids AS uuid[]))")
                        .bind("ids", users.toArray(UUID[]::new)).execute();
                PreparedBatch batch = h.prepareBatch("""
                        INSERT INTO social_accounts (user_id, platform, access_token_enc, refresh_token_enc, token_expires_at,
                                                     status, connected_at)
                        VALUES (:u, :p, :a, :r, :e, 'connected', now())""");
                for (int i = 0; i < users.size(); i++) {
                    UUID user = users.get(i);
                    Profile profile = new Profile(p.dbValue() + "-bench-" + i, p.dbValue() + "bench" + i, 5_000 + i, 100, 40,
                            2_000, 80_000);
                    FakeSocialPlatform.Tokens tokens = fakes.get(p).issueTokens(profile);
                    batch.bind("u", user).bind("p", p.dbValue())
                            .bind("a", cipher.encrypt(tokens.accessToken(), SocialAccountSync.aad(user, p, "access")))
                            .bind("r", cipher.encrypt(tokens.refreshToken(), SocialAccountSync.aad(user, p, "refresh")))
                            .bind("e", Instant.now().plus(Duration.ofDays(1)))
                            .add();
                }
                batch.execute();
            });
        }
        ctx.jdbi().useHandle(h -> h.execute("VACUUM ANALYZE social_accounts"));
    }

    private static void makeDue(BenchContext ctx) {
        ctx.jdbi().useHandle(h -> h.execute("""
                UPDATE social_accounts SET sync_attempted_at = 'epoch', last_synced_at = NULL, rate_limited_until = NULL
                WHERE user_id IN (SELECT id FROM users WHERE email LIKE 'bench-social-%')"""));
    }

    private static void check(BenchContext ctx, long expected) {
        long synced = ctx.jdbi().withHandle(h -> h.createQuery("""
                        SELECT count(*) FROM social_accounts a JOIN users u ON u.id = a.user_id
                        WHERE u.email LIKE 'bench-social-%' AND a.status = 'connected' AND a.last_synced_at IS NOT NULL""")
                .mapTo(Long.class).one());
        if (synced != expected) {
            throw new IllegalStateException("socialSyncJob synced " + synced + " of " + expected + " accounts");
        }
    }

    /** The application on the bench database with the four platforms at the fakes, {@code rate} requests/s each (0 = none). */
    private static ConfigurableApplicationContext start(BenchContext ctx, Map<Platform, FakeSocialPlatform> fakes, int rate) {
        Environment env = ctx.application().getEnvironment();
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + env.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + env.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + env.getProperty("spring.datasource.password", ""),
                "--spring.datasource.hikari.maximum-pool-size=12",
                "--ccp.scheduler.enabled=false", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--server.port=0", "--ccp.social.token-key=" + TOKEN_KEY));
        for (Platform p : Platform.values()) {
            String prefix = "--ccp.social." + p.dbValue() + ".";
            String url = fakes.get(p).baseUrl();
            args.addAll(List.of(prefix + "base-url=" + url, prefix + "oauth-base-url=" + url,
                    prefix + "client-id=" + FakeSocialPlatform.CLIENT_ID, prefix + "client-secret=" + FakeSocialPlatform.CLIENT_SECRET,
                    prefix + "limits.requests-per-second=" + rate, prefix + "limits.requests-per-window=0",
                    prefix + "limits.max-concurrent=" + IN_FLIGHT));
        }
        return new SpringApplicationBuilder(CcpApplication.class).run(args.toArray(String[]::new));
    }

    private static void runJob(ConfigurableApplicationContext app) throws Exception {
        JobOperator operator = BenchContext.synchronousJobOperator(app);
        Job job = app.getBean(SocialSyncJobConfiguration.JOB_NAME, Job.class);
        JobExecution execution = operator.start(job, new JobParametersBuilder()
                .addString("run", "bench-" + UUID.randomUUID()).toJobParameters());
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new IllegalStateException("socialSyncJob ended " + execution.getStatus() + ": " + execution.getAllFailureExceptions());
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long threadCpuNanos(String prefix) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (var info : threads.dumpAllThreads(false, false)) {
            if (info.getThreadName().startsWith(prefix)) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                total += Math.max(0, cpu);
            }
        }
        return total;
    }
}
