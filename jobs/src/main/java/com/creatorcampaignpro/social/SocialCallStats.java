package com.creatorcampaignpro.social;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Retries made per platform since start, kept beside the Micrometer counters because the step counts
 * need them even where no meter registry is configured (a jobs-only instance without actuator).
 */
public final class SocialCallStats {
    private final Map<Platform, LongAdder> retries = new EnumMap<>(Platform.class);

    public SocialCallStats() {
        for (Platform p : Platform.values()) {
            retries.put(p, new LongAdder());
        }
    }

    void retried(Platform platform) {
        retries.get(platform).increment();
    }

    public long retries(Platform platform) {
        return retries.get(platform).sum();
    }
}
