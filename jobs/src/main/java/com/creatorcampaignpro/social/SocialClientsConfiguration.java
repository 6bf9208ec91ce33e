package com.creatorcampaignpro.social;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One OkHttp client shared by the platform adapters, one {@link PlatformGuard} (rate limit, retries,
 * bulkhead, circuit) per platform; a platform is wired only when it has credentials.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SocialProperties.class)
public class SocialClientsConfiguration {

    @Bean
    SocialCallStats socialCallStats() {
        return new SocialCallStats();
    }

    /** Meters go to the application's registry, else to Micrometer's global one (Boot feeds it too). */
    @Bean
    SocialPlatformClients socialPlatformClients(SocialProperties properties, ObjectProvider<MeterRegistry> meters,
                                                SocialCallStats socialCallStats) {
        OkHttpClient http = httpClient(properties.connectTimeout(), properties.readTimeout());
        MeterRegistry registry = meters.getIfAvailable(() -> Metrics.globalRegistry);
        List<SocialPlatformClient> clients = new ArrayList<>();
        for (Platform platform : Platform.values()) {
            SocialProperties.Provider config = switch (platform) {
                case INSTAGRAM -> properties.instagram();
                case YOUTUBE -> properties.youtube();
                case TIKTOK -> properties.tiktok();
                case TWITTER -> properties.twitter();
            };
            if (config != null && config.configured()) {
                clients.add(create(platform, config, http, properties.defaultRetryAfter(), registry, socialCallStats));
            }
        }
        return new SocialPlatformClients(clients);
    }

    /** The shared client: OkHttp's own per-host cap (5) would otherwise undercut the configured bulkheads. */
    public static OkHttpClient httpClient(Duration connectTimeout, Duration readTimeout) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(512);
        dispatcher.setMaxRequestsPerHost(256);
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES))
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .callTimeout(readTimeout.plus(connectTimeout))
                .followRedirects(false)   // a redirect would resend the bearer token elsewhere
                .build();
    }

    /** For tests, the benchmark and tools outside Spring: the same wiring. */
    public static SocialPlatformClient create(Platform platform, SocialProperties.Provider config, OkHttpClient http,
                                              Duration defaultRetryAfter, MeterRegistry meters, SocialCallStats stats) {
        ProviderHttp providerHttp = new ProviderHttp(platform, http, JsonMapper.builder().build(), defaultRetryAfter,
                new PlatformGuard(platform, config.limits(), meters, stats));
        return switch (platform) {
            case INSTAGRAM -> switch (config.login().toLowerCase(Locale.ROOT)) {
                case "instagram" -> new InstagramLoginClient(providerHttp, config);
                case "facebook" -> new InstagramGraphClient(providerHttp, config);
                default -> throw new IllegalStateException("ccp.social.instagram.login must be instagram or facebook, not "
                        + config.login());
            };
            case YOUTUBE -> new YouTubeClient(providerHttp, config);
            case TIKTOK -> new TikTokClient(providerHttp, config);
            case TWITTER -> new XClient(providerHttp, config);
        };
    }

    public static SocialPlatformClient create(Platform platform, SocialProperties.Provider config, OkHttpClient http,
                                              Duration defaultRetryAfter) {
        return create(platform, config, http, defaultRetryAfter, new SimpleMeterRegistry(), new SocialCallStats());
    }

    public static SocialPlatformClient create(Platform platform, SocialProperties.Provider config, OkHttpClient http,
                                              Duration defaultRetryAfter, MeterRegistry meters) {
        return create(platform, config, http, defaultRetryAfter, meters, new SocialCallStats());
    }
}
