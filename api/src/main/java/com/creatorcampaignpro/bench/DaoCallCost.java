package com.creatorcampaignpro.bench;

import com.creatorcampaignpro.campaign.CampaignDao;
import com.creatorcampaignpro.platform.SpringSqlObjects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One campaign looked up by primary key on one thread, four ways, interleaved in rounds: plain JDBC
 * (prepared), the DAO through {@code Jdbi.onDemand}, the DAO as the application builds it
 * ({@link SpringSqlObjects}, here outside a transaction: a handle per call), and the DAO attached
 * once to an open handle (the lower bound for JDBI).
 */
final class DaoCallCost {
    private static final int WARM_UP = 3_000;
    private static final int MEASURED = 5_000;
    private static final int ROUNDS = 3;

    private DaoCallCost() {
    }

    /** Microseconds per lookup (median of the rounds), by way. */
    static Map<String, Double> measure(Jdbi jdbi, UUID campaignId) throws Exception {
        CampaignDao onDemand = jdbi.onDemand(CampaignDao.class);
        CampaignDao built = new SpringSqlObjects(jdbi).create(CampaignDao.class);
        Map<String, double[]> rounds = new LinkedHashMap<>();
        try (Handle handle = jdbi.open()) {
            CampaignDao attached = handle.attach(CampaignDao.class);
            Connection connection = handle.getConnection();
            Map<String, Supplier<Object>> ways = new LinkedHashMap<>();
            ways.put("plain JDBC", () -> jdbc(connection, campaignId));
            ways.put("Jdbi.onDemand", () -> onDemand.find(campaignId).orElseThrow());
            ways.put("SpringSqlObjects (no transaction)", () -> built.find(campaignId).orElseThrow());
            ways.put("attached once to a handle", () -> attached.find(campaignId).orElseThrow());
            for (int round = 0; round < ROUNDS; round++) {
                for (Map.Entry<String, Supplier<Object>> way : ways.entrySet()) {
                    rounds.computeIfAbsent(way.getKey(), k -> new double[ROUNDS])[round] = micros(way.getValue());
                }
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        rounds.forEach((way, values) -> {
            double[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            medians.put(way, sorted[ROUNDS / 2]);
        });
        return medians;
    }

    private static double micros(Supplier<Object> call) {
        for (int i = 0; i < WARM_UP; i++) {
            call.get();
        }
        long started = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            call.get();
        }
        return (System.nanoTime() - started) / 1e3 / MEASURED;
    }

    private static Object jdbc(Connection connection, UUID id) {
        try (PreparedStatement s = connection.prepareStatement("SELECT * FROM campaigns WHERE id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString("name");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
