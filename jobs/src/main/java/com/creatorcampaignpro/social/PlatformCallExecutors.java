package com.creatorcampaignpro.social;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The threads that make socialSyncJob's platform calls: one pool per platform, as many threads as the
 * platform may have requests in flight ({@code limits.max-concurrent}); the partitions' readers start
 * their accounts' reads on their platform's pool.
 *
 * <p>Why not one shared pool: a thread waiting for a platform's rate permit or bulkhead slot is
 * blocked, so with one FIFO pool a chunk of one platform took every thread and left the other
 * platforms' chunks queued behind it: the benchmark saw 16 requests in flight in all instead of 16 per
 * platform (113 accounts/s for a floor of ~550), and at 100 requests/s per platform each platform got
 * its turn only part of the time (36-53 % of the limit). A pool per platform sized to its concurrency
 * keeps each platform's bulkhead full on its own.
 */
final class PlatformCallExecutors implements DisposableBean {
    private final Map<Platform, ThreadPoolTaskExecutor> pools = new EnumMap<>(Platform.class);

    PlatformCallExecutors(ToIntFunction<Platform> threads) {
        for (Platform p : Platform.values()) {
            ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
            int n = Math.max(1, threads.applyAsInt(p));
            pool.setCorePoolSize(n);
            pool.setMaxPoolSize(n);
            pool.setQueueCapacity(Integer.MAX_VALUE);
            pool.setThreadNamePrefix("social-call-" + p.dbValue() + "-");
            pool.setDaemon(true);
            pool.initialize();
            pools.put(p, pool);
        }
    }

    ThreadPoolTaskExecutor pool(Platform platform) {
        return pools.get(platform);
    }

    @Override
    public void destroy() {
        pools.values().forEach(ThreadPoolTaskExecutor::shutdown);
    }
}
