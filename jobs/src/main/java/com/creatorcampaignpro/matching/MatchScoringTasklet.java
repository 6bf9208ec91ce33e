package com.creatorcampaignpro.matching;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * One page of campaigns per call, each call its own transaction: score the page against the feature
 * table (loaded once per step execution) in parallel, keep each campaign's top K, replace their rows.
 * The last campaign id done is in the step's execution context, saved with each page's commit, so a
 * restart goes on after the last committed page.
 *
 * <p>Overlap: before writing page N (on the step's thread, in its transaction) the call reads page
 * N+1 and hands it to the scoring threads, so they score N+1 while N is written; the next call takes
 * that result if it is for the page after the committed one, else scores afresh. At most two pages'
 * top K (the one written, the one scored: 2 x page-size x top-K row numbers and scores) are held.
 * Nothing of the prefetch outlives the step execution, so a restart starts clean from the context.
 *
 * <p>Writing: a page's campaigns are split into {@code ccp.matching.writers} parts written at once
 * on as many connections (see {@link #write}); the feature table is loaded in as many user-id
 * ranges at once (see {@link #load}).
 */
class MatchScoringTasklet implements Tasklet {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MatchScoringTasklet.class);
    static final String AFTER = "matching.after";
    static final String CAMPAIGNS = "matching.campaigns";
    /**
     * Where the step's time went, in the execution context (milliseconds, summed over this execution's
     * pages): feature-table load, page reads, waiting for the scoring threads, building the rows of
     * the step thread's part, writing all parts (rows included); and the scoring threads' CPU time. For the benchmark and for operators sizing a run.
     */
    static final String[] PHASES = {"matching.ms.load", "matching.ms.read", "matching.ms.wait", "matching.ms.rows",
            "matching.ms.write", "matching.ms.scoringCpu"};
    private final long[] phaseNanos = new long[PHASES.length];
    private final java.util.concurrent.atomic.AtomicLong scoringCpuNanos = new java.util.concurrent.atomic.AtomicLong();

    private final MatchScorer scorer;
    private final MatchFeatureDao features;
    private final MatchCampaignDao campaigns;
    private final MatchScoreDao scores;
    private final MatchingProperties properties;
    private final boolean changedOnly;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate ownTransaction;
    private FeatureTable table;
    private ForkJoinPool pool;
    private java.util.concurrent.ExecutorService writers;
    private Prefetch prefetch;

    /** A page read after campaign {@code after} (null: from the start) and its scoring under way. */
    private record Prefetch(String after, List<MatchCampaignDao.CampaignCriteria> page, Future<List<TopMatches>> tops) {
    }

    MatchScoringTasklet(MatchScorer scorer, MatchFeatureDao features, MatchCampaignDao campaigns, MatchScoreDao scores,
                        MatchingProperties properties, boolean changedOnly, Clock clock,
                        org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.scorer = scorer;
        this.features = features;
        this.campaigns = campaigns;
        this.scores = scores;
        this.properties = properties;
        this.changedOnly = changedOnly;
        this.clock = clock;
        this.ownTransaction = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        ExecutionContext context = chunkContext.getStepContext().getStepExecution().getExecutionContext();
        if (table == null) {
            // daemon threads that die when idle: a stopped step is not called again to shut them down
            java.util.concurrent.ThreadPoolExecutor executor = new java.util.concurrent.ThreadPoolExecutor(
                    Math.max(1, properties.writers() - 1), Math.max(1, properties.writers() - 1), 30,
                    java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(), runnable -> {
                        Thread thread = new Thread(runnable, "match-writer");
                        thread.setDaemon(true);
                        return thread;
                    });
            executor.allowCoreThreadTimeOut(true);
            writers = executor;
            pool = new ForkJoinPool(properties.effectiveThreads());
            long t0 = System.nanoTime();
            try {
                table = scorer.table(load());
            } catch (Exception | Error e) {
                shutDown();
                throw e;
            }
            phaseNanos[0] += System.nanoTime() - t0;
        }
        try {
            String after = context.containsKey(AFTER) ? context.getString(AFTER) : null;
            Prefetch current = prefetch != null && java.util.Objects.equals(prefetch.after(), after) ? prefetch : read(after);
            prefetch = null;
            List<MatchCampaignDao.CampaignCriteria> page = current.page();
            if (page.isEmpty()) {
                shutDown();
                record(context);
                log.info("matchScoringStep: {} influencers; ms load {}, read {}, wait {}, rows {}, write {}, scoring CPU {}",
                        table.size(), context.getLong(PHASES[0]), context.getLong(PHASES[1]), context.getLong(PHASES[2]),
                        context.getLong(PHASES[3]), context.getLong(PHASES[4]), context.getLong(PHASES[5]));
                return RepeatStatus.FINISHED;
            }
            long t0 = System.nanoTime();
            List<TopMatches> tops = current.tops().get();
            long t1 = System.nanoTime();
            String last = page.get(page.size() - 1).campaignId().toString();
            prefetch = read(last);
            long t2 = System.nanoTime();
            write(page, tops, clock.instant());
            long t3 = System.nanoTime();
            phaseNanos[2] += t1 - t0;
            phaseNanos[4] += t3 - t2;
            record(context);
            context.putString(AFTER, last);
            context.putLong(CAMPAIGNS, context.getLong(CAMPAIGNS, 0) + page.size());
            contribution.incrementReadCount();
            contribution.incrementWriteCount(tops.stream().mapToLong(TopMatches::size).sum());
            return RepeatStatus.CONTINUABLE;
        } catch (Exception | Error e) {
            // the step fails: stop scoring a page nobody will write
            prefetch = null;
            shutDown();
            throw e;
        }
    }

    private void shutDown() {
        pool.shutdownNow();
        writers.shutdownNow();
    }

    /**
     * The feature table's rows in parts by user id, one per writer connection, in parallel (the
     * step's thread loads the first): PostgreSQL's per-row work is most of the load, and it runs on
     * one core per connection. Concatenated in user id order, as {@link MatchFeatureDao#all} returns them.
     */
    private List<InfluencerFeatures> load() throws Exception {
        int parts = properties.writers();
        if (parts == 1) {
            return features.all();
        }
        List<Future<List<InfluencerFeatures>>> rest = new java.util.ArrayList<>();
        for (int i = 1; i < parts; i++) {
            UUID from = boundary(i, parts);
            UUID to = i + 1 < parts ? boundary(i + 1, parts) : null;
            rest.add(writers.submit(() -> features.range(from, to)));
        }
        List<InfluencerFeatures> all = new java.util.ArrayList<>(features.range(new UUID(0, 0), boundary(1, parts)));
        for (Future<List<InfluencerFeatures>> part : rest) {
            all.addAll(part.get());
        }
        return all;
    }

    /** The i-th of n splits of the uuid space by its first 32 bits (PostgreSQL compares uuids as unsigned bytes). */
    static UUID boundary(int i, int n) {
        long first32 = (0x1_0000_0000L * i) / n;
        return new UUID(first32 << 32, 0);
    }

    /**
     * Replaces the page's rows: its campaigns split into {@code writers} contiguous parts, each
     * written in its own transaction, the first on the step's thread, the others at the same time on
     * other connections, so that several PostgreSQL backends insert at once. Not the step's transaction: a part
     * holds the match_scores write lock until it commits (V201), and the step's transaction would hold
     * it while waiting for the other parts, whose requests for it queue behind any delete that is
     * waiting for the step's: a hang PostgreSQL cannot see. All parts are done before the step's
     * progress moves past the page. Should the step then fail,
     * a restart writes the page again: a replace is idempotent, and each campaign's rows are replaced
     * whole in one transaction, so readers never see a campaign half written. On a failure the other
     * parts are waited for before the step fails, so none is still writing when a restart begins.
     */
    private void write(List<MatchCampaignDao.CampaignCriteria> page, List<TopMatches> tops, java.time.Instant at) throws Exception {
        int parts = Math.min(properties.writers(), page.size());
        int per = (page.size() + parts - 1) / parts;
        List<Future<?>> others = new java.util.ArrayList<>();
        for (int from = per; from < page.size(); from += per) {
            List<MatchCampaignDao.CampaignCriteria> part = page.subList(from, Math.min(page.size(), from + per));
            List<TopMatches> partTops = tops.subList(from, Math.min(page.size(), from + per));
            others.add(writers.submit(() -> ownTransaction.executeWithoutResult(
                    status -> scores.replace(columns(part, partTops), MatchScorer.MODEL_VERSION, at))));
        }
        try {
            long t0 = System.nanoTime();
            MatchScoreDao.CampaignPage rows = columns(page.subList(0, Math.min(page.size(), per)), tops.subList(0, Math.min(page.size(), per)));
            phaseNanos[3] += System.nanoTime() - t0;
            ownTransaction.executeWithoutResult(status -> scores.replace(rows, MatchScorer.MODEL_VERSION, at));
        } catch (Exception | Error e) {
            for (Future<?> other : others) {
                try {
                    other.get();
                } catch (java.util.concurrent.ExecutionException ignored) {
                    // the step's own failure is the one reported
                }
            }
            throw e;
        }
        for (Future<?> other : others) {
            try {
                other.get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw e;
            }
        }
    }

    private void record(ExecutionContext context) {
        phaseNanos[5] = scoringCpuNanos.get();
        for (int i = 0; i < PHASES.length; i++) {
            context.putLong(PHASES[i], phaseNanos[i] / 1_000_000);
        }
    }

    /** Reads the page after {@code after} and starts scoring it on the pool. */
    private Prefetch read(String after) {
        long t0 = System.nanoTime();
        List<MatchCampaignDao.CampaignCriteria> page = campaigns.page(after == null ? null : UUID.fromString(after),
                changedOnly, MatchScorer.MODEL_VERSION, properties.pageSize());
        phaseNanos[1] += System.nanoTime() - t0;
        return new Prefetch(after, page, page.isEmpty() ? CompletableFuture.completedFuture(List.of()) : score(page));
    }

    /**
     * The page's campaigns split into one slice per thread, each slice scored block by block of the
     * table ({@link TopMatches#ofEach}: a block of rows is read from memory once per slice, not once
     * per campaign). Results in page order.
     */
    private Future<List<TopMatches>> score(List<MatchCampaignDao.CampaignCriteria> page) {
        List<CompiledCriteria> compiled = page.stream().map(c -> scorer.compile(c.criteria(), table)).toList();
        int threads = Math.min(properties.effectiveThreads(), compiled.size());
        int per = (compiled.size() + threads - 1) / threads;
        int slices = (compiled.size() + per - 1) / per;
        return pool.submit(() -> IntStream.range(0, slices).parallel()
                .mapToObj(i -> {
                    long cpu = THREADS.getCurrentThreadCpuTime();
                    List<TopMatches> slice = TopMatches.ofEach(scorer,
                            compiled.subList(i * per, Math.min(compiled.size(), (i + 1) * per)), properties.topK());
                    scoringCpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
                    return slice;
                })
                .flatMap(List::stream)
                .toList());
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private MatchScoreDao.CampaignPage columns(List<MatchCampaignDao.CampaignCriteria> page, List<TopMatches> tops) {
        int rows = tops.stream().mapToInt(TopMatches::size).sum();
        UUID[] campaignIds = new UUID[page.size()];
        java.time.Instant[] updated = new java.time.Instant[page.size()];
        int[] matches = new int[page.size()];
        UUID[] rowCampaign = new UUID[rows];
        UUID[] influencer = new UUID[rows];
        int[] rank = new int[rows];
        double[] score = new double[rows];
        double[][] components = new double[rows][];
        int r = 0;
        for (int c = 0; c < page.size(); c++) {
            MatchCampaignDao.CampaignCriteria campaign = page.get(c);
            TopMatches top = tops.get(c);
            campaignIds[c] = campaign.campaignId();
            updated[c] = campaign.updatedAt();
            matches[c] = top.size();
            CompiledCriteria compiled = top.size() == 0 ? null : scorer.compile(campaign.criteria(), table);
            for (int i = 0; i < top.size(); i++, r++) {
                rowCampaign[r] = campaign.campaignId();
                influencer[r] = table.id(top.row(i));
                rank[r] = i + 1;
                score[r] = top.score(i);
                components[r] = scorer.componentValues(compiled, top.row(i));
            }
        }
        return new MatchScoreDao.CampaignPage(campaignIds, updated, matches, table.size(), rowCampaign, influencer, rank,
                score, components);
    }
}
