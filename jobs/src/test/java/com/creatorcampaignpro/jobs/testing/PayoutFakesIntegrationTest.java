package com.creatorcampaignpro.jobs.testing;

import com.creatorcampaignpro.fakes.paypal.FakePayPal;
import com.creatorcampaignpro.fakes.stripe.FakeStripe;
import com.creatorcampaignpro.jobs.JobOperations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * The jobs module wired to the Stripe and PayPal fakes (no HTTP API): payoutSettlementJob's tests.
 * One pair of fakes per test JVM, so every subclass shares the Spring context; tests isolate
 * themselves with their own campaigns and payees.
 */
public abstract class PayoutFakesIntegrationTest extends JobsIntegrationTest {
    protected static final FakeStripe STRIPE = new FakeStripe();
    protected static final FakePayPal PAYPAL = new FakePayPal();

    @Autowired
    protected JobOperations operations;

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("ccp.stripe.api-base", STRIPE::apiBase);
        registry.add("ccp.stripe.secret-key", () -> FakeStripe.SECRET_KEY);
        registry.add("ccp.stripe.max-network-retries", () -> "2");
        registry.add("ccp.paypal.base-url", PAYPAL::baseUrl);
        registry.add("ccp.paypal.client-id", () -> FakePayPal.CLIENT_ID);
        registry.add("ccp.paypal.client-secret", () -> FakePayPal.CLIENT_SECRET);
        registry.add("ccp.paypal.webhook-id", () -> FakePayPal.WEBHOOK_ID);
    }

    /** One run of payoutSettlementJob as operators launch it; its final status. */
    protected String runSettlement(Duration atMost) {
        long id = operations.launch("payoutSettlementJob", Map.of()).getId();
        await().atMost(atMost).until(() -> operations.find(id).status(),
                s -> !s.equals("STARTING") && !s.equals("STARTED") && !s.equals("STOPPING"));
        return operations.find(id).status();
    }
}
