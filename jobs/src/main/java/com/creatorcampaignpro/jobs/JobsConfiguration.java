package com.creatorcampaignpro.jobs;

import com.creatorcampaignpro.db.JdbiFactory;
import org.jdbi.v3.core.Jdbi;
import org.quartz.Scheduler;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.batch.autoconfigure.BatchTaskExecutor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import javax.sql.DataSource;
import java.util.List;

/** The job platform's beans: catalog, node, recovery, launches and schedules. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobsProperties.class)
public class JobsConfiguration {

    /**
     * Jobs run on this pool, never on the caller's thread: JobOperator.start returns once the
     * execution is created, so the API answers 202 at once and Quartz threads are not held.
     */
    @Bean
    @BatchTaskExecutor
    ThreadPoolTaskExecutor batchTaskExecutor(JobsProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("ccp-job-");
        executor.setCorePoolSize(properties.launchThreads());
        executor.setMaxPoolSize(properties.launchThreads());
        executor.setQueueCapacity(100);
        return executor;
    }

    @Bean
    JobExecutionLogger jobExecutionLogger() {
        return new JobExecutionLogger();
    }

    @Bean
    JobCatalog jobCatalog(ObjectProvider<Job> jobs, List<JobDefinition> definitions) {
        return new JobCatalog(jobs.orderedStream().toList(), definitions);
    }

    /**
     * Advisory locks need a connection of their own that Spring transactions never join: Batch
     * must commit the new execution on its connection while the lock is still held. Not a bean,
     * so the application's one Jdbi stays the only one to inject.
     */
    private static Jdbi lockingJdbi(DataSource dataSource) {
        return JdbiFactory.create(dataSource);
    }

    @Bean
    DeadNodeRecovery deadNodeRecovery(JobExecutionDao executions, DataSource dataSource, JobRepository jobRepository,
                                      JobsProperties properties) {
        return new DeadNodeRecovery(executions, lockingJdbi(dataSource), jobRepository, properties);
    }

    @Bean
    JobNode jobNode(JobNodeDao nodes, JobsProperties properties, DeadNodeRecovery recovery) {
        return new JobNode(nodes, properties, recovery);
    }

    @Bean
    JobOperations jobOperations(JobCatalog catalog, JobOperator jobOperator, JobRepository jobRepository,
                                JobExecutionDao executions, DataSource dataSource, JobNode node) {
        return new JobOperations(catalog, jobOperator, jobRepository, executions, lockingJdbi(dataSource), node);
    }

    @Bean
    JobSchedules jobSchedules(Scheduler scheduler, DataSource dataSource, JobScheduleDao schedules, JobCatalog catalog,
                              JobsProperties properties) {
        return new JobSchedules(scheduler, lockingJdbi(dataSource), schedules, catalog, properties);
    }
}
