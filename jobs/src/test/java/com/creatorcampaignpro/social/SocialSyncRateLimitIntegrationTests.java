package com.creatorcampaignpro.social;

import com.creatorcampaignpro.fakes.social.FakeSocialPlatform;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The configured request rate holds at the platform, measured by the fake, with the job's full concurrency. */
class SocialSyncRateLimitIntegrationTests extends SocialSyncTestSupport {

    @DynamicPropertySource
    static void tiktokLimit(DynamicPropertyRegistry registry) {
        registry.add("ccp.social.tiktok.limits.requests-per-second", () -> "10");
        // This machine is shared by several builds: allow for uneven travel times on the way to the fake.
        registry.add("ccp.social.tiktok.limits.jitter-allowance", () -> "250ms");
    }

    @Test
    void theFakeNeverSeesMoreRequestsPerSecondThanTheConfiguredLimit() {
        List<Seeded> seeded = seed(Platform.TIKTOK, 40);
        FakeSocialPlatform tiktok = fake(Platform.TIKTOK);
        tiktok.resetCounters();

        JobExecution execution = run("tiktok", 0);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(tiktok.dataRequests()).isEqualTo(80);
        assertThat(tiktok.maxDataRequestsWithin(Duration.ofSeconds(1))).isLessThanOrEqualTo(10);
        assertThat(seeded).allSatisfy(s -> assertThat(row(s.accountId()).get("status")).isEqualTo("connected"));
    }
}
