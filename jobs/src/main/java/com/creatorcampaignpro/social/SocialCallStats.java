package com.creatorcampaignpro.social;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Retries made per platform since start, kept beside the Micrometer counters because the step counts
 * need them even where no meter registry is configured (a jobs-only instance without actuator), and
 * per thread: Resilience4j retries in the calling thread, so what one account's read cost in retries
 * is the difference on its thread (several partitions of one platform run at once, so a platform's
 * total over a partition's lifetime would count the other partitions' retries too).
 */
public final class SocialCallStats {
    private final Map<Platform, LongAdder> retries = new EnumMap<>(Platform.class);
    private final ThreadLocal<long[]> onThisThread = ThreadLocal.withInitial(() -> new long[1]);

    public SocialCallStats() {
        for (Platform p : Platform.values()) {
            retries.put(p, new LongAdder());
        }
    }

    void retried(Platform platform) {
        retries.get(platform).increment();
        onThisThread.get()[0]++;
    }

    public long retries(Platform platform) {
        return retries.get(platform).sum();
    }

    /** Retries made by the calling thread so far (any platform). */
    long retriesOnThisThread() {
        return onThisThread.get()[0];
    }
}
