package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.db.testing.PostgresExtension;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The submit step's statements read a batch linearly even when the planner knows nothing of it.
 *
 * <p>The situation of every real run: earlier batches are paid and analyzed, then a new batch is
 * made, so its id, its "batched" payments and "prepared" attempts are each estimated at one row. A
 * plan that puts a scan by batch on the inner side of a nested loop then reads the batch once per row
 * (N^2 rows: 28 s per statement for a 10,000-item PayPal payout). Each statement here runs under
 * EXPLAIN ANALYZE (rolled back), and no plan node may read more rows, over all its loops, than a small
 * multiple of the table: a quadratic plan reads {@value #ITEMS}^2.
 */
@ExtendWith(PostgresExtension.class)
class PayoutStatementPlansIntegrationTests {
    private static final int ITEMS = 2000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Jdbi jdbi;
    private UUID freshBatch;
    private long payments;

    PayoutStatementPlansIntegrationTests(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @BeforeEach
    void twoPaidBatchesAnalyzedThenANewOne() {
        jdbi.useHandle(h -> {
            UUID marketer = h.createQuery("INSERT INTO users (email, password_hash, user_type) VALUES"
                    + " ('plans-marketer@example.com', 'x', 'marketer') RETURNING id").mapTo(UUID.class).one();
            UUID campaign = h.createQuery("INSERT INTO campaigns (marketer_id, name, status, budget, currency)"
                    + " VALUES (?, 'Plans', 'active', 9000000000000, 'USD') RETURNING id").bind(0, marketer)
                    .mapTo(UUID.class).one();
            h.execute("""
                    INSERT INTO users (email, password_hash, user_type)
                    SELECT 'plans-payee-' || n || '@example.com', 'x', 'influencer' FROM generate_series(1, 200) n""");
            h.execute("""
                    WITH p AS (SELECT id FROM users WHERE email LIKE 'plans-payee-%'),
                    methods AS (
                        INSERT INTO payment_methods (user_id, provider, paypal_email, status, is_default)
                        SELECT id, 'paypal', 'paypal-' || id || '@example.com', 'active', TRUE FROM p),
                    profiles AS (
                        INSERT INTO payee_tax_profiles (user_id, country, form_on_file, withholding_rate)
                        SELECT id, 'US', 'w9', 0 FROM p)
                    INSERT INTO content_rates (influencer_id, platform, content_type, rate_amount, currency)
                    SELECT id, 'instagram', 'reel', 1500, 'USD' FROM p""");
            h.createUpdate("""
                    INSERT INTO content (campaign_id, influencer_id, platform, content_type, status, reviewed_at)
                    SELECT :campaign, u.id, 'instagram', 'reel', 'approved', now()
                    FROM generate_series(1, :items) n
                    JOIN LATERAL (SELECT id FROM users WHERE email = 'plans-payee-' || (1 + n % 200) || '@example.com') u ON TRUE
                    """).bind("campaign", campaign).bind("items", 3 * ITEMS).execute();
        });
        jdbi.useTransaction(h -> {
            SettlementDao settlement = h.attach(SettlementDao.class);
            List<UUID> locked = settlement.lockCampaignsWithDueContent(null, 10);
            settlement.accrue(locked.toArray(UUID[]::new), null, new BigDecimal("0.10"), false, BigDecimal.ZERO);
        });
        for (int paid = 0; paid < 2; paid++) {
            UUID batch = batch();
            PayoutDao payouts = jdbi.onDemand(PayoutDao.class);
            payouts.prepareAttempts(batch);
            payouts.markBatchSent(batch);
            payouts.recordBatch(batch, "paypal", "accepted", null, "SUCCESS", null);
            jdbi.useHandle(h -> {
                h.execute("UPDATE payments SET status = 'paid', paid_at = now() WHERE payout_batch_id = ?", batch);
                h.execute("UPDATE payment_attempts SET outcome = 'paid' WHERE payout_batch_id = ?", batch);
            });
        }
        jdbi.useHandle(h -> h.execute("ANALYZE"));
        freshBatch = batch();
        payments = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM payments").mapTo(Long.class).one());
        assertThat(payments).isGreaterThanOrEqualTo(3L * ITEMS);
    }

    private UUID batch() {
        return jdbi.inTransaction(h -> {
            SettlementDao settlement = h.attach(SettlementDao.class);
            settlement.lockPayeesOfNextBatch(null, "paypal", "USD", ITEMS);
            return settlement.createBatch(null, "paypal", "USD", ITEMS, Long.MAX_VALUE, null, null, null).orElseThrow().id();
        });
    }

    @Test
    void preparingMarkingAndRecordingTheNewBatchReadEachRowAFewTimesAtMost() {
        jdbi.useHandle(h -> {
            h.begin();
            try {
                linear(h, "insertAttempts", q -> q.bind("batchId", freshBatch));
                linear(h, "numberAttempts", q -> q.bind("batchId", freshBatch));
                UUID[] group = h.createQuery("SELECT payment_id FROM payment_attempts WHERE payout_batch_id = ?"
                        + " ORDER BY payment_id LIMIT 16").bind(0, freshBatch).mapTo(UUID.class).list().toArray(UUID[]::new);
                String[] accepted = new String[group.length];
                Arrays.fill(accepted, "accepted");
                String[] none = new String[group.length];
                String[] references = Arrays.stream(group).map(id -> "tr_" + id).toArray(String[]::new);
                linear(h, "markSent", q -> q.bind("batchId", freshBatch).bind("ids", group));
                linear(h, "record", q -> q.bind("batchId", freshBatch).bind("provider", "stripe").bind("ids", group)
                        .bind("outcomes", accepted).bind("references", references).bind("rawStatuses", none)
                        .bind("reasons", none));
                linear(h, "markBatchSent", q -> q.bind("batchId", freshBatch));
                linear(h, "recordBatch", q -> q.bind("batchId", freshBatch).bind("provider", "paypal")
                        .bind("outcome", "accepted").bind("reference", (String) null).bind("rawStatus", "PENDING")
                        .bind("reason", (String) null));
                assertThat(h.createQuery("SELECT count(*) FROM payments WHERE payout_batch_id = ? AND status = 'submitted'")
                        .bind(0, freshBatch).mapTo(Long.class).one()).isEqualTo(ITEMS);
            } finally {
                h.rollback();
            }
        });
    }

    /** Runs the DAO method's statement under EXPLAIN ANALYZE and checks every node's rows read. */
    private void linear(Handle h, String daoMethod, Consumer<Query> binds) {
        Query explain = h.createQuery("EXPLAIN (ANALYZE, FORMAT JSON) " + sql(daoMethod));
        binds.accept(explain);
        JsonNode plan = JSON.readTree(explain.mapTo(String.class).one()).get(0).get("Plan");
        long bound = 4 * payments;
        assertThat(maxRowsRead(plan)).as("most rows one plan node of %s read over all its loops (quadratic: %,d)\n%s",
                daoMethod, (long) ITEMS * ITEMS, plan).isLessThanOrEqualTo(bound);
    }

    private static long maxRowsRead(JsonNode node) {
        long loops = node.get("Actual Loops").asLong();
        long perLoop = node.get("Actual Rows").asLong() + count(node, "Rows Removed by Filter")
                + count(node, "Rows Removed by Join Filter") + count(node, "Rows Removed by Index Recheck");
        long max = perLoop * loops;
        if (node.has("Plans")) {
            for (JsonNode child : node.get("Plans")) {
                max = Math.max(max, maxRowsRead(child));
            }
        }
        return max;
    }

    private static long count(JsonNode node, String field) {
        return node.has(field) ? node.get(field).asLong() : 0;
    }

    private static String sql(String daoMethod) {
        Method method = Arrays.stream(PayoutDao.class.getMethods()).filter(m -> m.getName().equals(daoMethod))
                .filter(m -> m.isAnnotationPresent(SqlUpdate.class) || m.isAnnotationPresent(SqlQuery.class))
                .findFirst().orElseThrow(() -> new AssertionError("PayoutDao." + daoMethod + " is not a statement"));
        return method.isAnnotationPresent(SqlUpdate.class) ? method.getAnnotation(SqlUpdate.class).value()
                : method.getAnnotation(SqlQuery.class).value();
    }
}
