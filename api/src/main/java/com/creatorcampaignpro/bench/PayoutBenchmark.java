package com.creatorcampaignpro.bench;

import com.creatorcampaignpro.fakes.paypal.FakePayPal;
import com.creatorcampaignpro.fakes.stripe.FakeStripe;
import com.creatorcampaignpro.payment.PayPalClient;
import com.creatorcampaignpro.payment.PayPalPayouts;
import com.creatorcampaignpro.payment.PayPalProperties;
import com.creatorcampaignpro.payment.PaymentOutcomes;
import com.creatorcampaignpro.payment.PayoutCsvExport;
import com.creatorcampaignpro.payment.PayoutDao;
import com.creatorcampaignpro.payment.PayoutProperties;
import com.creatorcampaignpro.payment.PayoutSettlement;
import com.creatorcampaignpro.payment.SettlementDao;
import com.creatorcampaignpro.payment.StripeResponseHeaders;
import com.creatorcampaignpro.payment.StripeTransfers;
import com.stripe.StripeClient;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * payoutSettlementJob's four operations end to end against the provider fakes (in this JVM, with a
 * per-request latency), on {@code -Dccp.bench.payouts} approved content items (default 100,000; half
 * paid through Stripe, half through PayPal), then the finance CSV over {@code -Dccp.bench.csv-rows}
 * payments (default 1,000,000). The settlement is PayoutSettlement with the application's DAOs and
 * transaction manager, and its own adapters pointed at the fakes (the application's are configured
 * for real providers).
 */
final class PayoutBenchmark implements BenchCase {
    private static final String CAMPAIGNS = """
            INSERT INTO campaigns (marketer_id, name, status, budget, currency)
            SELECT :marketer, 'payout bench ' || n, 'active', 9000000000000, 'USD' FROM generate_series(1, :campaigns) n
            """;
    private static final String PAYEES = """
            INSERT INTO users (email, password_hash, user_type, first_name, last_name)
            SELECT 'payout-bench-' || n || '-' || :run || '@example.com', 'x', 'influencer', 'Payee', 'No ' || n
            FROM generate_series(1, :payees) n
            """;
    private static final String SETUP_PAYEES = """
            WITH p AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM users
                       WHERE email LIKE 'payout-bench-%-' || :run || '@example.com'),
            methods AS (
                INSERT INTO payment_methods (user_id, provider, stripe_account_id, paypal_email, status, is_default)
                SELECT id, CASE WHEN n % 2 = 0 THEN 'stripe' ELSE 'paypal' END,
                       CASE WHEN n % 2 = 0 THEN 'acct_bench' || :run || 'x' || n END,
                       CASE WHEN n % 2 = 1 THEN 'payee' || n || '-' || :run || '@example.com' END, 'active', TRUE FROM p),
            profiles AS (
                INSERT INTO payee_tax_profiles (user_id, country, form_on_file, withholding_rate)
                SELECT id, 'US', 'w9', 0.0500 FROM p)
            INSERT INTO content_rates (influencer_id, platform, content_type, rate_amount, currency)
            SELECT id, 'instagram', 'reel', 1000 + (n % 50) * 37, 'USD' FROM p
            """;
    private static final String CONTENT = """
            INSERT INTO content (campaign_id, influencer_id, platform, content_type, status, reviewed_at)
            SELECT c.id, u.id, 'instagram', 'reel', 'approved', now()
            FROM generate_series(1, :items) n
            JOIN LATERAL (SELECT id FROM campaigns WHERE name = 'payout bench ' || (1 + n % :campaigns)
                          AND marketer_id = :marketer) c ON TRUE
            JOIN LATERAL (SELECT id FROM users WHERE email = 'payout-bench-' || (1 + n % :payees) || '-' || :run
                          || '@example.com') u ON TRUE
            """;

    @Override
    public String name() {
        return "payouts";
    }

    @Override
    public void run(BenchContext ctx, BenchReport report) throws Exception {
        int items = Integer.getInteger("ccp.bench.payouts", 100_000);
        int csvRows = Integer.getInteger("ccp.bench.csv-rows", 1_000_000);
        Duration latency = Duration.ofMillis(Long.getLong("ccp.bench.provider-latency-ms", 5));
        int concurrency = Integer.getInteger("ccp.bench.stripe-concurrency", 16);
        String run = Long.toString(System.currentTimeMillis() % 1_000_000);
        int payees = Math.max(2, items / 10);
        int campaigns = Math.max(1, items / 1000);

        try (FakeStripe stripe = new FakeStripe(); FakePayPal paypal = new FakePayPal()) {
            stripe.setLatency(latency);
            paypal.setLatency(latency);
            stripe.setJournalKept(0);   // counts only: 100,000 requests' keys are not read
            paypal.setJournalKept(0);
            paypal.setAdvanceOnRead(false);
            for (int n = 2; n <= payees; n += 2) {
                stripe.registerConnectedAccount("acct_bench" + run + "x" + n);
            }
            drainExisting(ctx);
            double setup = BenchContext.seconds(() -> ctx.jdbi().useHandle(h -> {
                java.util.UUID marketer = h.createQuery("""
                        INSERT INTO users (email, password_hash, user_type) VALUES ('payout-bench-marketer-' || :run
                        || '@example.com', 'x', 'marketer') RETURNING id""").bind("run", run).mapTo(java.util.UUID.class).one();
                h.createUpdate(CAMPAIGNS).bind("marketer", marketer).bind("campaigns", campaigns).execute();
                h.createUpdate(PAYEES).bind("run", run).bind("payees", payees).execute();
                h.createUpdate(SETUP_PAYEES).bind("run", run).execute();
                h.createUpdate(CONTENT).bind("items", items).bind("campaigns", campaigns).bind("payees", payees)
                        .bind("run", run).bind("marketer", marketer).execute();
                h.execute("ANALYZE");
            }));
            System.out.printf("payouts: %,d approved content items, %,d payees, %,d campaigns set up in %.1f s%n",
                    items, payees, campaigns, setup);

            PayoutSettlement settlement = settlement(ctx, stripe, paypal, concurrency);
            TransactionTemplate tx = new TransactionTemplate(ctx.bean(PlatformTransactionManager.class));
            long[] count = new long[1];
            StepUsage usage = new StepUsage(ctx);
            double accrue = BenchContext.seconds(() -> {
                tx.executeWithoutResult(s -> settlement.prepareRun(null));
                while (true) {
                    var accrued = tx.execute(s -> settlement.accrueNext(null));
                    if (accrued == null || accrued.isEmpty()) {
                        break;
                    }
                    count[0] += accrued.get().pending() + accrued.get().held();
                }
            });
            report.add("payout-accrue", "settlement accrue (set-based, per 500 campaigns)", count[0], new double[]{accrue}, null,
                    "target >= 2,000/s; " + usage.next(count[0]));
            long accrued = count[0];
            count[0] = 0;
            double batch = BenchContext.seconds(() -> {
                while (true) {
                    var created = tx.execute(s -> settlement.batchNext(null, null, null, null));
                    if (created == null || created.isEmpty()) {
                        break;
                    }
                    count[0] += created.get().itemCount();
                }
            });
            report.add("payout-batch", "settlement batch (Stripe 1,000 / PayPal 15,000 per batch)", count[0],
                    new double[]{batch}, null, "target >= 2,000/s; " + usage.next(count[0]));
            long stripeItems = ctx.jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM payments WHERE status = 'batched' AND provider = 'stripe'").mapTo(Long.class).one());
            usage.next(0);
            double submit = BenchContext.seconds(settlement::submitAll);
            double bound = stripeItems * latency.toMillis() / 1000.0 / concurrency;
            report.add("payout-submit", "settlement submit (" + stripeItems + " Stripe transfers, PayPal payouts)", count[0],
                    new double[]{submit}, null, String.format("latency bound %.1f s (%d ms x transfers / %d in flight); %s",
                            bound, latency.toMillis(), concurrency, usage.next(count[0])));
            paypal.completeAll();
            usage.next(0);
            double reconcile = BenchContext.seconds(settlement::reconcileAll);
            report.add("payout-reconcile", "settlement reconcile (transfer lists, payout pages)", count[0],
                    new double[]{reconcile}, null, usage.next(count[0]));
            long paid = ctx.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM payments p JOIN content c ON c.id = p.content_id"
                    + " JOIN users u ON u.id = c.influencer_id WHERE u.email LIKE 'payout-bench-%-' || :run || '@example.com'"
                    + " AND p.status = 'paid'").bind("run", run).mapTo(Long.class).one());
            long duplicates = stripe.successfulTransfersByPayment().values().stream().filter(n -> n > 1).count()
                    + paypal.successfulItemsByPayment().values().stream().filter(n -> n > 1).count();
            report.note(String.format("payouts: %,d accrued, %,d paid, %,d paid twice (must be 0)", accrued, paid, duplicates));
            settlement.close();
        }
        csv(ctx, report, csvRows);
    }

    /**
     * What a step cost besides wall time, independent of the machine's load: the process's CPU time
     * and the commits PostgreSQL counted on the bench database (pg_stat_database.xact_commit, which
     * counts every autocommitted statement too), each per item. Backends report their counts when
     * idle, at most every 10 s (PostgreSQL 15's PGSTAT_IDLE_INTERVAL): each reading waits that out,
     * after the step's wall time was taken.
     */
    private static final class StepUsage {
        private final BenchContext ctx;
        private final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private long cpu;
        private long commits;

        StepUsage(BenchContext ctx) {
            this.ctx = ctx;
            this.commits = commits();
            this.cpu = os.getProcessCpuTime();
        }

        /** Since the previous call: "process CPU x s, y commits (z per item)"; items 0 just restarts the count. */
        String next(long items) {
            long cpuNow = os.getProcessCpuTime();
            long commitsNow = commits();
            String out = String.format("process CPU %.1f s (%.0f us/item), %,d commits (%.2f per item)",
                    (cpuNow - cpu) / 1e9, items == 0 ? 0 : (cpuNow - cpu) / 1e3 / items, commitsNow - commits,
                    items == 0 ? 0 : (double) (commitsNow - commits) / items);
            cpu = os.getProcessCpuTime();
            commits = commitsNow;
            return out;
        }

        private long commits() {
            try {
                Thread.sleep(11_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ctx.jdbi().withHandle(h -> h.createQuery(
                    "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()").mapTo(Long.class).one());
        }
    }

    /**
     * Demo content already due would be settled too: it gets a held zero payment first (content and
     * metrics untouched, so the other cases still see the same data), and the timed run measures only
     * its own items.
     */
    private static void drainExisting(BenchContext ctx) {
        ctx.jdbi().useHandle(h -> h.execute("""
                INSERT INTO payments (content_id, campaign_id, influencer_id, amount, net_amount, currency, status, hold_reason)
                SELECT c.id, c.campaign_id, c.influencer_id, 0, 0, k.currency, 'held', 'excluded from the payout benchmark'
                FROM content c JOIN campaigns k ON k.id = c.campaign_id
                WHERE c.status IN ('approved', 'published')
                  AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.content_id = c.id)
                ON CONFLICT (content_id) DO NOTHING"""));
    }

    private static PayoutSettlement settlement(BenchContext ctx, FakeStripe stripe, FakePayPal paypal, int concurrency) {
        StripeClient client = StripeClient.builder().setApiKey(FakeStripe.SECRET_KEY).setApiBase(stripe.apiBase())
                .setMaxNetworkRetries(2).setHttpClient(new StripeResponseHeaders()).build();
        PayPalProperties paypalProperties = new PayPalProperties(paypal.baseUrl(), FakePayPal.CLIENT_ID, FakePayPal.CLIENT_SECRET,
                FakePayPal.WEBHOOK_ID, "payout", 1000, Duration.ofSeconds(5), Duration.ofSeconds(120), Duration.ofSeconds(60));
        Dispatcher dispatcher = new Dispatcher();
        OkHttpClient http = new OkHttpClient.Builder().dispatcher(dispatcher).connectionPool(new ConnectionPool(8, 1, TimeUnit.MINUTES))
                .readTimeout(Duration.ofSeconds(120)).retryOnConnectionFailure(false).build();
        PayoutProperties properties = new PayoutProperties(new BigDecimal("0.10"), true, new BigDecimal("0.24"), Long.MAX_VALUE,
                1000, 15_000, concurrency, 3, 4, Duration.ofMillis(50), Duration.ofSeconds(2), 500, 100);
        // The job's PayoutSettlement bean writes through the transaction manager too (without notifications here).
        return new PayoutSettlement(ctx.bean(SettlementDao.class), ctx.bean(PayoutDao.class),
                List.of(new StripeTransfers(client), new PayPalPayouts(new PayPalClient(paypalProperties, http,
                        JsonMapper.builder().build(), Clock.systemUTC()), paypalProperties)), properties,
                new TransactionTemplate(ctx.bean(PlatformTransactionManager.class)), PaymentOutcomes.NONE);
    }

    /** The finance CSV over {@code rows} payments (made up here when fewer exist): seconds and peak heap. */
    private static void csv(BenchContext ctx, BenchReport report, int rows) throws Exception {
        long existing = ctx.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM payments").mapTo(Long.class).one());
        if (existing < rows) {
            long missing = rows - existing;
            double made = BenchContext.seconds(() -> ctx.jdbi().useHandle(h -> {
                h.execute("""
                        CREATE TEMP TABLE bench_csv AS
                        SELECT gen_random_uuid() AS content_id, c.campaign_id, c.influencer_id
                        FROM generate_series(1, ?) n
                        CROSS JOIN LATERAL (SELECT campaign_id, influencer_id FROM content LIMIT 1) c""", missing);
                h.execute("""
                        INSERT INTO content (id, campaign_id, influencer_id, platform, content_type, status, reviewed_at)
                        SELECT content_id, campaign_id, influencer_id, 'instagram', 'reel', 'rejected', now() FROM bench_csv""");
                h.execute("""
                        INSERT INTO payments (content_id, campaign_id, influencer_id, amount, fee_amount, tax_amount, net_amount,
                                              currency, status, provider)
                        SELECT content_id, campaign_id, influencer_id, 1234, 123, 0, 1111, 'USD', 'paid', 'paypal' FROM bench_csv""");
                h.execute("DROP TABLE bench_csv");
                h.execute("ANALYZE payments");
            }));
            System.out.printf("csv: %,d payments made up in %.1f s%n", missing, made);
        }
        PayoutCsvExport export = ctx.bean(PayoutCsvExport.class);
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long[] written = new long[2];
        // CPU time of the exporting thread (what our per-row code costs, whatever the load) beside wall time.
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        double seconds = BenchContext.seconds(() -> written[0] = export.write(
                PayoutCsvExport.Filter.of(null, null, null, null, null), new OutputStream() {
                    @Override
                    public void write(int b) {
                        written[1]++;
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        written[1] += len;
                    }
                }));
        double cpu = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        report.add("payout-csv", "finance payouts.csv (cursor, Commons CSV)", written[0], new double[]{seconds}, null,
                String.format("%,d MB written; export thread CPU %.2f s, %,d bytes allocated per row; heap peak %,d MB"
                                + " (%,d MB before; -Xmx %,d MB); target < 10 s, < 256 MB", written[1] >> 20, cpu,
                        written[0] == 0 ? 0 : allocated / written[0], peak >> 20, before >> 20,
                        Runtime.getRuntime().maxMemory() >> 20));
    }
}
