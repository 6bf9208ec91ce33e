package com.creatorcampaignpro.social;

import com.creatorcampaignpro.jobs.JobDefinition;
import com.creatorcampaignpro.jobs.JobExecutionLogger;
import com.creatorcampaignpro.jobs.JobParameterSpec;
import com.creatorcampaignpro.jobs.JobParameterType;
import com.creatorcampaignpro.social.DueAccountReader.PendingRead;
import com.creatorcampaignpro.social.SocialAccountSync.Outcome;
import com.creatorcampaignpro.social.SocialAccountSync.Skipped;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * socialSyncJob: re-reads every due social account (profile, recent media, declared figures) from
 * its platform. {@code partitions-per-platform} partitions per configured platform, each on a thread
 * of its own, as many at once as the connection pool allows (SocialPartitionHandler); within a
 * partition, the reader starts each account's platform read one chunk ahead on that platform's own
 * call pool (as many threads as the platform may have requests in flight; its rate limit paces them),
 * and a chunk's outcomes are written together in one short transaction, a few set-based statements
 * per chunk, while the next chunk's calls go on.
 *
 * <p>Parameters: {@value #PLATFORM} (optional: one platform, default all configured) and
 * {@value #LIMIT} (optional: at most this many accounts per platform, 0 = all due). Restartable: the
 * run's cutoff lives in each partition's context, so a restart reads only what was still due then and
 * has not been attempted since. No incrementer: operators launch it with parameters (spring-batch#5005).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SocialSyncProperties.class)
public class SocialSyncJobConfiguration {
    public static final String JOB_NAME = "socialSyncJob";
    public static final String PLATFORM = "platform";
    public static final String LIMIT = "limit";
    static final String PARTITION_PLATFORM = "social.platform";
    static final String PARTITION_CUTOFF = "social.cutoff";
    static final String PARTITION_SLICE = "social.slice";
    static final String PARTITION_SLICES = "social.slices";
    static final String RETRIES = "count.retries";

    @Bean
    JobDefinition socialSyncJobDefinition() {
        return new JobDefinition(JOB_NAME,
                "Re-reads due social accounts (profile, recent media with their metrics, engagement figures) from their platforms",
                "social_accounts (due: not attempted within ccp.social.sync.interval)",
                "social_accounts, social_account_media, content_metrics (published content), influencer_profiles",
                List.of(JobParameterSpec.optional(PLATFORM, JobParameterType.STRING, "all", false,
                                "instagram, youtube, tiktok, twitter or all (the configured ones)"),
                        JobParameterSpec.optional(LIMIT, JobParameterType.LONG, "0", false,
                                "at most this many accounts per platform in this run; 0 = every due account")));
    }

    /**
     * {@code partitions-per-platform} partitions per configured platform (or the one asked for), each
     * with the run's cutoff and its slice of the platform's accounts (by a hash of the account id). A
     * platform's partitions share its call pool, rate limit and bulkhead; each also reads one chunk
     * ahead, so a platform's calls stop only when every partition's write outlasts the next chunk's calls.
     */
    @Bean
    @StepScope
    Partitioner socialSyncPartitioner(SocialPlatformClients clients, SocialSyncProperties properties,
                                      @Value("#{jobParameters['" + PLATFORM + "']}") String platform) {
        return gridSize -> {
            Instant cutoff = Instant.now().minus(properties.interval());
            int slices = properties.partitionsPerPlatform();
            Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
            for (Platform p : Platform.values()) {
                boolean wanted = platform == null || platform.isBlank() || "all".equalsIgnoreCase(platform)
                        || p.dbValue().equalsIgnoreCase(platform.strip());
                if (wanted && clients.isConfigured(p)) {
                    for (int slice = 0; slice < slices; slice++) {
                        ExecutionContext context = new ExecutionContext();
                        context.putString(PARTITION_PLATFORM, p.dbValue());
                        context.putLong(PARTITION_CUTOFF, cutoff.toEpochMilli());
                        context.putInt(PARTITION_SLICE, slice);
                        context.putInt(PARTITION_SLICES, slices);
                        partitions.put("social:" + p.dbValue() + ":" + slice, context);
                    }
                }
            }
            return partitions;
        };
    }

    /**
     * The partition's due accounts, each with its platform read started one chunk ahead on the
     * platform's call pool (as many threads as it may have requests in flight): the processor only
     * collects the outcomes, and the next chunk's calls go on while this one is written.
     */
    @Bean
    @StepScope
    DueAccountReader socialSyncReader(SocialSyncDao dao, SocialSyncProperties properties, SocialAccountSync sync,
                                      SocialCallStats stats, AccountRetries socialSyncAccountRetries,
                                      PlatformCallExecutors socialSyncCallExecutors,
                                      @Value("#{stepExecutionContext['" + PARTITION_PLATFORM + "']}") String platform,
                                      @Value("#{stepExecutionContext['" + PARTITION_CUTOFF + "']}") Long cutoff,
                                      @Value("#{stepExecutionContext['" + PARTITION_SLICE + "']}") Integer slice,
                                      @Value("#{stepExecutionContext['" + PARTITION_SLICES + "']}") Integer slices,
                                      @Value("#{jobParameters['" + LIMIT + "']}") Long limit) {
        // A limit is per platform: each of its partitions reads its share.
        int n = slices == null ? 1 : slices;
        int mine = slice == null ? 0 : slice;
        long share = limit == null || limit <= 0 ? Long.MAX_VALUE : limit / n + (mine < limit % n ? 1 : 0);
        Platform p = Platform.parse(platform).orElseThrow();
        ThreadPoolTaskExecutor pool = socialSyncCallExecutors.pool(p);
        return new DueAccountReader(dao, p, Instant.ofEpochMilli(cutoff), mine, n, share, properties.chunkSize(),
                properties.chunkSize(), pool, account -> {
                    // Resilience4j retries on the calling thread: the difference is this account's.
                    long before = stats.retriesOnThisThread();
                    Outcome outcome = sync.read(account);
                    socialSyncAccountRetries.add(account.id(), stats.retriesOnThisThread() - before);
                    return outcome;
                }, properties);
    }

    /**
     * Collects each account's outcome; an account with nothing to do (disconnected or cooling down
     * meanwhile) is filtered. A platform whose circuit opened fails the partition.
     */
    @Bean
    ItemProcessor<PendingRead, Outcome> socialSyncProcessor() {
        return pending -> {
            Outcome outcome;
            try {
                outcome = pending.outcome().get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IllegalStateException(e.getCause());
            }
            return outcome instanceof Skipped ? null : outcome;
        };
    }

    @Bean
    AccountRetries socialSyncAccountRetries() {
        return new AccountRetries();
    }

    /** Retries per account read, from the call threads to the writer of the account's partition. */
    static final class AccountRetries {
        private final Map<java.util.UUID, Long> retries = new java.util.concurrent.ConcurrentHashMap<>();

        void add(java.util.UUID account, long n) {
            if (n > 0) {
                retries.merge(account, n, Long::sum);
            }
        }

        long take(java.util.UUID account) {
            Long n = retries.remove(account);
            return n == null ? 0 : n;
        }
    }

    @Bean
    @StepScope
    SocialSyncWriter socialSyncWriter(SocialAccountSync sync, PlatformTransactionManager transactionManager,
                                      SocialSyncProperties properties, ObjectProvider<MeterRegistry> meters,
                                      AccountRetries socialSyncAccountRetries,
                                      @Value("#{stepExecution}") StepExecution stepExecution,
                                      @Value("#{stepExecutionContext['" + PARTITION_PLATFORM + "']}") String platform) {
        return new SocialSyncWriter(sync, new TransactionTemplate(transactionManager), stepExecution,
                Platform.parse(platform).orElseThrow(), properties.skipLimit(), meters.getIfAvailable(() -> Metrics.globalRegistry),
                socialSyncAccountRetries::take);
    }

    /** Threads making the platform calls: a pool per platform sized to its in-flight bound. */
    @Bean
    PlatformCallExecutors socialSyncCallExecutors(SocialProperties properties) {
        return new PlatformCallExecutors(p -> switch (p) {
            case INSTAGRAM -> properties.instagram().limits().maxConcurrent();
            case YOUTUBE -> properties.youtube().limits().maxConcurrent();
            case TIKTOK -> properties.tiktok().limits().maxConcurrent();
            case TWITTER -> properties.twitter().limits().maxConcurrent();
        });
    }

    /**
     * A partition holds at most one database connection at a time, and none while its platform is
     * called: the reader's page query (one statement), the writer's transaction (SocialSyncWriter) and
     * Batch's two repository updates at each chunk's end (a transaction each) follow one another on the
     * partition's thread. The chunk runs on a resourceless transaction manager without synchronization:
     * with it, the reader's query bound its connection to the chunk until the chunk ended (through the
     * platform calls), and the writer and the repository then took a second one, so 6 partitions on a
     * pool of 6 each held one and waited for another until Hikari timed out. The call threads hold one
     * only while storing a refreshed token (SocialAccountSync.refresh), in a transaction of its own.
     */
    @Bean
    Step socialSyncPlatformStep(JobRepository jobRepository, DueAccountReader socialSyncReader,
                                ItemProcessor<PendingRead, Outcome> socialSyncProcessor, SocialSyncWriter socialSyncWriter,
                                SocialSyncProperties properties,
                                SocialSyncStatistics socialSyncStatistics) {
        ResourcelessTransactionManager noConnection = new ResourcelessTransactionManager();
        noConnection.setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_NEVER);
        return new StepBuilder("socialSyncPlatformStep", jobRepository)
                .<PendingRead, Outcome>chunk(properties.chunkSize())
                .transactionManager(noConnection)
                .reader(socialSyncReader)
                .processor(socialSyncProcessor)
                .writer(socialSyncWriter)
                .listener(socialSyncStatistics)
                .build();
    }

    /**
     * The partitions run on threads of their own, at most as many at once as the connection pool
     * serves after {@code ccp.social.sync.reserved-connections} (SocialPartitionHandler), so no
     * {@code partitions-per-platform} can starve the pool: the rest wait their turn.
     */
    @Bean
    Step socialSyncStep(JobRepository jobRepository, Step socialSyncPlatformStep, Partitioner socialSyncPartitioner,
                        SocialSyncProperties properties, DataSource dataSource) {
        SocialPartitionHandler partitions = new SocialPartitionHandler(socialSyncPlatformStep,
                () -> SocialPartitionHandler.hikariPoolSize(dataSource), properties.reservedConnections());
        partitions.setGridSize(Platform.values().length * properties.partitionsPerPlatform());
        return new StepBuilder("socialSyncStep", jobRepository)
                .partitioner("socialSyncPlatformStep", socialSyncPartitioner)
                .partitionHandler(partitions)
                .build();
    }

    @Bean
    Job socialSyncJob(JobRepository jobRepository, Step socialSyncStep, JobExecutionLogger jobExecutionLogger) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(jobExecutionLogger)
                .validator(platformValidator())
                .start(socialSyncStep)
                .build();
    }

    private static JobParametersValidator platformValidator() {
        return parameters -> {
            String platform = parameters.getString(PLATFORM);
            if (platform != null && !platform.isBlank() && !"all".equalsIgnoreCase(platform.strip())
                    && Platform.parse(platform.strip()).isEmpty()) {
                throw new InvalidJobParametersException("platform must be instagram, youtube, tiktok, twitter or all, not '"
                        + platform + "'");
            }
            Long limit = parameters.getLong(LIMIT);
            if (limit != null && limit < 0) {
                throw new InvalidJobParametersException("limit must be 0 (all) or more, not " + limit);
            }
        };
    }

    /** Per partition: a one-line summary as the exit description, and the sync lag gauge. */
    @Bean
    SocialSyncStatistics socialSyncStatistics(SocialSyncDao dao, SocialSyncProperties properties,
                                              ObjectProvider<MeterRegistry> meters) {
        return new SocialSyncStatistics(dao, properties, meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    static class SocialSyncStatistics implements StepExecutionListener {
        private final SocialSyncDao dao;
        private final SocialSyncProperties properties;
        private final Map<Platform, AtomicLong> lagSeconds = new EnumMap<>(Platform.class);

        SocialSyncStatistics(SocialSyncDao dao, SocialSyncProperties properties, MeterRegistry meters) {
            this.dao = dao;
            this.properties = properties;
            for (Platform p : Platform.values()) {
                AtomicLong lag = new AtomicLong();
                lagSeconds.put(p, lag);
                Gauge.builder("ccp.social.sync.lag", lag, AtomicLong::get).tag("platform", p.dbValue()).baseUnit("seconds")
                        .description("age of the oldest due account's last attempt, at the last sync run's start and end")
                        .register(meters);
            }
        }

        private Optional<Platform> platform(StepExecution step) {
            String value = step.getExecutionContext().getString(PARTITION_PLATFORM, null);
            return value == null ? Optional.empty() : Platform.parse(value);
        }

        @Override
        public void beforeStep(StepExecution step) {
            platform(step).ifPresent(p -> updateLag(p, step));
        }

        @Override
        public ExitStatus afterStep(StepExecution step) {
            Optional<Platform> platform = platform(step);
            if (platform.isEmpty()) {
                return null;
            }
            Platform p = platform.get();
            ExecutionContext context = step.getExecutionContext();
            updateLag(p, step);
            String summary = "%s: %d synced, %d failed, %d disconnected, %d rate-limited, %d skipped, %d retries".formatted(
                    p.dbValue(), context.getLong(SocialSyncWriter.SYNCED, 0L), context.getLong(SocialSyncWriter.FAILED, 0L),
                    context.getLong(SocialSyncWriter.DISCONNECTED, 0L), context.getLong(SocialSyncWriter.RATE_LIMITED, 0L),
                    context.getLong(SocialSyncWriter.SKIPPED, 0L), context.getLong(RETRIES, 0L));
            return step.getExitStatus().addExitDescription(summary);
        }

        private void updateLag(Platform p, StepExecution step) {
            long cutoff = step.getExecutionContext().getLong(PARTITION_CUTOFF, Instant.now().toEpochMilli());
            Optional<Instant> oldest = dao.oldestDue(p.dbValue(), Instant.ofEpochMilli(cutoff),
                    properties.errorBackoff().toSeconds(), properties.maxErrorBackoff().toSeconds());
            lagSeconds.get(p).set(oldest.map(t -> Duration.between(t, Instant.now()).toSeconds()).orElse(0L));
        }
    }
}
