package com.creatorcampaignpro.bench;

import org.jdbi.v3.core.Jdbi;
import org.springframework.batch.core.launch.support.JobOperatorFactoryBean;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What a benchmark works with: the running application (jobs, JobOperator, DAOs) on the bench
 * database (null for a case that starts the platform as its own process), a plain Jdbi on the same
 * database for set-up and floors, how many times to repeat, and for load tests the seconds per load.
 */
public record BenchContext(ConfigurableApplicationContext application, Jdbi jdbi, int runs, long seed,
                           String databaseUrl, String user, String password, int seconds) {

    public <T> T bean(String name, Class<T> type) {
        return application.getBean(name, type);
    }

    public <T> T bean(Class<T> type) {
        return application.getBean(type);
    }

    /**
     * A JobOperator on the application's repository that runs a job on the calling thread: the
     * application's own launches on an async pool (the API answers 202 at once), a benchmark times whole runs.
     */
    public static JobOperator synchronousJobOperator(ConfigurableApplicationContext application) throws Exception {
        JobOperatorFactoryBean factory = new JobOperatorFactoryBean();
        factory.setApplicationContext(application);
        factory.setJobRepository(application.getBean(JobRepository.class));
        factory.setTransactionManager(application.getBean(PlatformTransactionManager.class));
        factory.setTaskExecutor(new SyncTaskExecutor());
        factory.afterPropertiesSet();
        return factory.getObject();
    }

    /** Times {@code work} once, in seconds. */
    public static double seconds(ThrowingRunnable work) throws Exception {
        long started = System.nanoTime();
        work.run();
        return (System.nanoTime() - started) / 1e9;
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
