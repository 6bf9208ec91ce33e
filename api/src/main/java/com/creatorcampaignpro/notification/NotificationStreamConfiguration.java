package com.creatorcampaignpro.notification;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationStreamConfiguration {

    /** LISTEN needs a connection of its own for as long as the instance runs, outside the pool. */
    @Bean
    NotificationHub notificationHub(NotificationDao dao, NotificationProperties properties,
                                    DataSourceProperties dataSource, JsonMapper json) {
        return new NotificationHub(dao, properties, dataSource.determineUrl(), dataSource.determineUsername(),
                dataSource.determinePassword(), json);
    }
}
