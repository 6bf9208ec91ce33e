package com.creatorcampaignpro.money;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MoneyProperties.class)
class MoneyConfiguration {
}
