package com.creatorcampaignpro.admin;

import com.creatorcampaignpro.user.AccountDao;
import org.jdbi.v3.core.Jdbi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AdminConfiguration {

    @Bean
    AccountDao accountDao(Jdbi jdbi) {
        return jdbi.onDemand(AccountDao.class);
    }
}
