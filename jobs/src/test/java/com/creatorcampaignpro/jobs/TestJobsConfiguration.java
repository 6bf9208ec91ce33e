package com.creatorcampaignpro.jobs;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only jobs, declared exactly as production jobs are: flakyJob (prepare, then finish, which
 * fails once on demand) for restarts, and blockingJob (waits on a latch the test releases) for
 * stop and already-running refusals.
 */
@Configuration(proxyBeanMethods = false)
public class TestJobsConfiguration {
    public static final AtomicInteger prepareRuns = new AtomicInteger();
    public static final AtomicInteger finishRuns = new AtomicInteger();
    public static final AtomicBoolean failFinishOnce = new AtomicBoolean();
    public static volatile CountDownLatch release = new CountDownLatch(1);

    @Bean
    JobDefinition flakyJobDefinition() {
        return new JobDefinition("flakyJob", "test: two steps, the second fails on demand", "nothing", "nothing",
                List.of(JobParameterSpec.optional("label", JobParameterType.STRING, null, true, "any text")));
    }

    @Bean
    Job flakyJob(JobRepository jobRepository, PlatformTransactionManager tm, JobExecutionLogger logger) {
        Step prepare = new StepBuilder("prepare", jobRepository).tasklet((contribution, chunk) -> {
            prepareRuns.incrementAndGet();
            contribution.incrementWriteCount(3);
            return RepeatStatus.FINISHED;
        }, tm).build();
        Step finish = new StepBuilder("finish", jobRepository).tasklet((contribution, chunk) -> {
            finishRuns.incrementAndGet();
            if (failFinishOnce.getAndSet(false)) {
                throw new IllegalStateException("finish failed on purpose");
            }
            contribution.incrementWriteCount(2);
            return RepeatStatus.FINISHED;
        }, tm).build();
        return new JobBuilder("flakyJob", jobRepository).listener(logger).start(prepare).next(finish).build();
    }

    @Bean
    JobDefinition blockingJobDefinition() {
        return new JobDefinition("blockingJob", "test: waits until released", "nothing", "nothing", List.of());
    }

    @Bean
    Job blockingJob(JobRepository jobRepository, PlatformTransactionManager tm) {
        // Returns CONTINUABLE every 20 ms while waiting: each return is a chunk boundary where a stop is seen.
        Step wait = new StepBuilder("wait", jobRepository).tasklet((contribution, chunk) ->
                release.await(20, TimeUnit.MILLISECONDS) ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE, tm).build();
        return new JobBuilder("blockingJob", jobRepository).start(wait).build();
    }
}
