package com.creatorcampaignpro.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP API against its floors: starts the platform jar as its own process on the bench database
 * (as in production: its own JVM, measured time to health UP and resident memory after the load),
 * logs in as the demo marketer with the most campaigns, then drives each endpoint with {@code wrk}
 * (N keep-alive connections, fixed duration) in interleaved rounds, with two floors measured in the
 * same rounds: the HTTP floor (the cheapest authenticated endpoint: JWT verified, no database) and
 * PostgreSQL's own figure for the endpoint's main statement ({@code pgbench}, prepared, 2 clients).
 *
 * <p>Environment: CCP_BENCH_APP_OPTS (JVM options of the platform process, e.g. a JFR recording or
 * -Dserver.tomcat.threads.max=N to try a setting), CCP_BENCH_JAR (default api/target/ccp.jar),
 * CCP_BENCH_HTTP_LOADS (a comma-separated subset of the loads, e.g. byId8,byId32). Needs {@code wrk} and {@code pgbench} on the PATH.
 */
final class HttpBenchmark implements BenchCase {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PASSWORD = com.creatorcampaignpro.demo.DemoData.DEMO_PASSWORD;

    /** wrk's per-run summary in one parsable line; a request script rotates through {@code paths}. */
    private static final String WRK_SCRIPT = """
            local paths = {PATHS}
            local i = 0
            request = function()
              i = i % #paths + 1
              return wrk.format(nil, paths[i])
            end
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("CCP_RESULT %d %d %d %d %d %d\\n", summary.requests, summary.duration,
                latency:percentile(50), latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout))
            end
            """;

    @Override
    public String name() {
        return "http";
    }

    /** One measured load: an HTTP endpoint through wrk, or a statement through pgbench. */
    private record Load(String id, String label, int connections, List<String> paths, String sql, String floorId,
                        String sqlId) {
        boolean http() {
            return sql == null;
        }
    }

    private record Sample(double perSecond, double p50Ms, double p99Ms) {
    }

    @Override
    public void run(BenchContext context, BenchReport report) throws Exception {
        // Where autovacuum is off (this machine's server), a reused database keeps its GIN indexes' pending
        // lists and dead rows from the data load: the combined search's statement ran at 490 tps instead of
        // 1,570. Vacuumed first, the figures are those of a database that autovacuum keeps, as in production.
        context.jdbi().useHandle(h -> h.execute("VACUUM ANALYZE"));
        Target target = Target.pick(context);
        int seconds = context.seconds();
        int port = freePort();
        Path workDir = Files.createTempDirectory("ccp-bench-http");
        Path appLog = workDir.resolve("platform.log");
        long started = System.nanoTime();
        Process platform = startPlatform(context, port, appLog);
        try {
            String base = "http://127.0.0.1:" + port;
            double startupSeconds = awaitHealthUp(base, platform, started, appLog);
            String token = login(base, target.email());
            List<String> byId = target.campaignIds().stream().map(id -> "/api/campaigns/" + id).toList();
            String combined = "/api/influencers?categories=travel&languages=pt&minFollowers=10000&maxFollowers=500000"
                    + "&contentType=reel&maxRate=50000&currency=USD";

            List<Load> loads = List.of(
                    new Load("floor", "HTTP floor: /actuator/health/liveness with a bearer token", 8,
                            List.of("/actuator/health/liveness"), null, null, null),
                    new Load("byId8", "GET /api/campaigns/{id}", 8, byId, null, "floor", "sqlById"),
                    new Load("byId32", "GET /api/campaigns/{id}", 32, byId, null, "floor", "sqlById"),
                    new Load("list", "GET /api/campaigns?limit=20", 8, List.of("/api/campaigns?limit=20"), null, "floor",
                            "sqlList"),
                    new Load("oneCategory", "GET /api/influencers?categories=fashion", 8,
                            List.of("/api/influencers?categories=fashion"), null, "floor", "sqlOneCategory"),
                    new Load("combined", "search travel + pt + 10k-500k followers + reel <= 500 USD", 8,
                            List.of(combined), null, "floor", "sqlCombined"),
                    new Load("sqlById", "pgbench: campaign by id and owner", 2, List.of(),
                            Sql.byId(target), null, null),
                    new Load("sqlList", "pgbench: 20 campaigns of a marketer", 2, List.of(), Sql.list(target), null, null),
                    new Load("sqlOneCategory", "pgbench: one-category search page", 2, List.of(),
                            Sql.oneCategory(), null, null),
                    new Load("sqlCombined", "pgbench: combined-filter search page", 2, List.of(), Sql.combined(), null,
                            null));

            String only = System.getenv("CCP_BENCH_HTTP_LOADS");
            if (only != null && !only.isBlank()) {
                // A subset (for quick experiments); the floors they are compared with always run.
                List<String> wanted = new ArrayList<>(Arrays.asList(only.split(",")));
                wanted.add("floor");
                loads.stream().filter(l -> wanted.contains(l.id())).map(Load::sqlId).forEach(wanted::add);
                loads = loads.stream().filter(l -> wanted.contains(l.id())).toList();
            }
            // Each load once, briefly, so JIT compilation and PostgreSQL's caches are warm for all.
            System.out.printf("Platform UP in %.1f s; warming up...%n", startupSeconds);
            for (Load load : loads) {
                measure(load, base, token, workDir, context, Math.max(2, seconds / 3));
            }
            Map<String, List<Sample>> samples = new LinkedHashMap<>();
            for (int round = 1; round <= context.runs(); round++) {
                System.out.printf("Round %d of %d (%d s per load, load average %.2f)%n", round, context.runs(), seconds,
                        loadAverage());
                for (Load load : loads) {
                    samples.computeIfAbsent(load.id(), k -> new ArrayList<>())
                            .add(measure(load, base, token, workDir, context, seconds));
                }
            }
            long rssKb = residentKb(platform.pid());
            report.text(render(loads, samples, target));
            report.text(DaoCallCost.render(DaoCallCost.measure(context, target.campaignIds().get(0))));
            double[] jwt = TokenVerificationCost.measure();
            report.note(String.format("access token verification on one thread (this JVM): %.1f us parsed and verified"
                    + " every time, %.2f us through the verified-token cache (claims still validated)", jwt[0], jwt[1]));
            report.note(String.format("platform: health UP %.1f s after the process started; resident memory after the load"
                    + " %,d MB (JVM options: %s)", startupSeconds, rssKb / 1024, appOptions().isEmpty() ? "none"
                    : String.join(" ", appOptions())));
            report.note(String.format("load: wrk, 2 threads, keep-alive, %d s per load and round, %d rounds interleaved;"
                    + " marketer %s with %d campaigns (GET by id rotates through them)", seconds, context.runs(),
                    target.email(), target.campaignIds().size()));
        } finally {
            platform.destroy();
            if (!platform.waitFor(30, TimeUnit.SECONDS)) {
                platform.destroyForcibly();
            }
        }
    }

    private static String render(List<Load> loads, Map<String, List<Sample>> samples, Target target) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("| %-58s | %5s | %8s | %7s | %7s | %-8s | %-9s |%n", "endpoint", "conns", "req/s", "p50 ms",
                "p99 ms", "vs floor", "vs SQL"));
        out.append(String.format("|%s|%s|%s|%s|%s|%s|%s|%n", "-".repeat(60), "-".repeat(7), "-".repeat(10), "-".repeat(9),
                "-".repeat(9), "-".repeat(10), "-".repeat(11)));
        for (Load load : loads) {
            List<Sample> own = samples.get(load.id());
            String vsFloor = load.floorId() == null ? "" : String.format("%.2f", medianRatio(own, samples.get(load.floorId())));
            String vsSql = load.sqlId() == null ? "" : String.format("%.3f", medianRatio(own, samples.get(load.sqlId())));
            out.append(String.format("| %-58s | %5d | %,8.0f | %7.2f | %7.2f | %-8s | %-9s |%n", load.label(),
                    load.connections(), median(own, Sample::perSecond), median(own, Sample::p50Ms),
                    median(own, Sample::p99Ms), vsFloor, vsSql));
        }
        out.append("req/s, p50 and p99 are medians over the rounds; a ratio is the median of the per-round ratios of req/s"
                + " (pgbench rows: transactions/s, latency average in the p50 column).\n");
        return out.toString();
    }

    private Sample measure(Load load, String base, String token, Path workDir, BenchContext context, int seconds)
            throws IOException, InterruptedException {
        return load.http() ? wrk(load, base, token, workDir, seconds) : pgbench(load, workDir, context, seconds);
    }

    private static Sample wrk(Load load, String base, String token, Path workDir, int seconds)
            throws IOException, InterruptedException {
        StringBuilder paths = new StringBuilder("{");
        for (String path : load.paths()) {
            paths.append(paths.length() > 1 ? ", " : "").append('"').append(path).append('"');
        }
        Path script = workDir.resolve(load.id() + ".lua");
        Files.writeString(script, WRK_SCRIPT.replace("{PATHS}", paths.append('}')));
        String output = exec(List.of("wrk", "-t2", "-c" + load.connections(), "-d" + seconds + "s", "--timeout", "10s",
                "-H", "Authorization: Bearer " + token, "-s", script.toString(), base));
        Matcher m = Pattern.compile("CCP_RESULT (\\d+) (\\d+) (\\d+) (\\d+) (\\d+) (\\d+)").matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("wrk gave no result for " + load.id() + ":\n" + output);
        }
        long requests = Long.parseLong(m.group(1));
        if (Long.parseLong(m.group(5)) > 0 || Long.parseLong(m.group(6)) > 0) {
            throw new IllegalStateException("errors while measuring " + load.id() + " (" + m.group(5) + " non-2xx, "
                    + m.group(6) + " socket errors of " + requests + ")");
        }
        return new Sample(requests / (Long.parseLong(m.group(2)) / 1e6), Long.parseLong(m.group(3)) / 1e3,
                Long.parseLong(m.group(4)) / 1e3);
    }

    private static Sample pgbench(Load load, Path workDir, BenchContext context, int seconds)
            throws IOException, InterruptedException {
        Path script = workDir.resolve(load.id() + ".sql");
        Files.writeString(script, load.sql().strip().replaceAll("\\s+", " ") + ";\n");
        URI url = URI.create(context.databaseUrl().substring("jdbc:".length()));
        String output = execRetryingBusyServer(List.of("pgbench", "-n", "-M", "prepared", "-c", "2", "-j", "2", "-T", String.valueOf(seconds),
                "-f", script.toString(), "-h", url.getHost(), "-p", String.valueOf(url.getPort() < 0 ? 5432 : url.getPort()),
                "-U", context.user(), url.getPath().substring(1)), Map.of("PGPASSWORD", context.password()));
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        Matcher latency = Pattern.compile("latency average = ([0-9.]+) ms").matcher(output);
        if (!tps.find() || !latency.find() || output.contains("failed: ") && !output.contains("failed: 0 ")) {
            throw new IllegalStateException("pgbench failed for " + load.id() + ":\n" + output);
        }
        double ms = Double.parseDouble(latency.group(1));
        return new Sample(Double.parseDouble(tps.group(1)), ms, Double.NaN);
    }

    /** A shared PostgreSQL may be out of connection slots for a moment: try again a few times. */
    private static String execRetryingBusyServer(List<String> command, Map<String, String> env)
            throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return exec(command, env);
            } catch (IllegalStateException e) {
                if (attempt == 5 || !e.getMessage().contains("too many clients")) {
                    throw e;
                }
                TimeUnit.SECONDS.sleep(2L * attempt);
            }
        }
    }

    private static String exec(List<String> command) throws IOException, InterruptedException {
        return exec(command, Map.of());
    }

    private static String exec(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command.get(0) + " exited with " + process.exitValue() + ":\n" + output);
        }
        return output;
    }

    private static List<String> appOptions() {
        String options = System.getenv("CCP_BENCH_APP_OPTS");
        return options == null || options.isBlank() ? List.of() : Arrays.asList(options.trim().split("\\s+"));
    }

    private static Process startPlatform(BenchContext context, int port, Path log) throws IOException {
        String jar = System.getenv().getOrDefault("CCP_BENCH_JAR", "api/target/ccp.jar");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(appOptions());
        command.addAll(List.of("-jar", jar, "--server.port=" + port, "--ccp.scheduler.enabled=false",
                "--spring.datasource.url=" + context.databaseUrl(), "--spring.datasource.username=" + context.user(),
                // The bench outlasts the default 15-minute access token.
                "--ccp.auth.access-token-ttl=3h", "--ccp.mail.sender-enabled=false",
                // One user and one address make every request: limits out of reach, but the
                // rate-limit filter still runs (its cost is part of each request's).
                "--ccp.rate-limit.per-user.requests=1000000000", "--ccp.rate-limit.per-address.requests=1000000000"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // The password travels in the environment, not on the command line (visible in ps). CCP_DB_URL
        // keeps the platform's own database lookup (and its start-up banner) on the bench database.
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", context.password());
        builder.environment().put("CCP_DB_URL", context.databaseUrl());
        return builder.start();
    }

    private static double awaitHealthUp(String base, Process platform, long started, Path log) throws Exception {
        HttpRequest health = HttpRequest.newBuilder(URI.create(base + "/actuator/health")).timeout(Duration.ofSeconds(2)).build();
        long deadline = started + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!platform.isAlive()) {
                throw new IllegalStateException("the platform exited during start-up; its log: " + log);
            }
            try {
                HttpResponse<String> response = CLIENT.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && JSON.readTree(response.body()).path("status").asString().equals("UP")) {
                    return (System.nanoTime() - started) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new IllegalStateException("the platform was not UP within 180 s; its log: " + log);
    }

    private static String login(String base, String email) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("email", email, "password", PASSWORD));
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode json = JSON.readTree(response.body());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login as " + email + " failed: " + response.statusCode() + " " + response.body());
        }
        return json.path("accessToken").asString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long residentKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static double median(List<Sample> samples, java.util.function.ToDoubleFunction<Sample> value) {
        double[] values = samples.stream().mapToDouble(value).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    /** Rounds interleave, so each pair of samples shared the machine's load of that moment. */
    private static double medianRatio(List<Sample> own, List<Sample> reference) {
        List<Sample> ratios = new ArrayList<>();
        for (int i = 0; i < own.size(); i++) {
            ratios.add(new Sample(own.get(i).perSecond() / reference.get(i).perSecond(), 0, 0));
        }
        return median(ratios, Sample::perSecond);
    }

    /** Who the bench logs in as: the demo marketer with the most campaigns, and those campaigns. */
    record Target(String email, UUID marketerId, List<UUID> campaignIds) {
        static Target pick(BenchContext context) {
            return context.jdbi().withHandle(h -> {
                Map<String, Object> row = h.createQuery("""
                        SELECT u.id, u.email FROM campaigns c JOIN users u ON u.id = c.marketer_id
                        GROUP BY u.id, u.email ORDER BY count(*) DESC, u.email LIMIT 1
                        """).mapToMap().one();
                UUID marketerId = (UUID) row.get("id");
                List<UUID> ids = h.createQuery("SELECT id FROM campaigns WHERE marketer_id = :m ORDER BY id LIMIT 100")
                        .bind("m", marketerId).mapTo(UUID.class).list();
                return new Target((String) row.get("email"), marketerId, ids);
            });
        }
    }

    /**
     * The endpoints' main statements (CampaignDao.findOwned and pageOwned, the search's page of
     * profiles) with the benchmark's values as literals: the SQL floor plans once and executes.
     */
    static final class Sql {
        private static final String SEARCH_PAGE = """
                SELECT p.* FROM influencer_profiles p JOIN users u ON u.id = p.user_id
                WHERE u.is_active AND %s
                ORDER BY p.total_followers DESC, p.user_id DESC LIMIT 21""";

        static String byId(Target target) {
            return "SELECT * FROM campaigns WHERE id = '%s' AND marketer_id = '%s'"
                    .formatted(target.campaignIds().get(0), target.marketerId());
        }

        static String list(Target target) {
            return "SELECT * FROM campaigns WHERE marketer_id = '%s' ORDER BY created_at DESC, id DESC LIMIT 21"
                    .formatted(target.marketerId());
        }

        static String oneCategory() {
            return SEARCH_PAGE.formatted("p.categories && '{fashion}'::text[]");
        }

        static String combined() {
            return SEARCH_PAGE.formatted("""
                    p.categories && '{travel}'::text[] AND p.languages && '{pt}'::text[]
                    AND p.total_followers >= 10000 AND p.total_followers <= 500000
                    AND EXISTS (SELECT 1 FROM content_rates r WHERE r.influencer_id = p.user_id
                                AND r.content_type = 'reel' AND r.currency = 'USD' AND r.rate_amount <= 50000)""");
        }
    }
}
