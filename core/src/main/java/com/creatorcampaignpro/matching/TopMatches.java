package com.creatorcampaignpro.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.IntPredicate;

/**
 * The K best rows of a table for one campaign, best first: a bounded min-heap of primitives (row and
 * score), so a campaign costs O(rows x log K) time and O(K) memory. Ties in score go to the smaller
 * influencer id, so the result is the same whatever the order of the rows.
 */
public final class TopMatches {
    private final int[] rows;
    private final double[] scores;

    private TopMatches(int[] rows, double[] scores) {
        this.rows = rows;
        this.scores = scores;
    }

    public int size() {
        return rows.length;
    }

    public int row(int i) {
        return rows[i];
    }

    public double score(int i) {
        return scores[i];
    }

    public static TopMatches of(MatchScorer scorer, CompiledCriteria c, int k) {
        return of(scorer, c, k, row -> true);
    }

    /** @param include rows the caller wants considered at all (e.g. not already invited) */
    public static TopMatches of(MatchScorer scorer, CompiledCriteria c, int k, IntPredicate include) {
        Collector collector = new Collector(c.table.ids, k);
        scan(scorer, c, collector, 0, c.table.rowWords, scorer.withoutCategoryBound(), include);
        return collector.result();
    }

    /** Rows per block of {@link #ofEach}: about 1 MB of the table's columns, so a block stays in the core's cache. */
    public static final int BLOCK_ROWS = 1024;

    /**
     * The top K of each of these campaigns (all over one table), equal to {@link #of} for each: the
     * table is walked a block of rows at a time, and every campaign is scored against a block before
     * the next is read. One campaign at a time would stream the whole table from memory per campaign
     * (about 500 bytes per pair); this way a block is read from memory once per batch of campaigns.
     */
    public static List<TopMatches> ofEach(MatchScorer scorer, List<CompiledCriteria> campaigns, int k) {
        if (campaigns.isEmpty()) {
            return List.of();
        }
        FeatureTable t = campaigns.get(0).table;
        Collector[] collectors = new Collector[campaigns.size()];
        for (int i = 0; i < collectors.length; i++) {
            if (campaigns.get(i).table != t) {
                throw new IllegalArgumentException("all campaigns must be compiled against one table");
            }
            collectors[i] = new Collector(t.ids, k);
        }
        double withoutCategory = scorer.withoutCategoryBound();
        for (int from = 0; from < t.rowWords; from += BLOCK_ROWS / 64) {
            int to = Math.min(t.rowWords, from + BLOCK_ROWS / 64);
            for (int i = 0; i < collectors.length; i++) {
                scan(scorer, campaigns.get(i), collectors[i], from, to, withoutCategory, null);
            }
        }
        List<TopMatches> out = new ArrayList<>(collectors.length);
        for (Collector collector : collectors) {
            out.add(collector.result());
        }
        return out;
    }

    /**
     * Offers the rows of words [fromWord, toWord) of the table's row bitsets. Skipped without being
     * scored, a word at a time: rows a hard filter excludes (unavailable, no account on a required
     * platform), and, once the K-th score is above what any row without one of the campaign's
     * categories can reach, such rows. Neither could enter the top K, so the result is the same as
     * scoring every row; most pairs of a large table end here, as a few bit operations per 64 rows.
     */
    private static void scan(MatchScorer scorer, CompiledCriteria c, Collector collector, int fromWord, int toWord,
                             double withoutCategory, IntPredicate include) {
        FeatureTable t = c.table;
        int words = t.rowWords;
        int[] required = c.requiredPlatformOrdinals;
        int[] categories = c.categoryIndices;
        boolean categoryBound = c.categoryCount > 0 && categories.length > 0;
        for (int w = fromWord; w < toWord; w++) {
            long bits = t.notUnavailableRows[w];
            for (int p : required) {
                bits &= t.platformRows[p * words + w];
            }
            if (categoryBound && bits != 0 && collector.threshold() > withoutCategory) {
                long any = 0;
                for (int k : categories) {
                    any |= t.categoryRows[k * words + w];
                }
                bits &= any;
            }
            while (bits != 0) {
                int row = (w << 6) | Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                if (include == null || include.test(row)) {
                    collector.offer(row, scorer.score(c, row, collector.threshold()));
                }
            }
        }
    }

    /** The bounded min-heap of one campaign: offer rows in any order, take the best K. */
    static final class Collector {
        private final UUID[] ids;
        private final int k;
        private final int[] heapRow;
        private final double[] heapScore;
        private int size;

        Collector(UUID[] ids, int k) {
            this.ids = ids;
            this.k = k;
            this.heapRow = new int[k];
            this.heapScore = new double[k];
        }

        /** The score a row must reach to enter (the K-th best so far), or -infinity while fewer than K. */
        double threshold() {
            return size < k ? Double.NEGATIVE_INFINITY : heapScore[0];
        }

        /** @param s the row's score, NaN = excluded (or cut off below the threshold) */
        void offer(int row, double s) {
            if (Double.isNaN(s)) {
                return;
            }
            if (size < k) {
                heapRow[size] = row;
                heapScore[size] = s;
                siftUp(ids, heapRow, heapScore, size++);
            } else if (better(ids, s, row, heapScore[0], heapRow[0])) {
                heapRow[0] = row;
                heapScore[0] = s;
                siftDown(ids, heapRow, heapScore, size);
            }
        }

        /** Pops the heap worst-first into the result from the back: best first. Once only. */
        TopMatches result() {
            int[] rows = new int[size];
            double[] scores = new double[size];
            for (int i = size - 1; i >= 0; i--) {
                rows[i] = heapRow[0];
                scores[i] = heapScore[0];
                heapRow[0] = heapRow[i];
                heapScore[0] = heapScore[i];
                siftDown(ids, heapRow, heapScore, i);
            }
            return new TopMatches(rows, scores);
        }
    }

    /** a is better than b: higher score, or equal score and smaller id. */
    static boolean better(UUID[] ids, double scoreA, int rowA, double scoreB, int rowB) {
        if (scoreA != scoreB) {
            return scoreA > scoreB;
        }
        return ids[rowA].compareTo(ids[rowB]) < 0;
    }

    private static void siftUp(UUID[] ids, int[] r, double[] s, int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!better(ids, s[parent], r[parent], s[i], r[i])) {
                break;
            }
            swap(r, s, i, parent);
            i = parent;
        }
    }

    private static void siftDown(UUID[] ids, int[] r, double[] s, int size) {
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                return;
            }
            if (child + 1 < size && better(ids, s[child], r[child], s[child + 1], r[child + 1])) {
                child++;
            }
            if (!better(ids, s[i], r[i], s[child], r[child])) {
                return;
            }
            swap(r, s, i, child);
            i = child;
        }
    }

    private static void swap(int[] r, double[] s, int a, int b) {
        int tr = r[a];
        r[a] = r[b];
        r[b] = tr;
        double ts = s[a];
        s[a] = s[b];
        s[b] = ts;
    }

    @Override
    public String toString() {
        return "TopMatches" + Arrays.toString(rows);
    }
}
