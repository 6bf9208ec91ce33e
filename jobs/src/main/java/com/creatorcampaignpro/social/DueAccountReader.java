package com.creatorcampaignpro.social;

import com.creatorcampaignpro.social.SocialAccountSync.Outcome;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.core.task.AsyncTaskExecutor;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The due accounts of one platform (of one slice of them, when the platform has several partitions),
 * by keyset on (sync_attempted_at, id), a page at a time, each handed out with its platform read
 * already started: the reader starts the reads of up to {@code lookahead} accounts beyond the one it
 * hands out, on the platform's call pool. With a lookahead of one chunk, the next chunk's calls run
 * while this chunk is written, so the platform's rate limit is not left idle at chunk boundaries.
 *
 * <p>The keyset position and the count saved in the step's context at each chunk commit are those of
 * the accounts handed out (whose outcomes that commit wrote), not of the reads started ahead: a
 * restart goes on after the last committed chunk, and reads started ahead for a chunk that never
 * committed are made again. Since every written account's sync_attempted_at moves past the run's
 * cutoff, an account finished before a crash is not due any more even if its chunk's context was not
 * saved. When the step closes, reads started ahead and not yet running are cancelled and the running
 * ones waited for.
 */
class DueAccountReader implements ItemStreamReader<DueAccountReader.PendingRead> {
    static final String AFTER_ATTEMPTED = "social.reader.afterAttempted";
    static final String AFTER_ID = "social.reader.afterId";
    static final String READ = "social.reader.read";

    /** An account and its platform read, started ahead of its chunk. */
    record PendingRead(SocialAccount account, Future<Outcome> outcome) {
    }

    private final SocialSyncDao dao;
    private final Platform platform;
    private final int slice;
    private final int slices;
    private final Instant cutoff;
    private final long limit;
    private final int pageSize;
    private final int lookahead;
    private final AsyncTaskExecutor pool;
    private final Function<SocialAccount, Outcome> readAccount;
    private final Object lock = new Object();
    private int running;
    private boolean closed;
    private final double baseSeconds;
    private final double maxSeconds;
    private final Deque<SocialAccount> page = new ArrayDeque<>();
    private final Deque<PendingRead> started = new ArrayDeque<>();
    // Handed out (saved for a restart)...
    private Instant afterAttempted = Instant.EPOCH.minusSeconds(1);
    private UUID afterId = new UUID(0, 0);
    private long read;
    // ...and fetched from the database, ahead of it.
    private Instant fetchedAttempted = afterAttempted;
    private UUID fetchedId = afterId;
    private long fetched;
    private boolean exhausted;

    /**
     * Reads at most {@code limit} accounts ({@code Long.MAX_VALUE}: every due one) of slice
     * {@code slice} of {@code slices}; {@code readAccount} makes one account's platform calls, on {@code pool}.
     */
    DueAccountReader(SocialSyncDao dao, Platform platform, Instant cutoff, int slice, int slices, long limit, int pageSize,
                     int lookahead, AsyncTaskExecutor pool, Function<SocialAccount, Outcome> readAccount,
                     SocialSyncProperties properties) {
        this.dao = dao;
        this.platform = platform;
        this.slice = slice;
        this.slices = slices;
        this.cutoff = cutoff;
        this.limit = limit;
        this.pageSize = pageSize;
        this.lookahead = Math.max(1, lookahead);
        this.pool = pool;
        this.readAccount = readAccount;
        this.baseSeconds = properties.errorBackoff().toMillis() / 1000.0;
        this.maxSeconds = properties.maxErrorBackoff().toMillis() / 1000.0;
    }

    @Override
    public void open(ExecutionContext context) {
        if (context.containsKey(AFTER_ID)) {
            afterAttempted = Instant.ofEpochSecond(0, context.getLong(AFTER_ATTEMPTED) * 1_000);
            afterId = UUID.fromString(context.getString(AFTER_ID));
            read = context.getLong(READ);
            fetchedAttempted = afterAttempted;
            fetchedId = afterId;
            fetched = read;
        }
    }

    @Override
    public PendingRead read() {
        while (started.size() < lookahead) {
            SocialAccount next = fetch();
            if (next == null) {
                break;
            }
            started.add(new PendingRead(next, pool.submit(() -> readTracked(next))));
        }
        PendingRead next = started.poll();
        if (next != null) {
            afterAttempted = next.account().syncAttemptedAt();
            afterId = next.account().id();
            read++;
        }
        return next;
    }

    private SocialAccount fetch() {
        if (fetched >= limit) {
            return null;
        }
        if (page.isEmpty() && !exhausted) {
            int want = (int) Math.min(pageSize, limit - fetched);
            page.addAll(dao.due(platform.dbValue(), cutoff, baseSeconds, maxSeconds, fetchedAttempted, fetchedId, slice,
                    slices, want));
            exhausted = page.size() < want;
        }
        SocialAccount next = page.poll();
        if (next != null) {
            fetchedAttempted = next.syncAttemptedAt();
            fetchedId = next.id();
            fetched++;
        }
        return next;
    }

    @Override
    public void update(ExecutionContext context) {
        // Microseconds: PostgreSQL's precision, so the keyset compares equal to what it read.
        context.putLong(AFTER_ATTEMPTED, afterAttempted.getEpochSecond() * 1_000_000 + afterAttempted.getNano() / 1_000);
        context.putString(AFTER_ID, afterId.toString());
        context.putLong(READ, read);
    }

    /** A read that runs unless the step closed first; close() waits for the ones running. */
    private Outcome readTracked(SocialAccount account) {
        synchronized (lock) {
            if (closed) {
                return new SocialAccountSync.Skipped(account, "the partition stopped");
            }
            running++;
        }
        try {
            return readAccount.apply(account);
        } finally {
            synchronized (lock) {
                running--;
                lock.notifyAll();
            }
        }
    }

    /**
     * Cancels the reads started ahead that are not running yet and waits for the running ones, so a
     * partition's calls end with it (a restart's counts, and the platform, see no stragglers). Not
     * interrupting: a token refresh under way must be allowed to store what the platform rotated.
     */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        started.forEach(p -> p.outcome().cancel(false));
        started.clear();
        synchronized (lock) {
            while (running > 0) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
