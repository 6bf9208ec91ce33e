package com.creatorcampaignpro.ratelimit;

import com.creatorcampaignpro.testing.PlatformInstance.Answer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Without ccp.redis.url each instance keeps its own buckets: the limit holds per instance. */
class InMemoryRateLimitIntegrationTests extends RateLimitInstancesTest {

    @Override
    String redisUrl() {
        return "";
    }

    @Test
    void aUsersLimitHoldsOnEachInstanceSeparately() throws Exception {
        String token = first.registerAndGetToken("marketer");

        for (int i = 0; i < CAMPAIGNS_PER_USER; i++) {
            assertThat(first.get("/api/campaigns", token).status()).isEqualTo(200);
        }
        Answer refused = first.get("/api/campaigns", token);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotNull();

        // The other instance has counted nothing yet: a full allowance there, then refused too.
        for (int i = 0; i < CAMPAIGNS_PER_USER; i++) {
            Answer answer = second.get("/api/campaigns", token);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("RateLimit-Remaining")).isEqualTo(Integer.toString(CAMPAIGNS_PER_USER - 1 - i));
        }
        assertThat(second.get("/api/campaigns", token).status()).isEqualTo(429);
    }

    @Test
    void aClientAddressLimitHoldsOnEachInstance() throws Exception {
        String alice = first.registerAndGetToken("marketer");
        String bob = first.registerAndGetToken("influencer");

        assertThat(first.get("/api/users/profile", alice).status()).isEqualTo(200);
        assertThat(first.get("/api/users/profile", bob).status()).isEqualTo(200);
        assertThat(first.get("/api/users/profile", alice).status()).isEqualTo(200);
        assertThat(first.get("/api/users/profile", bob).status()).isEqualTo(429);
        assertThat(second.get("/api/users/profile", bob).status()).isEqualTo(200);
    }
}
