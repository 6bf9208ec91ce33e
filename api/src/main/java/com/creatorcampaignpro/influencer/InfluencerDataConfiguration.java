package com.creatorcampaignpro.influencer;

import org.jdbi.v3.core.Jdbi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The influencer directory's DAOs (InfluencerProfileDao itself is a platform bean: registration uses it). */
@Configuration(proxyBeanMethods = false)
class InfluencerDataConfiguration {

    @Bean
    InfluencerSearchDao influencerSearchDao(Jdbi jdbi) {
        return jdbi.onDemand(InfluencerSearchDao.class);
    }

    @Bean
    ContentRateDao contentRateDao(Jdbi jdbi) {
        return jdbi.onDemand(ContentRateDao.class);
    }
}
