package com.creatorcampaignpro.social;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;

/**
 * The due accounts of one platform (of one slice of them, when the platform has several partitions),
 * by keyset on (sync_attempted_at, id), a page at a time. The keyset
 * position and the count read are saved in the step's context at each chunk commit, so a restart goes
 * on after the last committed chunk; and since every written account's sync_attempted_at moves past the
 * run's cutoff, an account finished before a crash is not due any more even if its chunk's context
 * was not saved.
 */
class DueAccountReader implements ItemStreamReader<SocialAccount> {
    static final String AFTER_ATTEMPTED = "social.reader.afterAttempted";
    static final String AFTER_ID = "social.reader.afterId";
    static final String READ = "social.reader.read";

    private final SocialSyncDao dao;
    private final Platform platform;
    private final int slice;
    private final int slices;
    private final Instant cutoff;
    private final long limit;
    private final int pageSize;
    private final double baseSeconds;
    private final double maxSeconds;
    private final Deque<SocialAccount> page = new ArrayDeque<>();
    private Instant afterAttempted = Instant.EPOCH.minusSeconds(1);
    private UUID afterId = new UUID(0, 0);
    private long read;
    private boolean exhausted;

    /** Reads at most {@code limit} accounts ({@code Long.MAX_VALUE}: every due one) of slice {@code slice} of {@code slices}. */
    DueAccountReader(SocialSyncDao dao, Platform platform, Instant cutoff, int slice, int slices, long limit, int pageSize,
                     SocialSyncProperties properties) {
        this.dao = dao;
        this.platform = platform;
        this.slice = slice;
        this.slices = slices;
        this.cutoff = cutoff;
        this.limit = limit;
        this.pageSize = pageSize;
        this.baseSeconds = properties.errorBackoff().toMillis() / 1000.0;
        this.maxSeconds = properties.maxErrorBackoff().toMillis() / 1000.0;
    }

    @Override
    public void open(ExecutionContext context) {
        if (context.containsKey(AFTER_ID)) {
            afterAttempted = Instant.ofEpochSecond(0, context.getLong(AFTER_ATTEMPTED) * 1_000);
            afterId = UUID.fromString(context.getString(AFTER_ID));
            read = context.getLong(READ);
        }
    }

    @Override
    public SocialAccount read() {
        if (read >= limit) {
            return null;
        }
        if (page.isEmpty() && !exhausted) {
            int want = (int) Math.min(pageSize, limit - read);
            page.addAll(dao.due(platform.dbValue(), cutoff, baseSeconds, maxSeconds, afterAttempted, afterId, slice, slices,
                    want));
            exhausted = page.size() < want;
        }
        SocialAccount next = page.poll();
        if (next != null) {
            afterAttempted = next.syncAttemptedAt();
            afterId = next.id();
            read++;
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
}
