package com.creatorcampaignpro.content;

import org.jdbi.v3.core.Jdbi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ContentConfiguration {

    @Bean
    ContentDao contentDao(Jdbi jdbi) {
        return jdbi.onDemand(ContentDao.class);
    }
}
