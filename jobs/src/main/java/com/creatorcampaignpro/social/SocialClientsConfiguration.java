package com.creatorcampaignpro.social;

import okhttp3.OkHttpClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** One OkHttp client shared by the platform adapters; a platform is wired only when it has credentials. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SocialProperties.class)
public class SocialClientsConfiguration {

    @Bean
    SocialPlatformClients socialPlatformClients(SocialProperties properties) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(properties.connectTimeout())
                .readTimeout(properties.readTimeout())
                .callTimeout(properties.readTimeout().plus(properties.connectTimeout()))
                .followRedirects(false)   // a redirect would resend the bearer token elsewhere
                .build();
        JsonMapper json = JsonMapper.builder().build();
        List<SocialPlatformClient> clients = new ArrayList<>();
        add(clients, properties.instagram(), Platform.INSTAGRAM, http, json, properties, InstagramGraphClient::new);
        add(clients, properties.youtube(), Platform.YOUTUBE, http, json, properties, YouTubeClient::new);
        add(clients, properties.tiktok(), Platform.TIKTOK, http, json, properties, TikTokClient::new);
        add(clients, properties.twitter(), Platform.TWITTER, http, json, properties, XClient::new);
        return new SocialPlatformClients(clients);
    }

    private static void add(List<SocialPlatformClient> clients, SocialProperties.Provider config, Platform platform,
                            OkHttpClient http, JsonMapper json, SocialProperties properties,
                            BiFunction<ProviderHttp, SocialProperties.Provider, SocialPlatformClient> factory) {
        if (config != null && config.configured()) {
            clients.add(factory.apply(new ProviderHttp(platform, http, json, properties.defaultRetryAfter()), config));
        }
    }

    /** For tests and tools outside Spring: the same wiring. */
    public static SocialPlatformClient create(Platform platform, SocialProperties.Provider config, OkHttpClient http,
                                              java.time.Duration defaultRetryAfter) {
        ProviderHttp providerHttp = new ProviderHttp(platform, http, JsonMapper.builder().build(), defaultRetryAfter);
        return switch (platform) {
            case INSTAGRAM -> new InstagramGraphClient(providerHttp, config);
            case YOUTUBE -> new YouTubeClient(providerHttp, config);
            case TIKTOK -> new TikTokClient(providerHttp, config);
            case TWITTER -> new XClient(providerHttp, config);
        };
    }
}
