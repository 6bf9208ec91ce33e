package com.creatorcampaignpro.metrics;

import com.creatorcampaignpro.jobs.JobDefinition;
import com.creatorcampaignpro.jobs.JobExecutionLogger;
import com.creatorcampaignpro.jobs.JobParameterSpec;
import com.creatorcampaignpro.jobs.JobParameterType;
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
import java.util.List;

/**
 * metricsRollupJob: rolls content_metrics up into campaign_metrics and campaign_metrics_daily with
 * set-based SQL (see {@link MetricsRollupDao}). One tasklet step, one transaction.
 *
 * <p>Parameters: {@value #MODE} (non-identifying, optional: auto | full | incremental, default auto).
 * Schedules and operators launch it through JobOperations, which adds the identifying run key;
 * tests and the benchmark launch it directly with a unique {@value #RUN_AT}. No incrementer:
 * operators launch it with parameters (spring-batch#5005).
 */
@Configuration(proxyBeanMethods = false)
public class MetricsRollupJobConfiguration {
    public static final String JOB_NAME = "metricsRollupJob";
    public static final String RUN_AT = "runAt";
    public static final String MODE = "mode";
    /** Step execution context key: "full" or "incremental", what the run did. */
    public static final String MODE_USED = "rollup.mode";

    @Bean
    JobDefinition metricsRollupJobDefinition() {
        return new JobDefinition(JOB_NAME,
                "Rolls content metrics of published content up into campaign totals and today's daily snapshot",
                "campaign_metrics_changes, content, content_metrics", "campaign_metrics, campaign_metrics_daily",
                List.of(JobParameterSpec.optional(MODE, JobParameterType.STRING, "auto", false,
                        "auto (deltas, or a full recompute past ccp.metrics.full-rollup-threshold), full or incremental")));
    }

    @Bean
    Step metricsRollupStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           MetricsRollupDao metricsRollupDao, MetricsProperties metricsProperties) {
        return new StepBuilder("metricsRollupStep", jobRepository)
                .tasklet(new MetricsRollupTasklet(metricsRollupDao, metricsProperties, Clock.systemUTC()), transactionManager)
                .build();
    }

    @Bean
    Job metricsRollupJob(JobRepository jobRepository, Step metricsRollupStep, JobExecutionLogger jobExecutionLogger) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(jobExecutionLogger)
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
