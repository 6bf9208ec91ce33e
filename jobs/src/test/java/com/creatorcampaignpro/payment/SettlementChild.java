package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.db.JdbiFactory;
import com.creatorcampaignpro.fakes.paypal.FakePayPal;
import com.creatorcampaignpro.fakes.stripe.FakeStripe;
import com.stripe.StripeClient;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import okhttp3.OkHttpClient;
import org.jdbi.v3.core.Jdbi;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The crash test's victim: a separate JVM that settles against the parent's fakes with the very
 * code payoutSettlementJob's steps call (PayoutSettlement, its DAOs, the real adapters), each
 * accrue and batch unit in its own Spring transaction as in the steps. It starts in about a second,
 * where a whole platform instance takes a minute on this machine; the parent SIGKILLs it at random
 * points and recovers through the job.
 *
 * <p>Arguments: jdbcUrl user password stripeApiBase paypalBaseUrl.
 */
public final class SettlementChild {

    public static void main(String[] args) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setUsername(args[1]);
        config.setPassword(args.length > 2 && !args[2].equals("-") ? args[2] : "");
        config.setMaximumPoolSize(10);
        HikariDataSource dataSource = new HikariDataSource(config);
        Jdbi jdbi = JdbiFactory.create(new TransactionAwareDataSourceProxy(dataSource));
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

        StripeClient stripe = StripeClient.builder().setApiKey(FakeStripe.SECRET_KEY).setApiBase(args[3])
                .setMaxNetworkRetries(2).setHttpClient(new StripeResponseHeaders()).build();
        PayPalProperties paypal = new PayPalProperties(args[4], FakePayPal.CLIENT_ID, FakePayPal.CLIENT_SECRET,
                FakePayPal.WEBHOOK_ID, "payout", 1000, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(60));
        PayPalClient paypalClient = new PayPalClient(paypal, new OkHttpClient.Builder().retryOnConnectionFailure(false).build(),
                JsonMapper.builder().build(), Clock.systemUTC());
        PayoutProperties properties = new PayoutProperties(new BigDecimal("0.10"), true, new BigDecimal("0.24"), 1_000_000_000L,
                5, 15_000, 4, 3, 3, Duration.ofMillis(20), Duration.ofMillis(200), 500, 100);
        PayoutSettlement settlement = new PayoutSettlement(jdbi.onDemand(SettlementDao.class), jdbi.onDemand(PayoutDao.class),
                List.of(new StripeTransfers(stripe), new PayPalPayouts(paypalClient, paypal)), properties);

        System.out.println("child ready");
        System.out.flush();
        long start = System.nanoTime();
        tx.executeWithoutResult(s -> settlement.prepareRun(null));
        while (Boolean.TRUE.equals(tx.execute(s -> settlement.accrueNext(null).isPresent()))) {
            System.out.println("accrued");
        }
        while (Boolean.TRUE.equals(tx.execute(s -> settlement.batchNext(null, null, null, null).isPresent()))) {
            System.out.println("batched");
        }
        System.out.println("submitted " + settlement.submitAll());
        System.out.println("reconciled " + settlement.reconcileAll());
        settlement.close();
        dataSource.close();
        System.out.println("child done in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
}
