package com.creatorcampaignpro.matching;

import java.util.Arrays;
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
        FeatureTable t = c.table;
        int[] heapRow = new int[k];
        double[] heapScore = new double[k];
        int size = 0;
        for (int row = 0; row < t.size; row++) {
            if (!include.test(row)) {
                continue;
            }
            double threshold = size < k ? Double.NEGATIVE_INFINITY : heapScore[0];
            double s = scorer.score(c, row, threshold);
            if (Double.isNaN(s)) {
                continue;
            }
            if (size < k) {
                heapRow[size] = row;
                heapScore[size] = s;
                siftUp(t.ids, heapRow, heapScore, size++);
            } else if (better(t.ids, s, row, heapScore[0], heapRow[0])) {
                heapRow[0] = row;
                heapScore[0] = s;
                siftDown(t.ids, heapRow, heapScore, size);
            }
        }
        // Pop the heap worst-first into the result from the back: best first.
        int[] rows = new int[size];
        double[] scores = new double[size];
        for (int i = size - 1; i >= 0; i--) {
            rows[i] = heapRow[0];
            scores[i] = heapScore[0];
            heapRow[0] = heapRow[i];
            heapScore[0] = heapScore[i];
            siftDown(t.ids, heapRow, heapScore, i);
        }
        return new TopMatches(rows, scores);
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
