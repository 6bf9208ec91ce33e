package com.creatorcampaignpro.demo;

import com.creatorcampaignpro.db.JdbiFactory;
import com.creatorcampaignpro.db.local.DatabaseLocator;
import com.creatorcampaignpro.db.local.ResolvedDatabase;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * scripts/demo-data: fills a database with realistic synthetic data, deterministic for a seed.
 * Connects like the app (CCP_DB_URL, else the local PostgreSQL, else the embedded one under ./.ccp)
 * and migrates with Flyway first.
 *
 * <pre>
 * scripts/demo-data [--scale small|medium|large] [--seed N]
 *                   [--marketers N] [--influencers N] [--campaigns N] [--content N]
 * </pre>
 */
public final class DemoData {
    /** Every demo user's password (documented in the README); stored as one bcrypt hash. */
    public static final String DEMO_PASSWORD = "demo password 1";

    private DemoData() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: scripts/demo-data [--scale small|medium|large] [--seed N] "
                    + "[--marketers N] [--influencers N] [--campaigns N] [--content N]");
            System.exit(2);
            return;
        }
        try (DatabaseLocator locator = DatabaseLocator.forApp(Path.of(".ccp", "pgdata"))) {
            ResolvedDatabase database = locator.resolve();
            try (HikariDataSource dataSource = new HikariDataSource()) {
                dataSource.setJdbcUrl(database.jdbcUrl());
                dataSource.setUsername(database.username());
                dataSource.setPassword(database.password());
                dataSource.setMaximumPoolSize(2); // Flyway holds one connection for its lock, migrates on another
                System.out.println("Database: " + database.description());
                Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
                String hash = new BCryptPasswordEncoder(10).encode(DEMO_PASSWORD);
                DemoDataGenerator generator = new DemoDataGenerator(JdbiFactory.create(dataSource), options.seed(), hash);
                if (generator.alreadyPresent()) {
                    System.err.println("Demo data is already in this database: use a fresh database "
                            + "(e.g. CCP_DB_URL=jdbc:postgresql://127.0.0.1:5432/ccp_demo2).");
                    System.exit(3);
                }
                DemoDataGenerator.Summary summary = generator.generate(options.scale(), System.out::println);
                System.out.println(summary.describe());
            }
        }
    }

    record Options(DemoScale scale, long seed) {
        static Options parse(String[] args) {
            DemoScale scale = DemoScale.SMALL;
            long seed = 42;
            List<String[]> overrides = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + arg);
                }
                String value = args[++i];
                switch (arg) {
                    case "--scale" -> scale = DemoScale.named(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--marketers", "--influencers", "--campaigns", "--content" -> overrides.add(new String[]{arg, value});
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            for (String[] o : overrides) {
                int n = Integer.parseInt(o[1].replace("_", "").replace(",", ""));
                scale = switch (o[0]) {
                    case "--marketers" -> new DemoScale(n, scale.influencers(), scale.campaigns(), scale.content());
                    case "--influencers" -> new DemoScale(scale.marketers(), n, scale.campaigns(), scale.content());
                    case "--campaigns" -> new DemoScale(scale.marketers(), scale.influencers(), n, scale.content());
                    default -> new DemoScale(scale.marketers(), scale.influencers(), scale.campaigns(), n);
                };
            }
            return new Options(scale, seed);
        }
    }
}
