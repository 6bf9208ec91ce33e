package com.creatorcampaignpro.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Meters of the jobs and of the providers they call (README, "Monitoring"). */
@Configuration(proxyBeanMethods = false)
public class JobsMonitoringConfiguration {

    /** Static: a BeanPostProcessor must not pull the registry (and its dependencies) in early. */
    @Bean
    static JobMetricsRegistrar jobMetricsRegistrar(ObjectProvider<MeterRegistry> meters) {
        return new JobMetricsRegistrar(meters);
    }

    // Without a registry (jobs' own tests run without actuator) the meters count into a private one.
    @Bean
    PaymentMetrics paymentMetrics(ObjectProvider<MeterRegistry> meters) {
        return new PaymentMetrics(meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    SocialApiMetrics socialApiMetrics(ObjectProvider<MeterRegistry> meters) {
        return SocialApiMetrics.of(meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}
