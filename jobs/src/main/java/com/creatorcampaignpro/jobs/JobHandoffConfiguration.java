package com.creatorcampaignpro.jobs;

import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** Instance roles: launches from API-only instances are handed to a scheduler instance. */
@Configuration(proxyBeanMethods = false)
public class JobHandoffConfiguration {

    @Bean
    JobHandoff jobHandoff(JobHandoffDao jobHandoffDao, Scheduler scheduler, JobNode node,
                          @Value("${ccp.jobs.handoff-timeout:30s}") Duration timeout) {
        return new JobHandoff(jobHandoffDao, scheduler, node, timeout);
    }
}
