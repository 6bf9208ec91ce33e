package com.creatorcampaignpro.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Buckets in this instance's memory: each instance counts on its own, so N instances admit up to N
 * times the limit. A bucket that has refilled to capacity holds no information and is dropped by
 * {@link #evictFull()}, which keeps the map as small as the set of recently active callers.
 */
final class LocalBucketStore implements BucketStore {
    private record Entry(Bucket bucket, long capacity) {
    }

    private final ConcurrentMap<String, Entry> buckets = new ConcurrentHashMap<>();
    private final ScheduledExecutorService eviction = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ccp-ratelimit-eviction");
        thread.setDaemon(true);
        return thread;
    });

    LocalBucketStore() {
        eviction.scheduleWithFixedDelay(this::evictFull, 1, 1, TimeUnit.MINUTES);
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        return buckets.computeIfAbsent(key, k -> new Entry(
                        Bucket.builder().addLimit(configuration.getBandwidths()[0]).build(),
                        configuration.getBandwidths()[0].getCapacity()))
                .bucket().tryConsumeAndReturnRemaining(1);
    }

    /** Drops the buckets that are full again (their caller was idle for a whole period). */
    int evictFull() {
        int before = buckets.size();
        buckets.values().removeIf(entry -> entry.bucket().getAvailableTokens() >= entry.capacity());
        return before - buckets.size();
    }

    int size() {
        return buckets.size();
    }

    @Override
    public String kind() {
        return "memory";
    }

    @Override
    public void close() {
        eviction.shutdownNow();
    }
}
