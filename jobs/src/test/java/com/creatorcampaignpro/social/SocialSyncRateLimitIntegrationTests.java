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
        registry.add("ccp.social.tiktok.limits.requests-per-second", () -> "8");
        // This 2-core machine runs several builds at once (load 15+): the fake's own threads get the CPU
        // up to ~0.7 s late and then dispatch a backlog together. A 1 s allowance spaces permits
        // (1 s + 1 s) / 8 apart, so the fake still sees at most 8 in any second despite such delays.
        registry.add("ccp.social.tiktok.limits.jitter-allowance", () -> "1s");
    }

    @Test
    void theFakeNeverSeesMoreRequestsPerSecondThanTheConfiguredLimit() {
        List<Seeded> seeded = seed(Platform.TIKTOK, 40);
        FakeSocialPlatform tiktok = fake(Platform.TIKTOK);
        tiktok.resetCounters();

        JobExecution execution = run("tiktok", 0);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        // Its accounts' requests (other tests' due TikTok accounts may ride along: every request counts
        // towards the limit at the fake all the same)
        assertThat(seeded.stream().mapToLong(s -> tiktok.dataRequestsFor(s.profile())).sum()).isEqualTo(80);
        assertThat(tiktok.maxDataRequestsWithin(Duration.ofSeconds(1))).isLessThanOrEqualTo(8);
        assertThat(seeded).allSatisfy(s -> assertThat(row(s.accountId()).get("status")).isEqualTo("connected"));
    }
}
