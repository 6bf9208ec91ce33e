package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.audit.AuditLogDao;
import com.creatorcampaignpro.monitoring.PaymentMetrics;
import com.creatorcampaignpro.notification.Notifications;
import com.stripe.StripeClient;
import okhttp3.OkHttpClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.List;

/** The payout providers (Stripe transfers, PayPal Payouts), the settlement DAOs and the settlement service. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PayoutProperties.class, PayPalProperties.class})
public class PayoutConfiguration {

    @Bean
    StripeTransfers stripeTransfers(StripeClient stripeClient) {
        return new StripeTransfers(stripeClient);
    }

    @Bean
    PayPalClient payPalClient(PayPalProperties properties) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(properties.connectTimeout())
                .readTimeout(properties.readTimeout())
                // A POST re-sent by OkHttp on its own would be a second payout request: we decide retries.
                .retryOnConnectionFailure(false)
                .build();
        return new PayPalClient(properties, http, JsonMapper.builder().build(), Clock.systemUTC());
    }

    @Bean
    PayPalPayouts payPalPayouts(PayPalClient client, PayPalProperties properties) {
        return new PayPalPayouts(client, properties);
    }

    @Bean
    PayPalWebhookVerifier payPalWebhookVerifier(PayPalClient client, PayPalProperties properties) {
        return new PayPalWebhookVerifier(client, properties);
    }

    @Bean
    PaymentOutcomes paymentOutcomes(Notifications notifications, PaymentMetrics paymentMetrics) {
        return new PaymentOutcomes(notifications, paymentMetrics);
    }

    @Bean
    PayoutSettlement payoutSettlement(SettlementDao settlementDao, PayoutDao payoutDao, List<PayoutProvider> providers,
                                      PayoutProperties properties, PlatformTransactionManager transactionManager,
                                      PaymentOutcomes paymentOutcomes) {
        return new PayoutSettlement(settlementDao, payoutDao, providers, properties,
                new TransactionTemplate(transactionManager), paymentOutcomes);
    }

    @Bean
    PendingStripeAccounts pendingStripeAccounts(PayoutDao payoutDao, PaymentMethodDao paymentMethodDao,
                                                PayoutAccounts payoutAccounts, AuditLogDao auditLogDao,
                                                PlatformTransactionManager transactionManager, PayoutProperties properties) {
        return new PendingStripeAccounts(payoutDao, paymentMethodDao, payoutAccounts, auditLogDao,
                new TransactionTemplate(transactionManager), properties.pendingAccountChecks());
    }
}
