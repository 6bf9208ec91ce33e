package com.creatorcampaignpro.housekeeping;

import com.creatorcampaignpro.jobs.JobDefinition;
import com.creatorcampaignpro.jobs.JobExecutionLogger;
import com.creatorcampaignpro.jobs.JobParameterSpec;
import com.creatorcampaignpro.jobs.JobParameterType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * housekeepingJob: deletes refresh tokens expired for more than a grace period, login attempts
 * older than the login limits can look back, idempotency keys, live notifications and launch
 * hand-offs past their retention (ccp.housekeeping). The audit log is kept. Each step deletes in
 * bounded batches, one transaction per batch (a tasklet returning CONTINUABLE), so a stop or a
 * crash loses at most one batch and a restart carries on with the same cut-off.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HousekeepingProperties.class)
public class HousekeepingJobConfiguration {
    private static final Logger log = LoggerFactory.getLogger(HousekeepingJobConfiguration.class);
    public static final String JOB_NAME = "housekeepingJob";

    @Bean
    JobDefinition housekeepingJobDefinition(HousekeepingProperties retention) {
        return new JobDefinition(JOB_NAME,
                "Deletes expired refresh tokens, old login attempts, idempotency keys, notifications and job hand-offs;"
                        + " keeps the audit log",
                "refresh_tokens, login_attempts, idempotency_keys, notifications, job_handoffs",
                "deletes from refresh_tokens, login_attempts, idempotency_keys, notifications, job_handoffs",
                List.of(
                        // Lower bounds of 1 day: 0 or less would delete what the features still use.
                        JobParameterSpec.optional("refreshTokenGraceDays", JobParameterType.LONG, "1", false,
                                "keep expired refresh tokens this many days (reuse detection needs them briefly)").between(1, 3650),
                        JobParameterSpec.optional("loginAttemptRetentionDays", JobParameterType.LONG, "2", false,
                                "keep login attempts this many days (the login limits look back minutes)").between(1, 3650),
                        JobParameterSpec.optional("idempotencyKeyRetentionDays", JobParameterType.LONG, "1", false,
                                "keep Idempotency-Key answers this many days (clients retry within minutes)").between(1, 3650),
                        JobParameterSpec.optional("notificationRetentionDays", JobParameterType.LONG,
                                Long.toString(retention.notificationRetentionDays()), false,
                                "keep live notifications this many days (replayed after a reconnect with Last-Event-ID)")
                                .between(1, 3650),
                        JobParameterSpec.optional("jobHandoffRetentionDays", JobParameterType.LONG,
                                Long.toString(retention.jobHandoffRetentionDays()), false,
                                "keep launch hand-offs of API-only instances this many days (diagnosis only)").between(1, 3650),
                        JobParameterSpec.optional("batchSize", JobParameterType.LONG, "5000", false,
                                "rows deleted per transaction").between(1, 100_000)));
    }

    /** The steps in the order they run: step name, the job parameter giving its retention, its bounded delete. */
    private record Retention(String stepName, String retentionParameter, BoundedDelete delete) {
    }

    @Bean
    Job housekeepingJob(JobRepository jobRepository, PlatformTransactionManager transactionManager, HousekeepingDao dao,
                        JobExecutionLogger jobExecutionLogger) {
        List<Step> steps = List.of(
                        new Retention("deleteExpiredRefreshTokens", "refreshTokenGraceDays", dao::deleteRefreshTokensExpiredBefore),
                        new Retention("deleteOldLoginAttempts", "loginAttemptRetentionDays", dao::deleteLoginAttemptsBefore),
                        new Retention("deleteOldIdempotencyKeys", "idempotencyKeyRetentionDays", dao::deleteIdempotencyKeysBefore),
                        new Retention("deleteOldNotifications", "notificationRetentionDays", dao::deleteNotificationsBefore),
                        new Retention("deleteOldJobHandoffs", "jobHandoffRetentionDays", dao::deleteJobHandoffsBefore))
                .stream()
                .map(retention -> (Step) new StepBuilder(retention.stepName(), jobRepository)
                        .tasklet(batchedDelete(retention.retentionParameter(), retention.delete()), transactionManager)
                        .build())
                .toList();
        SimpleJobBuilder job = new JobBuilder(JOB_NAME, jobRepository).listener(jobExecutionLogger).start(steps.get(0));
        steps.subList(1, steps.size()).forEach(job::next);
        return job.build();
    }

    interface BoundedDelete {
        int delete(Instant before, int limit);
    }

    /**
     * One batch per call. The cut-off is fixed at the step's first call and kept in the step's
     * execution context, so a restarted step deletes against the same instant.
     */
    static Tasklet batchedDelete(String retentionParameter, BoundedDelete delete) {
        return (contribution, chunkContext) -> {
            ExecutionContext context = contribution.getStepExecution().getExecutionContext();
            JobParameters parameters = contribution.getStepExecution().getJobParameters();
            if (!context.containsKey("cutoff")) {
                long days = parameters.getLong(retentionParameter, 1L);
                context.putString("cutoff", Instant.now().minus(days, ChronoUnit.DAYS).toString());
            }
            Instant cutoff = Instant.parse(context.getString("cutoff"));
            int batchSize = Math.toIntExact(Math.max(1, parameters.getLong("batchSize", 5000L)));
            int deleted = delete.delete(cutoff, batchSize);
            contribution.incrementWriteCount(deleted);
            String step = contribution.getStepExecution().getStepName();
            long total = contribution.getStepExecution().getWriteCount() + deleted;
            if (deleted == batchSize) {
                log.info("{}: {} rows before {} deleted so far", step, total, cutoff);
                return RepeatStatus.CONTINUABLE;
            }
            return RepeatStatus.FINISHED;
        };
    }
}
