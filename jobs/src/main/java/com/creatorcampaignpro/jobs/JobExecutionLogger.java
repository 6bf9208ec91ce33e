package com.creatorcampaignpro.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import java.time.Duration;

/**
 * Add to every job ({@code .listener(jobExecutionLogger)}): one INFO line when it starts and one
 * when it ends, with the counts of each step, so the log tells what a run did without the API.
 */
public class JobExecutionLogger implements JobExecutionListener {
    private static final Logger log = LoggerFactory.getLogger(JobExecutionLogger.class);

    @Override
    public void beforeJob(JobExecution execution) {
        log.info("Job {} execution {} started with {}", execution.getJobInstance().getJobName(), execution.getId(),
                execution.getJobParameters());
    }

    @Override
    public void afterJob(JobExecution execution) {
        StringBuilder steps = new StringBuilder();
        for (StepExecution step : execution.getStepExecutions()) {
            steps.append(String.format(" [%s %s read=%d write=%d filter=%d skip=%d commit=%d rollback=%d]",
                    step.getStepName(), step.getStatus(), step.getReadCount(), step.getWriteCount(),
                    step.getFilterCount(), step.getSkipCount(), step.getCommitCount(), step.getRollbackCount()));
        }
        Duration took = execution.getStartTime() == null || execution.getEndTime() == null ? Duration.ZERO
                : Duration.between(execution.getStartTime(), execution.getEndTime());
        log.info("Job {} execution {} ended {} ({}) in {} ms:{}", execution.getJobInstance().getJobName(),
                execution.getId(), execution.getStatus(), execution.getExitStatus().getExitCode(), took.toMillis(), steps);
    }
}
