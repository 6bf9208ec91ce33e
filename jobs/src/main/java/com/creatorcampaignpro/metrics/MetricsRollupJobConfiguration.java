package com.creatorcampaignpro.metrics;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;

/**
 * metricsRollupJob: rolls content_metrics up into campaign_metrics and campaign_metrics_daily with
 * set-based SQL (see {@link MetricsRollupDao}). One tasklet step, one transaction.
 *
 * <p>Parameters: {@value #RUN_AT} (identifying, optional: the scheduled fire time, so a duplicate fire
 * is the same JobInstance and is refused, while a failed run restarts under it) and {@value #MODE}
 * (non-identifying, optional: auto | full | incremental, default auto). No incrementer: operators
 * launch it with parameters (spring-batch#5005).
 */
@Configuration(proxyBeanMethods = false)
public class MetricsRollupJobConfiguration {
    public static final String JOB_NAME = "metricsRollupJob";
    public static final String RUN_AT = "runAt";
    public static final String MODE = "mode";
    /** Step execution context key: "full" or "incremental", what the run did. */
    public static final String MODE_USED = "rollup.mode";

    @Bean
    Step metricsRollupStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           MetricsRollupDao metricsRollupDao, MetricsProperties metricsProperties) {
        return new StepBuilder("metricsRollupStep", jobRepository)
                .tasklet(new MetricsRollupTasklet(metricsRollupDao, metricsProperties, Clock.systemUTC()), transactionManager)
                .build();
    }

    @Bean
    Job metricsRollupJob(JobRepository jobRepository, Step metricsRollupStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(modeValidator())
                .start(metricsRollupStep)
                .build();
    }

    private static JobParametersValidator modeValidator() {
        return parameters -> {
            String mode = parameters.getString(MODE);
            if (RollupMode.parse(mode).isEmpty()) {
                throw new InvalidJobParametersException("mode must be auto, full or incremental, not '" + mode + "'");
            }
        };
    }
}
