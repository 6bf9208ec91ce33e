package com.creatorcampaignpro.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** Where the buckets live: this instance's memory, or Redis (shared by every instance). */
interface BucketStore extends AutoCloseable {

    /** Takes one token from the bucket under {@code key}, creating it with {@code configuration} if absent. */
    ConsumptionProbe tryConsume(String key, BucketConfiguration configuration);

    String kind();

    @Override
    default void close() {
    }
}
