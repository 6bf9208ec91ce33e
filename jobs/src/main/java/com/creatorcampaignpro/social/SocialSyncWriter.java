package com.creatorcampaignpro.social;

import com.creatorcampaignpro.social.SocialAccountSync.Failed;
import com.creatorcampaignpro.social.SocialAccountSync.Outcome;
import com.creatorcampaignpro.social.SocialAccountSync.RateLimited;
import com.creatorcampaignpro.social.SocialAccountSync.Revoked;
import com.creatorcampaignpro.social.SocialAccountSync.Synced;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;
import java.util.function.ToLongFunction;

/**
 * Writes a chunk's outcomes in one short transaction of its own (the step itself runs on a
 * resourceless transaction manager, so no connection is held while the processor calls platforms),
 * then counts them: per outcome in the step's context under {@code count.*} (the operators' execution
 * view shows every {@code count.*} entry of a step) and in Micrometer.
 * An unreadable answer is a skip: recorded on the account, counted as a process skip, and the
 * partition fails once there are more than the skip limit.
 */
class SocialSyncWriter implements ItemWriter<Outcome> {
    static final String SYNCED = "count.synced";
    static final String FAILED = "count.failed";
    static final String DISCONNECTED = "count.disconnected";
    static final String RATE_LIMITED = "count.rateLimited";
    static final String SKIPPED = "count.skipped";

    private final SocialAccountSync sync;
    private final TransactionTemplate tx;
    private final StepExecution step;
    private final Platform platform;
    private final int skipLimit;
    private final MeterRegistry meters;
    private final ToLongFunction<UUID> retriesOf;

    /** {@code retriesOf}: the retries an account's read cost (taken once). */
    SocialSyncWriter(SocialAccountSync sync, TransactionTemplate tx, StepExecution step, Platform platform, int skipLimit,
                     MeterRegistry meters, ToLongFunction<UUID> retriesOf) {
        this.sync = sync;
        this.tx = tx;
        this.step = step;
        this.platform = platform;
        this.skipLimit = skipLimit;
        this.meters = meters;
        this.retriesOf = retriesOf;
    }

    @Override
    public void write(Chunk<? extends Outcome> chunk) {
        List<? extends Outcome> outcomes = chunk.getItems();
        tx.executeWithoutResult(status -> sync.record(outcomes));
        long synced = 0;
        long failed = 0;
        long revoked = 0;
        long limited = 0;
        long unreadable = 0;
        long retries = 0;
        for (Outcome outcome : outcomes) {
            retries += retriesOf.applyAsLong(outcome.account().id());
            if (outcome instanceof Synced) {
                synced++;
            } else if (outcome instanceof Failed f) {
                if (f.cause() instanceof UnreadableResponseException) {
                    unreadable++;
                } else {
                    failed++;
                }
            } else if (outcome instanceof Revoked) {
                revoked++;
            } else if (outcome instanceof RateLimited) {
                limited++;
            }
        }
        ExecutionContext context = step.getExecutionContext();
        add(context, SYNCED, synced, "synced");
        add(context, FAILED, failed, "failed");
        add(context, DISCONNECTED, revoked, "disconnected");
        add(context, RATE_LIMITED, limited, "rate_limited");
        add(context, SKIPPED, unreadable, "skipped");
        context.putLong(SocialSyncJobConfiguration.RETRIES, context.getLong(SocialSyncJobConfiguration.RETRIES, 0L) + retries);
        if (unreadable > 0) {
            step.setProcessSkipCount(step.getProcessSkipCount() + unreadable);
            if (context.getLong(SKIPPED) > skipLimit) {
                throw new SkipLimitExceededException(platform, context.getLong(SKIPPED), skipLimit);
            }
        }
    }

    private void add(ExecutionContext context, String key, long n, String outcome) {
        context.putLong(key, context.getLong(key, 0L) + n);
        if (n > 0) {
            Counter.builder("ccp.social.accounts").tag("platform", platform.dbValue()).tag("outcome", outcome)
                    .description("accounts the sync job read, by outcome").register(meters).increment(n);
        }
    }

    /** More unreadable answers than the skip limit: something changed on the platform's side. */
    static class SkipLimitExceededException extends RuntimeException {
        SkipLimitExceededException(Platform platform, long skipped, int limit) {
            super(platform.dbValue() + ": " + skipped + " accounts answered unreadably, more than the skip limit of "
                    + limit + " (ccp.social.sync.skip-limit): the platform's format may have changed");
        }
    }
}
