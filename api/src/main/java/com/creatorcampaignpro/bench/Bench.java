package com.creatorcampaignpro.bench;

import com.creatorcampaignpro.CcpApplication;
import com.creatorcampaignpro.db.JdbiFactory;
import com.creatorcampaignpro.demo.DemoData;
import com.creatorcampaignpro.demo.DemoDataGenerator;
import com.creatorcampaignpro.demo.DemoScale;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * scripts/bench: fills a fresh database with demo data at a scale (or reuses it), starts the
 * application on it (any free port, no scheduler), runs the benchmark cases, prints the table.
 *
 * <pre>
 * scripts/bench [--scale small|medium|large] [--seed N] [--runs N] [--only NAME] [--reuse] [--duration S]
 * </pre>
 * {@code --duration} is the seconds of each load of the HTTP benchmark (default 10).
 * Database: CCP_BENCH_DB (default ccp_bench) on CCP_BENCH_SERVER_URL (default
 * jdbc:postgresql://127.0.0.1:5432/postgres, user CCP_BENCH_USER or postgres): dropped and recreated
 * unless --reuse finds demo data of the same seed in it.
 */
public final class Bench {

    /** Every case, in run order. Add new benchmarks here. */
    static final Map<String, Supplier<BenchCase>> CASES = new LinkedHashMap<>();

    static {
        CASES.put("rollup", RollupBenchmark::new);
        CASES.put("http", HttpBenchmark::new);
        CASES.put("payouts", PayoutBenchmark::new);
        CASES.put("social", SocialSyncBenchmark::new);
        CASES.put("ai", AiBenchmark::new);
        CASES.put("dao", DaoCallCost::new);
    }

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        DemoScale scale = DemoScale.LARGE;
        long seed = 42;
        int runs = 3;
        String only = null;
        boolean reuse = false;
        int duration = 10;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--scale" -> scale = DemoScale.named(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--only" -> only = args[++i];
                case "--reuse" -> reuse = true;
                case "--duration" -> duration = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: scripts/bench [--scale small|medium|large] [--seed N] [--runs N] "
                            + "[--only " + String.join("|", CASES.keySet()) + "] [--reuse] [--duration S]");
                    System.exit(2);
                }
            }
        }
        String serverUrl = env("CCP_BENCH_SERVER_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = env("CCP_BENCH_USER", "postgres");
        String password = env("CCP_BENCH_PASSWORD", "");
        String database = env("CCP_BENCH_DB", "ccp_bench");
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("CCP_BENCH_DB must be a plain lower-case name");
        }
        String url = serverUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");

        try (HikariDataSource dataSource = new HikariDataSource()) {
            boolean fresh = !reuse || !exists(serverUrl, user, password, database);
            if (fresh) {
                recreate(serverUrl, user, password, database);
            }
            dataSource.setJdbcUrl(url);
            dataSource.setUsername(user);
            dataSource.setPassword(password);
            dataSource.setMaximumPoolSize(2);
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            Jdbi jdbi = JdbiFactory.create(dataSource);
            DemoDataGenerator generator = new DemoDataGenerator(jdbi, seed,
                    new BCryptPasswordEncoder(10).encode(DemoData.DEMO_PASSWORD));
            if (!generator.alreadyPresent()) {
                System.out.println("Generating demo data at " + scale + " into " + database + "...");
                System.out.println(generator.generate(scale, System.out::println).describe());
            } else {
                System.out.println("Reusing the demo data in " + database);
            }

            BenchReport report = new BenchReport();
            // The HTTP benchmark starts the platform as its own process, the DAO one needs none; the
            // other cases use one in here.
            boolean inProcess = !"http".equals(only) && !"dao".equals(only);
            try (ConfigurableApplicationContext app = inProcess ? new SpringApplicationBuilder(CcpApplication.class)
                    // Command-line arguments: they win over config/application.yml. The security
                    // configuration needs the servlet stack, hence a server on any free port.
                    .run("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                            "--spring.datasource.password=" + password, "--ccp.scheduler.enabled=false",
                            "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--server.port=0",
                            // the ai case measures latency, not the per-user limit of 30 a minute
                            "--ccp.rate-limit.families.ai.per-user.requests=1000000") : null) {
                BenchContext context = new BenchContext(app, jdbi, runs, seed, url, user, password, duration);
                for (Map.Entry<String, Supplier<BenchCase>> entry : CASES.entrySet()) {
                    boolean selected = only == null ? !entry.getKey().equals("http") : only.equals(entry.getKey());
                    if (selected) {
                        System.out.println("Running " + entry.getKey() + " (" + runs + " runs each, medians)...");
                        entry.getValue().get().run(context, report);
                    }
                }
            }
            System.out.println();
            System.out.println(machine(jdbi));
            System.out.println(report.render());
        }
        System.exit(0); // Quartz and pool threads must not keep the JVM alive
    }

    private static String machine(Jdbi jdbi) {
        String version = jdbi.withHandle(h -> h.createQuery("SHOW server_version").mapTo(String.class).one());
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return String.format("Machine: %d CPUs, %.1f GiB RAM, load average %.2f, PostgreSQL %s, Java %s, %s",
                Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize() / (1024.0 * 1024 * 1024),
                os.getSystemLoadAverage(), version, System.getProperty("java.version"), Instant.now());
    }

    private static boolean exists(String serverUrl, String user, String password, String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl, user, password);
             var s = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            s.setString(1, database);
            return s.executeQuery().next();
        }
    }

    private static void recreate(String serverUrl, String user, String password, String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl, user, password); Statement s = c.createStatement()) {
            // DDL cannot take a bind parameter; the name was checked to be a plain identifier above.
            for (String sql : List.of("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)", "CREATE DATABASE " + database)) {
                s.execute(sql);
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
