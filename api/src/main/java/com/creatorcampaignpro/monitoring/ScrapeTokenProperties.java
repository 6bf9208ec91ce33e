package com.creatorcampaignpro.monitoring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ccp.monitoring.scrape-token} (CCP_METRICS_SCRAPE_TOKEN): a static bearer token that lets a
 * Prometheus server read /actuator/prometheus, which a 15-minute user token could not. Unset: only
 * operators' and admins' access tokens can read it.
 */
@ConfigurationProperties("ccp.monitoring")
public record ScrapeTokenProperties(String scrapeToken) {
    static final int MIN_LENGTH = 32;

    public ScrapeTokenProperties {
        scrapeToken = scrapeToken == null || scrapeToken.isBlank() ? null : scrapeToken.strip();
        if (scrapeToken != null && scrapeToken.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("CCP_METRICS_SCRAPE_TOKEN must be at least " + MIN_LENGTH
                    + " characters (openssl rand -hex 32)");
        }
    }
}
