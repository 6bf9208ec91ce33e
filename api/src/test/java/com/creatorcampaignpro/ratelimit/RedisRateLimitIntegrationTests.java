package com.creatorcampaignpro.ratelimit;

import com.creatorcampaignpro.testing.PlatformInstance.Answer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** With ccp.redis.url set, both instances draw from the same buckets (Redis on 127.0.0.1:6379). */
class RedisRateLimitIntegrationTests extends RateLimitInstancesTest {

    @Override
    String redisUrl() {
        return System.getenv().getOrDefault("CCP_TEST_REDIS_URL", "redis://127.0.0.1:6379");
    }

    @Test
    void aUsersLimitHoldsAcrossBothInstances() throws Exception {
        String token = first.registerAndGetToken("marketer");

        // given: the 4 requests of the minute spent alternately on both instances
        for (int i = 0; i < CAMPAIGNS_PER_USER; i++) {
            Answer answer = (i % 2 == 0 ? first : second).get("/api/campaigns", token);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("RateLimit-Limit")).isEqualTo("4");
            assertThat(answer.header("RateLimit-Remaining")).isEqualTo(Integer.toString(CAMPAIGNS_PER_USER - 1 - i));
        }

        // then: the fifth is refused by either instance
        for (var instance : new com.creatorcampaignpro.testing.PlatformInstance[] {first, second}) {
            Answer refused = instance.get("/api/campaigns", token);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asString()).isEqualTo("https://creatorcampaignpro.com/problems/rate-limited");
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
            assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
            assertThat(refused.header("RateLimit-Policy")).isEqualTo("4;w=60");
        }

        // and: another user, and another family of the same user, still pass
        assertThat(second.get("/api/campaigns", first.registerAndGetToken("marketer")).status()).isEqualTo(200);
        assertThat(second.get("/api/invitations", token).status()).isEqualTo(200);
    }

    @Test
    void aClientAddressLimitHoldsAcrossBothInstancesAndUsers() throws Exception {
        String alice = first.registerAndGetToken("marketer");
        String bob = second.registerAndGetToken("influencer");

        assertThat(first.get("/api/users/profile", alice).status()).isEqualTo(200);
        assertThat(second.get("/api/users/profile", bob).status()).isEqualTo(200);
        assertThat(second.get("/api/users/profile", alice).status()).isEqualTo(200);

        Answer refused = first.get("/api/users/profile", bob);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("detail").asString()).contains("client address");
        // Unauthenticated requests count against the address too: the limit comes before the 401.
        assertThat(second.get("/api/users/profile", null).status()).isEqualTo(429);
    }
}
