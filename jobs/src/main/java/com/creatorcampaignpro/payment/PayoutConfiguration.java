package com.creatorcampaignpro.payment;

import com.stripe.StripeClient;
import okhttp3.OkHttpClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
    PayoutSettlement payoutSettlement(SettlementDao settlementDao, PayoutDao payoutDao, List<PayoutProvider> providers,
                                      PayoutProperties properties) {
        return new PayoutSettlement(settlementDao, payoutDao, providers, properties);
    }
}
