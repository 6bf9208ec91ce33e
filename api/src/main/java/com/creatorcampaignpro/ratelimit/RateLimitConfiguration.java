package com.creatorcampaignpro.ratelimit;

import com.creatorcampaignpro.ratelimit.RateLimitProperties.Subject;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * API rate limits (README, "Rate limits"): Redis-backed when {@code ccp.redis.url} is set, so every
 * instance shares the buckets; in this instance's memory otherwise.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnProperty(name = "ccp.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
class RateLimitConfiguration {
    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    @Bean(destroyMethod = "close")
    BucketStore rateLimitBuckets(@Value("${ccp.redis.url:}") String redisUrl, RateLimitProperties properties) {
        if (redisUrl.isBlank()) {
            log.info("API rate limits are kept in this instance's memory (set ccp.redis.url to share them)");
            return new LocalBucketStore();
        }
        log.info("API rate limits are kept in Redis, shared by every instance");
        return new RedisBucketStore(redisUrl, properties.redisTimeout());
    }

    @Bean
    RateLimits rateLimits(RateLimitProperties properties, BucketStore rateLimitBuckets, MeterRegistry meters) {
        if (rateLimitBuckets instanceof LocalBucketStore local) {
            Gauge.builder("ccp.ratelimit.buckets", local, LocalBucketStore::size)
                    .description("rate-limit buckets held in this instance's memory").register(meters);
        }
        return new RateLimits(properties, rateLimitBuckets, meters);
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> clientAddressRateLimit(RateLimits rateLimits, JsonMapper json) {
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(rateLimits, Subject.ADDRESS, json));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> userRateLimit(RateLimits rateLimits, JsonMapper json) {
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(rateLimits, Subject.USER, json));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
