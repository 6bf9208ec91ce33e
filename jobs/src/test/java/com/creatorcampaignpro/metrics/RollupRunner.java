package com.creatorcampaignpro.metrics;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Launches metricsRollupJob through Spring Batch's JobOperator and waits for its end (sync or async launcher). */
public record RollupRunner(JobOperator jobOperator, JobRepository jobRepository, Job metricsRollupJob) {

    public static JobParameters parameters(String mode) {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addString(MetricsRollupJobConfiguration.RUN_AT, "test-" + UUID.randomUUID());
        if (mode != null) {
            builder.addString(MetricsRollupJobConfiguration.MODE, mode, false);
        }
        return builder.toJobParameters();
    }

    public JobExecution run(String mode) throws Exception {
        return finished(jobOperator.start(metricsRollupJob, parameters(mode)));
    }

    public JobExecution restart(JobExecution failed) throws Exception {
        return finished(jobOperator.restart(failed));
    }

    public JobExecution finished(JobExecution launched) {
        long id = launched.getId();
        await().atMost(Duration.ofSeconds(60)).until(() -> !jobRepository.getJobExecution(id).getStatus().isRunning()
                && jobRepository.getJobExecution(id).getStatus() != BatchStatus.STARTING);
        return jobRepository.getJobExecution(id);
    }

    public static StepExecution step(JobExecution execution) {
        return execution.getStepExecutions().iterator().next();
    }

    public static String modeUsed(JobExecution execution) {
        return step(execution).getExecutionContext().getString(MetricsRollupJobConfiguration.MODE_USED);
    }
}
