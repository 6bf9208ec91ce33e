package com.creatorcampaignpro.mail;

import org.jdbi.v3.core.Jdbi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean
    OutboundEmailDao outboundEmailDao(Jdbi jdbi) {
        return jdbi.onDemand(OutboundEmailDao.class);
    }
}
