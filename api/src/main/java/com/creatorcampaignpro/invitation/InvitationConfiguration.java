package com.creatorcampaignpro.invitation;

import org.jdbi.v3.core.Jdbi;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InvitationProperties.class)
class InvitationConfiguration {

    @Bean
    InvitationDao invitationDao(Jdbi jdbi) {
        return jdbi.onDemand(InvitationDao.class);
    }
}
