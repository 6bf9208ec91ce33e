package com.creatorcampaignpro.bench;

import com.creatorcampaignpro.campaign.CampaignDao;
import com.creatorcampaignpro.db.JdbiFactory;
import com.creatorcampaignpro.platform.DataConfiguration;
import com.creatorcampaignpro.platform.SpringSqlObjects;
import com.zaxxer.hikari.HikariDataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code scripts/bench --only dao} (and a note of the HTTP case): one campaign looked up by primary
 * key on one thread, five ways, interleaved in rounds: plain JDBC (prepared, every column read), the
 * DAO through {@code Jdbi.onDemand}, the DAO as the application wires it ({@link SpringSqlObjects})
 * outside a transaction (a handle per call) and inside one (the transaction's handle), and the DAO
 * attached once to an open handle (the lower bound for JDBI). The Jdbi of the DAO ways is the
 * application's ({@code DataConfiguration.applicationJdbi}: on Spring's transactional connections).
 *
 * <p>Reports wall time and this thread's CPU time per call. The CPU time leaves out PostgreSQL's
 * work and the wait for it, which are the same for every way; it is the client-side cost the ways
 * differ in, and unlike wall time it holds up on a busy machine.
 */
final class DaoCallCost implements BenchCase {
    private static final int WARM_UP = 3_000;
    private static final int MEASURED = 5_000;
    private static final int ROUNDS = 3;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Microseconds per call: wall, and the calling thread's CPU. */
    record Cost(double wallMicros, double cpuMicros) {
    }

    @FunctionalInterface
    private interface Way {
        void call(int times);
    }

    @Override
    public String name() {
        return "dao";
    }

    @Override
    public void run(BenchContext context, BenchReport report) throws Exception {
        UUID campaignId = context.jdbi().withHandle(h -> h.createQuery("SELECT id FROM campaigns ORDER BY id LIMIT 1")
                .mapTo(UUID.class).one());
        report.text(render(measure(context, campaignId)));
    }

    static String render(Map<String, Cost> costs) {
        double jdbcCpu = costs.values().iterator().next().cpuMicros();
        StringBuilder out = new StringBuilder(String.format("| %-58s | %9s | %8s | %12s |%n", "one campaign by primary key, one thread",
                "wall us", "CPU us", "CPU vs JDBC"));
        out.append(String.format("|%s|%s|%s|%s|%n", "-".repeat(60), "-".repeat(11), "-".repeat(10), "-".repeat(14)));
        costs.forEach((way, cost) -> out.append(String.format("| %-58s | %9.0f | %8.0f | %11.1fx |%n", way,
                cost.wallMicros(), cost.cpuMicros(), cost.cpuMicros() / jdbcCpu)));
        return out.append(String.format("medians of %d interleaved rounds of %,d calls (after %,d to warm up)%n", ROUNDS,
                MEASURED, WARM_UP)).toString();
    }

    /** Per way, in the order above. */
    static Map<String, Cost> measure(BenchContext context, UUID campaignId) throws Exception {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(context.databaseUrl());
            pool.setUsername(context.user());
            pool.setPassword(context.password());
            pool.setMaximumPoolSize(3);
            Jdbi plain = JdbiFactory.create(pool);
            Jdbi asTheApplication = DataConfiguration.applicationJdbi(pool);
            CampaignDao onDemand = asTheApplication.onDemand(CampaignDao.class);
            CampaignDao wired = new SpringSqlObjects(asTheApplication).create(CampaignDao.class);
            TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(pool));
            Map<String, double[][]> rounds = new LinkedHashMap<>();
            try (Connection connection = pool.getConnection(); Handle handle = plain.open()) {
                CampaignDao attached = handle.attach(CampaignDao.class);
                Map<String, Way> ways = new LinkedHashMap<>();
                ways.put("plain JDBC, prepared, every column read", n -> repeat(n, () -> jdbc(connection, campaignId)));
                ways.put("Jdbi.onDemand DAO (the wiring before)", n -> repeat(n, () -> onDemand.find(campaignId).orElseThrow()));
                ways.put("wired DAO (SpringSqlObjects), no transaction", n -> repeat(n, () -> wired.find(campaignId).orElseThrow()));
                ways.put("wired DAO, calls inside one Spring transaction", n -> transaction.executeWithoutResult(
                        status -> repeat(n, () -> wired.find(campaignId).orElseThrow())));
                ways.put("DAO attached once to an open handle (JDBI's lower bound)",
                        n -> repeat(n, () -> attached.find(campaignId).orElseThrow()));
                for (int round = 0; round < ROUNDS; round++) {
                    for (Map.Entry<String, Way> way : ways.entrySet()) {
                        double[][] values = rounds.computeIfAbsent(way.getKey(), k -> new double[2][ROUNDS]);
                        Cost cost = time(way.getValue());
                        values[0][round] = cost.wallMicros();
                        values[1][round] = cost.cpuMicros();
                    }
                }
            }
            Map<String, Cost> medians = new LinkedHashMap<>();
            rounds.forEach((way, values) -> medians.put(way, new Cost(median(values[0]), median(values[1]))));
            return medians;
        }
    }

    private static void repeat(int times, Runnable call) {
        for (int i = 0; i < times; i++) {
            call.run();
        }
    }

    private static Cost time(Way way) {
        way.call(WARM_UP);
        long wall = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        way.call(MEASURED);
        return new Cost((System.nanoTime() - wall) / 1e3 / MEASURED,
                (THREADS.getCurrentThreadCpuTime() - cpu) / 1e3 / MEASURED);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static Object jdbc(Connection connection, UUID id) {
        try (PreparedStatement s = connection.prepareStatement("SELECT * FROM campaigns WHERE id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                Object[] row = new Object[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
