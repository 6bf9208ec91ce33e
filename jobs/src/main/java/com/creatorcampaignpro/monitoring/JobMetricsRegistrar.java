package com.creatorcampaignpro.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/** Adds {@link JobMetrics} to every Spring Batch job bean as it is created. */
final class JobMetricsRegistrar implements BeanPostProcessor {
    private final ObjectProvider<MeterRegistry> meters;

    JobMetricsRegistrar(ObjectProvider<MeterRegistry> meters) {
        this.meters = meters;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractJob job) {
            MeterRegistry registry = meters.getIfAvailable();
            if (registry != null) {
                job.registerJobExecutionListener(new JobMetrics(registry, job.getName()));
            }
        }
        return bean;
    }
}
