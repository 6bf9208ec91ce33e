package com.creatorcampaignpro.notification;

import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** The notifications outbox and the operators' execution events on every job. */
@Configuration(proxyBeanMethods = false)
public class NotificationsConfiguration {

    @Bean
    Notifications notifications(NotificationDao notificationDao) {
        return new Notifications(notificationDao);
    }

    /**
     * Static, and the service looked up lazily: a BeanPostProcessor must not create the DAO early.
     * Every job gets the execution events, and each of its top-level steps (beans or not) the step
     * events, once even when steps are shared between jobs.
     */
    @Bean
    static BeanPostProcessor executionNotifierRegistrar(ObjectProvider<Notifications> notifications) {
        Set<Step> withProgress = Collections.newSetFromMap(new IdentityHashMap<>());
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractJob job) {
                    job.registerJobExecutionListener(new ExecutionNotifier(notifications::getObject));
                    for (String name : job.getStepNames()) {
                        if (job.getStep(name) instanceof AbstractStep step) {
                            synchronized (withProgress) {
                                if (withProgress.add(step)) {
                                    step.registerStepExecutionListener(new StepProgressNotifier(notifications::getObject));
                                }
                            }
                        }
                    }
                }
                return bean;
            }
        };
    }
}
