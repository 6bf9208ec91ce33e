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
 */
class MatchScoringTasklet implements Tasklet {
    static final String AFTER = "matching.after";
    static final String CAMPAIGNS = "matching.campaigns";

    private final MatchScorer scorer;
    private final MatchFeatureDao features;
    private final MatchCampaignDao campaigns;
    private final MatchScoreDao scores;
    private final MatchingProperties properties;
    private final boolean changedOnly;
    private final Clock clock;
    private FeatureTable table;
    private ForkJoinPool pool;
    private Prefetch prefetch;

    /** A page read after campaign {@code after} (null: from the start) and its scoring under way. */
    private record Prefetch(String after, List<MatchCampaignDao.CampaignCriteria> page, Future<List<TopMatches>> tops) {
    }

    MatchScoringTasklet(MatchScorer scorer, MatchFeatureDao features, MatchCampaignDao campaigns, MatchScoreDao scores,
                        MatchingProperties properties, boolean changedOnly, Clock clock) {
        this.scorer = scorer;
        this.features = features;
        this.campaigns = campaigns;
        this.scores = scores;
        this.properties = properties;
        this.changedOnly = changedOnly;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        ExecutionContext context = chunkContext.getStepContext().getStepExecution().getExecutionContext();
        if (table == null) {
            table = scorer.table(features.all());
            pool = new ForkJoinPool(properties.effectiveThreads());
        }
        try {
            String after = context.containsKey(AFTER) ? context.getString(AFTER) : null;
            Prefetch current = prefetch != null && java.util.Objects.equals(prefetch.after(), after) ? prefetch : read(after);
            prefetch = null;
            List<MatchCampaignDao.CampaignCriteria> page = current.page();
            if (page.isEmpty()) {
                pool.shutdown();
                return RepeatStatus.FINISHED;
            }
            List<TopMatches> tops = current.tops().get();
            String last = page.get(page.size() - 1).campaignId().toString();
            prefetch = read(last);
            scores.replace(columns(page, tops), MatchScorer.MODEL_VERSION, clock.instant());
            context.putString(AFTER, last);
            context.putLong(CAMPAIGNS, context.getLong(CAMPAIGNS, 0) + page.size());
            contribution.incrementReadCount();
            contribution.incrementWriteCount(tops.stream().mapToLong(TopMatches::size).sum());
            return RepeatStatus.CONTINUABLE;
        } catch (Exception | Error e) {
            // the step fails: stop scoring a page nobody will write
            prefetch = null;
            pool.shutdownNow();
            throw e;
        }
    }

    /** Reads the page after {@code after} and starts scoring it on the pool. */
    private Prefetch read(String after) {
        List<MatchCampaignDao.CampaignCriteria> page = campaigns.page(after == null ? null : UUID.fromString(after),
                changedOnly, MatchScorer.MODEL_VERSION, properties.pageSize());
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
                .mapToObj(i -> TopMatches.ofEach(scorer, compiled.subList(i * per, Math.min(compiled.size(), (i + 1) * per)),
                        properties.topK()))
                .flatMap(List::stream)
                .toList());
    }

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
