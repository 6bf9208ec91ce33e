package com.creatorcampaignpro.social;

import com.creatorcampaignpro.db.testing.TestDatabase;
import com.creatorcampaignpro.fakes.social.FakeSocialPlatform;
import com.creatorcampaignpro.fakes.social.FakeSocialPlatform.Kind;
import com.creatorcampaignpro.fakes.social.FakeSocialPlatform.Profile;
import com.creatorcampaignpro.jobs.testing.JobsIntegrationTest;
import org.jdbi.v3.core.Jdbi;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * socialSyncJob tests: the jobs module wired to the four stateful platform fakes (one set per test
 * JVM), accounts seeded directly with tokens the fakes issued, the job launched through JobOperator.
 */
abstract class SocialSyncTestSupport extends JobsIntegrationTest {
    static final Map<Platform, FakeSocialPlatform> FAKES = new EnumMap<>(Platform.class);
    static final String TOKEN_KEY = "jobs-test-token-key-0123456789abcdef-0123";

    static {
        for (Platform p : Platform.values()) {
            FAKES.put(p, new FakeSocialPlatform(Kind.valueOf(p.name())));
        }
    }

    @DynamicPropertySource
    static void platforms(DynamicPropertyRegistry registry) {
        registry.add("ccp.social.token-key", () -> TOKEN_KEY);
        registry.add("ccp.social.read-timeout", () -> "500ms");
        registry.add("ccp.social.sync.chunk-size", () -> "10");
        registry.add("ccp.social.sync.skip-limit", () -> "3");
        for (Platform p : Platform.values()) {
            FakeSocialPlatform fake = FAKES.get(p);
            String prefix = "ccp.social." + p.dbValue() + ".";
            registry.add(prefix + "base-url", fake::baseUrl);
            registry.add(prefix + "oauth-base-url", fake::baseUrl);
            registry.add(prefix + "client-id", () -> FakeSocialPlatform.CLIENT_ID);
            registry.add(prefix + "client-secret", () -> FakeSocialPlatform.CLIENT_SECRET);
            // Fast backoff, enough attempts that 10 % of injected faults never exhaust them (0.1^6 a call).
            registry.add(prefix + "limits.max-attempts", () -> "6");
            registry.add(prefix + "limits.backoff", () -> "5ms");
            registry.add(prefix + "limits.max-backoff", () -> "40ms");
        }
    }

    @Autowired
    JobOperator jobOperator;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    Job socialSyncJob;
    @Autowired
    TokenCipher cipher;

    final Jdbi jdbi = TestDatabase.shared().jdbi();

    record Seeded(UUID accountId, UUID userId, Platform platform, Profile profile) {
    }

    static FakeSocialPlatform fake(Platform p) {
        return FAKES.get(p);
    }

    static Profile profile(String name, long followers) {
        return new Profile(name + "-" + UUID.randomUUID().toString().substring(0, 8), name, followers, 100, 40, 2_000, 80_000);
    }

    /** Accounts as a finished connect leaves them: tokens from the fake, encrypted, never synced. */
    List<Seeded> seed(Platform platform, int count) {
        return seed(platform, count, Duration.ofHours(1));
    }

    List<Seeded> seed(Platform platform, int count, Duration tokenLifetime) {
        List<Seeded> seeded = new ArrayList<>();
        jdbi.useTransaction(h -> {
            for (int i = 0; i < count; i++) {
                UUID userId = h.createQuery("INSERT INTO users (email, user_type) VALUES (:email, 'influencer') RETURNING id")
                        .bind("email", "sync-" + UUID.randomUUID() + "@fixtures.example").mapTo(UUID.class).one();
                h.execute("INSERT INTO influencer_profiles (user_id) VALUES (?)", userId);
                Profile p = profile(platform.dbValue() + i, 1_000L + i);
                FakeSocialPlatform.Tokens tokens = fake(platform).issueTokens(p);
                UUID id = h.createQuery("""
                                INSERT INTO social_accounts (user_id, platform, access_token_enc, refresh_token_enc,
                                                             token_expires_at, status, connected_at)
                                VALUES (:u, :p, :a, :r, :e, 'connected', now()) RETURNING id""")
                        .bind("u", userId).bind("p", platform.dbValue())
                        .bind("a", cipher.encrypt(tokens.accessToken(), SocialAccountSync.aad(userId, platform, "access")))
                        .bind("r", cipher.encrypt(tokens.refreshToken(), SocialAccountSync.aad(userId, platform, "refresh")))
                        .bind("e", Instant.now().plus(tokenLifetime))
                        .mapTo(UUID.class).one();
                seeded.add(new Seeded(id, userId, platform, p));
            }
        });
        return seeded;
    }

    Map<String, Object> row(UUID accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM social_accounts WHERE id = :id").bind("id", accountId)
                .mapToMap().one());
    }

    JobExecution run(String platform, long limit) {
        JobParametersBuilder parameters = new JobParametersBuilder().addString("run", "test-" + UUID.randomUUID());
        if (platform != null) {
            parameters.addString(SocialSyncJobConfiguration.PLATFORM, platform, false);
        }
        parameters.addLong(SocialSyncJobConfiguration.LIMIT, limit, false);
        try {
            return finished(jobOperator.start(socialSyncJob, parameters.toJobParameters()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    JobExecution restart(JobExecution failed) {
        try {
            return finished(jobOperator.restart(failed));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    JobExecution finished(JobExecution launched) {
        long id = launched.getId();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> !jobRepository.getJobExecution(id).getStatus().isRunning()
                        && jobRepository.getJobExecution(id).getStatus() != BatchStatus.STARTING);
        return jobRepository.getJobExecution(id);
    }

    /** The platform's partitions (ccp.social.sync.partitions-per-platform of them, by slice). */
    static List<StepExecution> partitions(JobExecution execution, Platform platform) {
        List<StepExecution> slices = execution.getStepExecutions().stream()
                .filter(s -> s.getStepName().startsWith("socialSyncPlatformStep:social:" + platform.dbValue() + ":"))
                .toList();
        if (slices.isEmpty()) {
            throw new AssertionError("no partition for " + platform + " in "
                    + execution.getStepExecutions().stream().map(StepExecution::getStepName).toList());
        }
        return slices;
    }

    /** A count summed over the platform's partitions. */
    static long count(List<StepExecution> steps, String key) {
        return steps.stream().mapToLong(s -> s.getExecutionContext().getLong(key, 0L)).sum();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
