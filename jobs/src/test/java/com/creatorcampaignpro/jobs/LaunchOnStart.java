package com.creatorcampaignpro.jobs;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Test-only: makes a child instance start a job by itself, so a test can kill it mid-run. */
@Component
@ConditionalOnProperty("ccp.test.launch-on-start")
class LaunchOnStart implements ApplicationRunner {
    private final JobOperations operations;
    private final String job;

    LaunchOnStart(JobOperations operations, @Value("${ccp.test.launch-on-start}") String job) {
        this.operations = operations;
        this.job = job;
    }

    @Override
    public void run(ApplicationArguments args) {
        operations.launch(job, Map.of());
    }
}
