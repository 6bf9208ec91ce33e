package com.creatorcampaignpro.bench;

import org.jdbi.v3.core.Jdbi;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a benchmark works with: the running application (jobs, JobOperator, DAOs) on the bench
 * database, a plain Jdbi on the same database for set-up and floors, and how many times to repeat.
 */
public record BenchContext(ConfigurableApplicationContext application, Jdbi jdbi, int runs, long seed) {

    public <T> T bean(String name, Class<T> type) {
        return application.getBean(name, type);
    }

    public <T> T bean(Class<T> type) {
        return application.getBean(type);
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
