package com.creatorcampaignpro.notification;

import org.springframework.batch.core.job.AbstractJob;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The notifications outbox and the operators' execution events on every job. */
@Configuration(proxyBeanMethods = false)
public class NotificationsConfiguration {

    @Bean
    Notifications notifications(NotificationDao notificationDao) {
        return new Notifications(notificationDao);
    }

    /** Static, and the service looked up lazily: a BeanPostProcessor must not create the DAO early. */
    @Bean
    static BeanPostProcessor executionNotifierRegistrar(ObjectProvider<Notifications> notifications) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractJob job) {
                    job.registerJobExecutionListener(new ExecutionNotifier(notifications::getObject));
                }
                return bean;
            }
        };
    }
}
