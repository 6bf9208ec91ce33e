package com.creatorcampaignpro.testing;

import com.creatorcampaignpro.fakes.paypal.FakePayPal;
import com.creatorcampaignpro.fakes.social.FakeSocialPlatform;
import com.creatorcampaignpro.fakes.social.FakeSocialPlatform.Kind;
import com.creatorcampaignpro.fakes.stripe.FakeStripe;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The API wired to local fakes of every third party it calls: the four social platforms, Stripe and PayPal.
 * One set of fakes per test JVM (so the Spring context is shared by every subclass); tests isolate
 * themselves with their own users and codes.
 */
public abstract class ProviderFakesIntegrationTest extends ApiIntegrationTest {
    protected static final FakeSocialPlatform INSTAGRAM = new FakeSocialPlatform(Kind.INSTAGRAM);
    protected static final FakeSocialPlatform YOUTUBE = new FakeSocialPlatform(Kind.YOUTUBE);
    protected static final FakeSocialPlatform TIKTOK = new FakeSocialPlatform(Kind.TIKTOK);
    protected static final FakeSocialPlatform TWITTER = new FakeSocialPlatform(Kind.TWITTER);
    protected static final FakeStripe STRIPE = new FakeStripe();
    protected static final FakePayPal PAYPAL = new FakePayPal();
    protected static final String TOKEN_KEY = "test-token-key-0123456789abcdef-0123456789";

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("ccp.social.token-key", () -> TOKEN_KEY);
        register(registry, "instagram", INSTAGRAM);
        registry.add("ccp.social.instagram.oauth-base-url", INSTAGRAM::baseUrl);   // Instagram Login's code exchange
        register(registry, "youtube", YOUTUBE);
        registry.add("ccp.social.youtube.oauth-base-url", YOUTUBE::baseUrl);
        register(registry, "tiktok", TIKTOK);
        register(registry, "twitter", TWITTER);
        registry.add("ccp.stripe.api-base", STRIPE::apiBase);
        registry.add("ccp.stripe.secret-key", () -> FakeStripe.SECRET_KEY);
        registry.add("ccp.stripe.max-network-retries", () -> "2");
        registry.add("ccp.paypal.base-url", PAYPAL::baseUrl);
        registry.add("ccp.paypal.client-id", () -> FakePayPal.CLIENT_ID);
        registry.add("ccp.paypal.client-secret", () -> FakePayPal.CLIENT_SECRET);
        registry.add("ccp.paypal.webhook-id", () -> FakePayPal.WEBHOOK_ID);
    }

    private static void register(DynamicPropertyRegistry registry, String platform, FakeSocialPlatform fake) {
        registry.add("ccp.social." + platform + ".base-url", fake::baseUrl);
        registry.add("ccp.social." + platform + ".client-id", () -> FakeSocialPlatform.CLIENT_ID);
        registry.add("ccp.social." + platform + ".client-secret", () -> FakeSocialPlatform.CLIENT_SECRET);
    }
}
