package com.creatorcampaignpro.metrics;

import org.jdbi.v3.core.Jdbi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The metrics DAOs, on the application's Spring-transaction-aware Jdbi. */
@Configuration(proxyBeanMethods = false)
public class MetricsDataConfiguration {

    @Bean
    MetricsRollupDao metricsRollupDao(Jdbi jdbi) {
        return jdbi.onDemand(MetricsRollupDao.class);
    }

    @Bean
    CampaignMetricsDao campaignMetricsDao(Jdbi jdbi) {
        return jdbi.onDemand(CampaignMetricsDao.class);
    }
}
