package com.creatorcampaignpro.user;

import org.jdbi.v3.core.Jdbi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class UserAccountConfiguration {

    @Bean
    UserAvatarDao userAvatarDao(Jdbi jdbi) {
        return jdbi.onDemand(UserAvatarDao.class);
    }
}
