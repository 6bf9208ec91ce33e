package com.creatorcampaignpro.social;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Runs socialSyncJob's partitions, each on a thread of its own, at most as many at once as the
 * connection pool can serve while leaving {@code reserved} connections to the rest of the instance
 * (the API, Quartz, the job's launcher and its token refreshes): a running partition holds at most one
 * connection at a time (see SocialSyncJobConfiguration), so they can never take the whole pool,
 * whatever {@code ccp.social.sync.partitions-per-platform} says. The others wait; when one ends, the
 * next to start is the oldest waiting one of the platform with the fewest running, so every platform
 * has a partition running before any has two. Batch hands the partitions over in no particular order
 * (its splitter returns a HashSet): a platform queued behind another's partitions would leave its own
 * rate limit unused, while a platform's second partition shares the first one's rate limit, call pool
 * and bulkhead, so it waiting costs little. The bound is per instance, re-read at each run (Hikari's
 * maximum can be changed at runtime).
 */
final class SocialPartitionHandler extends TaskExecutorPartitionHandler {
    private static final Logger log = LoggerFactory.getLogger(SocialPartitionHandler.class);

    private final Supplier<OptionalInt> poolSize;
    private final int reserved;
    private final SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("social-partition-");
    private final Object lock = new Object();
    private final List<PartitionTask> waiting = new ArrayList<>();
    private final Map<String, Integer> runningPerPlatform = new HashMap<>();
    private int running;
    private int slots = 1;
    /** Partitions of this run not handed over yet: none starts before all are here to choose from. */
    private int toHandOver;

    SocialPartitionHandler(Step partitionStep, Supplier<OptionalInt> poolSize, int reserved) {
        this.poolSize = poolSize;
        this.reserved = reserved;
        setStep(partitionStep);
        setTaskExecutor(task -> enqueue((PartitionTask) task));
    }

    /** The pool's maximum size when {@code dataSource} is (or wraps) a Hikari pool. */
    static OptionalInt hikariPoolSize(DataSource dataSource) {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                return OptionalInt.of(dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize());
            }
        } catch (SQLException e) {
            log.debug("Cannot unwrap the DataSource: {}", e.toString());
        }
        return OptionalInt.empty();
    }

    /** Partitions that may run at once: the pool less the reserve, at least one; all if the pool's size is unknown. */
    static int atOnce(int partitions, OptionalInt poolSize, int reserved) {
        int all = Math.max(1, partitions);
        return poolSize.isEmpty() ? all : Math.max(1, Math.min(all, poolSize.getAsInt() - reserved));
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) throws Exception {
        OptionalInt pool = poolSize.get();
        int atOnce = atOnce(partitions.size(), pool, reserved);
        long platforms = partitions.stream().map(SocialPartitionHandler::platformOf).distinct().count();
        synchronized (lock) {
            slots = atOnce;
            toHandOver += partitions.size();
        }
        if (pool.isEmpty()) {
            log.warn("socialSyncJob: {} partitions ({} platforms), all at once: the DataSource is not a Hikari pool,"
                    + " so nothing bounds them by its size", partitions.size(), platforms);
        } else {
            log.info("socialSyncJob: {} partitions ({} platforms), {} at once: each holds at most one database connection,"
                            + " and of the pool's {} (spring.datasource.hikari.maximum-pool-size) {} are left to the rest of"
                            + " this instance (ccp.social.sync.reserved-connections){}", partitions.size(), platforms, atOnce,
                    pool.getAsInt(), reserved, atOnce < partitions.size()
                            ? "; the others wait, the next to start being of the platform with the fewest running" : "");
            if (atOnce < platforms) {
                log.warn("socialSyncJob: only {} partitions at once for {} platforms, so platforms take turns and the run"
                                + " takes longer: raise spring.datasource.hikari.maximum-pool-size (now {}) or lower"
                                + " ccp.social.sync.reserved-connections (now {})", atOnce, platforms, pool.getAsInt(), reserved);
            }
        }
        return super.doHandle(manager, partitions);
    }

    @Override
    protected FutureTask<StepExecution> createTask(Step step, StepExecution partition) {
        return new PartitionTask(platformOf(partition), () -> {
            step.execute(partition);
            return partition;
        });
    }

    private static String platformOf(StepExecution partition) {
        return partition.getExecutionContext().getString(SocialSyncJobConfiguration.PARTITION_PLATFORM, "");
    }

    private void enqueue(PartitionTask task) {
        synchronized (lock) {
            waiting.add(task);
            if (--toHandOver <= 0) {
                startWhatFits();
            }
        }
    }

    private void ended(PartitionTask task) {
        synchronized (lock) {
            runningPerPlatform.merge(task.platform, -1, Integer::sum);
            running--;
            startWhatFits();
        }
    }

    /** Under the lock: starts waiting partitions while there are free slots, fewest running platform first. */
    private void startWhatFits() {
        while (running < slots && !waiting.isEmpty()) {
            PartitionTask next = waiting.get(0);
            for (PartitionTask candidate : waiting) {
                if (runningOf(candidate) < runningOf(next)) {
                    next = candidate;
                }
            }
            waiting.remove(next);
            runningPerPlatform.merge(next.platform, 1, Integer::sum);
            running++;
            PartitionTask started = next;
            try {
                threads.execute(() -> {
                    try {
                        started.run();
                    } finally {
                        ended(started);
                    }
                });
            } catch (RuntimeException rejected) {
                // The partition fails (its future says why) and frees its slot.
                runningPerPlatform.merge(started.platform, -1, Integer::sum);
                running--;
                started.fail(rejected);
            }
        }
    }

    private int runningOf(PartitionTask task) {
        return runningPerPlatform.getOrDefault(task.platform, 0);
    }

    /** A partition's run, with its platform. */
    private static final class PartitionTask extends FutureTask<StepExecution> {
        final String platform;

        PartitionTask(String platform, Callable<StepExecution> run) {
            super(run);
            this.platform = platform;
        }

        void fail(Throwable cause) {
            setException(cause);
        }
    }
}
