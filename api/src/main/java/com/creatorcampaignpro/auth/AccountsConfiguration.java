package com.creatorcampaignpro.auth;

import org.jdbi.v3.core.Jdbi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccountsConfiguration {

    @Bean
    EmailTokenDao emailTokenDao(Jdbi jdbi) {
        return jdbi.onDemand(EmailTokenDao.class);
    }
}
