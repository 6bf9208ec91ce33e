package com.creatorcampaignpro.ratelimit;

import com.creatorcampaignpro.db.testing.PostgresExtension;
import com.creatorcampaignpro.testing.PlatformInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Two platform instances on one database with low limits: /api/campaigns allows 4 requests per
 * user and minute, /api/users 3 per client address and minute (every request here comes from
 * 127.0.0.1). Subclasses choose where the buckets live.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RateLimitInstancesTest {
    static final int CAMPAIGNS_PER_USER = 4;
    static final int USERS_PER_ADDRESS = 3;

    PlatformInstance first;
    PlatformInstance second;

    abstract String redisUrl();

    @BeforeAll
    void startTwoInstances() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("ccp.redis.url", redisUrl());
        // A fresh key space per run: buckets of an earlier run must not leak into this one.
        properties.put("ccp.rate-limit.key-prefix", "ccp-test:" + UUID.randomUUID() + ":");
        properties.put("ccp.rate-limit.families.campaigns.per-user.requests", CAMPAIGNS_PER_USER);
        properties.put("ccp.rate-limit.families.campaigns.per-user.per", "1m");
        properties.put("ccp.rate-limit.families.users.per-address.requests", USERS_PER_ADDRESS);
        properties.put("ccp.rate-limit.families.users.per-address.per", "1m");
        properties.put("ccp.scheduler.enabled", "false");
        first = PlatformInstance.start(properties);
        second = PlatformInstance.start(properties);
    }

    @AfterAll
    void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }
}
