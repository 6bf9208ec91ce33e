package com.creatorcampaignpro.jobs.testing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.TestComponent;

/**
 * The jobs module on its own: everything a job needs (data, adapters, job platform, the jobs) and no
 * web. Tests start it through {@link JobsIntegrationTest}; {@link #main} runs it as a child process
 * (a worker instance without the api module) for crash tests. A {@link TestComponent}, so the api's
 * tests, which see this class through the jobs test-jar, never pick it up in their component scan.
 */
@SpringBootApplication(scanBasePackages = "com.creatorcampaignpro")
@ConfigurationPropertiesScan("com.creatorcampaignpro")
@TestComponent
public class JobsTestApplication {

    public static void main(String[] args) {
        SpringApplication.run(JobsTestApplication.class, args);
    }
}
