package com.creatorcampaignpro.optimization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Chooses which influencer makes which deliverable to maximize the predicted value (engagement or
 * reach) within the remaining budget and the campaign's deliverable counts: a 0/1 problem with one
 * budget row and one cardinality row per deliverable kind (each option is one unit of one kind by
 * one influencer).
 *
 * <p>Exact: depth-first branch-and-bound over the options in value-per-cost order, pruned with the
 * Lagrangian relaxation of the budget row, {@code L(l) = l * budget + sum over kinds of the best
 * "remaining count" values of (value - l * cost)+}, which bounds the optimum from above for every
 * {@code l >= 0} and at its minimum equals the LP relaxation. The search ends with a proof: every
 * pruned subtree's bound was no better than the plan returned. A node limit guards the worst case
 * (0/1 knapsack is NP-hard); if it is hit, the answer says so ({@code provenOptimal = false}) and
 * gives the best upper bound, never pretends.
 *
 * <p>Why our own: the problem is small (up to 200 candidates x a few kinds) and of one fixed shape;
 * OR-Tools CP-SAT would bring about 30 MB of native libraries per platform into a JVM that also
 * serves the API, and ojAlgo's general MIP search is a 2 MB dependency for what 200 lines do with a
 * bound tailored to this structure. Tested against exhaustive search.
 */
public final class BudgetOptimizer {
    public static final long DEFAULT_NODE_LIMIT = 20_000_000;
    private static final double EPS = 1e-9;

    private final long nodeLimit;

    public BudgetOptimizer() {
        this(DEFAULT_NODE_LIMIT);
    }

    public BudgetOptimizer(long nodeLimit) {
        this.nodeLimit = nodeLimit;
    }

    /** A kind of deliverable (e.g. "instagram reel") the campaign wants at most {@code quantity} of. */
    public record Kind(String label, int quantity) {
        public Kind {
            if (quantity < 0) {
                throw new IllegalArgumentException("quantity must be >= 0");
            }
        }
    }

    /** One unit of {@code kind} made by {@code influencerId}, at {@code cost} minor units, worth {@code value}. */
    public record Option(UUID influencerId, int kind, long cost, double value) {
        public Option {
            Objects.requireNonNull(influencerId, "influencerId");
            if (cost < 0 || !Double.isFinite(value)) {
                throw new IllegalArgumentException("cost must be >= 0 and value finite");
            }
        }
    }

    public enum LeftOutReason {
        /** Its cost alone is above the remaining budget. */
        OVER_BUDGET,
        /** Nothing predicted for it (value 0 or less): choosing it could only spend money. */
        NO_PREDICTED_VALUE,
        /** The campaign wants none of that kind. */
        KIND_NOT_WANTED,
        /** Affordable and valuable, but the budget and counts buy more value elsewhere. */
        OUTVALUED
    }

    public record LeftOut(Option option, LeftOutReason reason) {
    }

    public record Solution(List<Option> chosen, long cost, double value, boolean provenOptimal, double upperBound,
                           long nodes, List<LeftOut> leftOut) {
    }

    public Solution solve(List<Kind> kinds, List<Option> options, long budget) {
        if (budget < 0) {
            budget = 0;
        }
        List<LeftOut> leftOut = new ArrayList<>();
        List<Option> items = new ArrayList<>();
        for (Option o : options) {
            if (o.kind() < 0 || o.kind() >= kinds.size()) {
                throw new IllegalArgumentException("option of unknown kind " + o.kind());
            }
            if (kinds.get(o.kind()).quantity() == 0) {
                leftOut.add(new LeftOut(o, LeftOutReason.KIND_NOT_WANTED));
            } else if (o.value() <= 0) {
                leftOut.add(new LeftOut(o, LeftOutReason.NO_PREDICTED_VALUE));
            } else if (o.cost() > budget) {
                leftOut.add(new LeftOut(o, LeftOutReason.OVER_BUDGET));
            } else {
                items.add(o);
            }
        }
        // Best value per cost first: the first dives find good plans, and the bound tightens fast.
        items.sort(Comparator.comparingDouble((Option o) -> -ratio(o)).thenComparing(o -> -o.value()));
        Search s = new Search(kinds, items, budget, nodeLimit);
        s.run();
        List<Option> chosen = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (s.best[i]) {
                chosen.add(items.get(i));
            } else {
                leftOut.add(new LeftOut(items.get(i), LeftOutReason.OUTVALUED));
            }
        }
        long cost = chosen.stream().mapToLong(Option::cost).sum();
        double value = chosen.stream().mapToDouble(Option::value).sum();
        boolean proven = !s.limitHit;
        return new Solution(chosen, cost, value, proven, proven ? value : Math.max(value, s.rootBound), s.nodes, leftOut);
    }

    private static double ratio(Option o) {
        return o.cost() == 0 ? Double.POSITIVE_INFINITY : o.value() / o.cost();
    }

    private static final class Search {
        final int n;
        final int kindCount;
        final int[] kind;
        final long[] cost;
        final double[] value;
        final int[] remaining;
        final boolean[] current;
        boolean[] best;
        double bestValue;
        final long nodeLimit;
        long nodes;
        boolean limitHit;
        double rootBound = Double.POSITIVE_INFINITY;
        final long budget;
        // scratch heaps for the bound, one per kind (min-heaps of the best values so far)
        final double[][] heap;
        final long[][] heapCost;
        final int[] heapSize;
        double lambdaHint;

        Search(List<Kind> kinds, List<Option> items, long budget, long nodeLimit) {
            n = items.size();
            kindCount = kinds.size();
            kind = new int[n];
            cost = new long[n];
            value = new double[n];
            for (int i = 0; i < n; i++) {
                kind[i] = items.get(i).kind();
                cost[i] = items.get(i).cost();
                value[i] = items.get(i).value();
            }
            remaining = new int[kindCount];
            heap = new double[kindCount][];
            heapCost = new long[kindCount][];
            for (int k = 0; k < kindCount; k++) {
                remaining[k] = kinds.get(k).quantity();
                heap[k] = new double[remaining[k] + 1];
                heapCost[k] = new long[remaining[k] + 1];
            }
            heapSize = new int[kindCount];
            current = new boolean[n];
            best = new boolean[n];
            this.budget = budget;
            this.nodeLimit = nodeLimit;
        }

        void run() {
            greedy();
            double lambda = rootLambda();
            roundRelaxation(lambda);
            rootBound = evaluate(0, lambda, budget) + lambda * budget;
            fixByReducedCost(lambda);
            long left = budget;
            double acc = 0;
            for (int i = 0; i < n; i++) {
                if (fixed[i] == 1) {
                    current[i] = true;
                    remaining[kind[i]]--;
                    left -= cost[i];
                    acc += value[i];
                }
            }
            dfs(0, left, acc);
        }

        /** 0 = free, 1 = fixed in, -1 = fixed out (by reduced cost at the root). */
        private byte[] fixed;

        /** The multiplier minimising the root's Lagrangian bound (bisection on its subgradient). */
        private double rootLambda() {
            evaluate(0, 0, budget);
            if (selectedCost <= budget) {
                return 0;
            }
            double lo = 0;
            double hi = 0;
            for (int i = 0; i < n; i++) {
                if (cost[i] > 0) {
                    hi = Math.max(hi, value[i] / cost[i]);
                }
            }
            double bestL = 0;
            double bestB = evaluate(0, 0, budget);
            for (int iter = 0; iter < 100 && hi - lo > 1e-15 * Math.max(1, hi); iter++) {
                double l = (lo + hi) / 2;
                double b = evaluate(0, l, budget) + l * budget;
                if (b < bestB) {
                    bestB = b;
                    bestL = l;
                }
                if (selectedCost > budget) {
                    lo = l;
                } else {
                    hi = l;
                }
            }
            lambdaHint = bestL;
            return bestL;
        }

        /** Per kind, the options ordered by reduced value (value - l * cost), best first. */
        private int[][] byReducedValue(double l) {
            int[][] out = new int[kindCount][];
            for (int k = 0; k < kindCount; k++) {
                final int kk = k;
                out[k] = java.util.stream.IntStream.range(0, n).filter(i -> kind[i] == kk).boxed()
                        .sorted(Comparator.comparingDouble((Integer i) -> -(value[i] - l * cost[i])))
                        .mapToInt(Integer::intValue).toArray();
            }
            return out;
        }

        /** A second first plan: the relaxation's choice at l, cheapest-per-value dropped until it fits, then filled. */
        private void roundRelaxation(double l) {
            int[][] order = byReducedValue(l);
            boolean[] pick = new boolean[n];
            long spent = 0;
            for (int k = 0; k < kindCount; k++) {
                for (int s = 0; s < Math.min(remaining[k], order[k].length); s++) {
                    int i = order[k][s];
                    if (value[i] - l * cost[i] > 0) {
                        pick[i] = true;
                        spent += cost[i];
                    }
                }
            }
            for (int i = n - 1; i >= 0 && spent > budget; i--) {   // items are in ratio order: drop the worst
                if (pick[i]) {
                    pick[i] = false;
                    spent -= cost[i];
                }
            }
            int[] used = new int[kindCount];
            double total = 0;
            for (int i = 0; i < n; i++) {
                if (pick[i]) {
                    used[kind[i]]++;
                    total += value[i];
                }
            }
            for (int i = 0; i < n; i++) {
                if (!pick[i] && used[kind[i]] < remaining[kind[i]] && spent + cost[i] <= budget) {
                    pick[i] = true;
                    used[kind[i]]++;
                    spent += cost[i];
                    total += value[i];
                }
            }
            if (total > bestValue) {
                bestValue = total;
                best = pick;
            }
        }

        /**
         * Reduced-cost fixing: if forcing an option in (or out) makes the Lagrangian bound at l no better
         * than the best plan known, no better plan has it in (or out), so it is fixed out (or in).
         */
        private void fixByReducedCost(double l) {
            fixed = new byte[n];
            int[][] order = byReducedValue(l);
            double bound = evaluate(0, l, budget) + l * budget;
            double target = bestValue + EPS * Math.max(1, Math.abs(bestValue));
            for (int k = 0; k < kindCount; k++) {
                int cap = remaining[k];
                int[] o = order[k];
                int inTop = 0;
                while (inTop < Math.min(cap, o.length) && value[o[inTop]] - l * cost[o[inTop]] > 0) {
                    inTop++;
                }
                double threshold = inTop == cap && cap > 0 ? value[o[cap - 1]] - l * cost[o[cap - 1]] : 0;
                double next = inTop < o.length && inTop == cap ? Math.max(0, value[o[inTop]] - l * cost[o[inTop]]) : 0;
                for (int s = 0; s < o.length; s++) {
                    int i = o[s];
                    double reduced = value[i] - l * cost[i];
                    if (cap == 0) {
                        fixed[i] = -1;
                    } else if (s < inTop) {
                        if (bound - reduced + next <= target) {
                            fixed[i] = 1;
                        }
                    } else if (bound - threshold + reduced <= target) {
                        fixed[i] = -1;
                    }
                }
            }
            // Fixed-in options must fit together; if they do not (rounding), free them again.
            long spent = 0;
            int[] used = new int[kindCount];
            for (int i = 0; i < n; i++) {
                if (fixed[i] == 1) {
                    spent += cost[i];
                    used[kind[i]]++;
                }
            }
            boolean fits = spent <= budget;
            for (int k = 0; k < kindCount; k++) {
                fits &= used[k] <= remaining[k];
            }
            if (!fits) {
                for (int i = 0; i < n; i++) {
                    if (fixed[i] == 1) {
                        fixed[i] = 0;
                    }
                }
            }
        }

        /** A first plan: take in ratio order whatever still fits. */
        private void greedy() {
            long left = budget;
            int[] rem = remaining.clone();
            double total = 0;
            for (int i = 0; i < n; i++) {
                if (rem[kind[i]] > 0 && cost[i] <= left) {
                    best[i] = true;
                    rem[kind[i]]--;
                    left -= cost[i];
                    total += value[i];
                }
            }
            bestValue = total;
        }

        private void dfs(int j, long left, double acc) {
            if (limitHit) {
                return;
            }
            if (++nodes > nodeLimit) {
                limitHit = true;
                return;
            }
            // skip options that can no longer be taken
            while (j < n && (fixed[j] != 0 || remaining[kind[j]] == 0 || cost[j] > left)) {
                j++;
            }
            if (j == n) {
                if (acc > bestValue + EPS * Math.max(1, Math.abs(bestValue))) {
                    bestValue = acc;
                    best = current.clone();
                }
                return;
            }
            double target = bestValue + EPS * Math.max(1, Math.abs(bestValue)) - acc;
            if (bound(j, left, target) <= target) {
                return;
            }
            current[j] = true;
            remaining[kind[j]]--;
            dfs(j + 1, left - cost[j], acc + value[j]);
            remaining[kind[j]]++;
            current[j] = false;
            dfs(j + 1, left, acc);
        }

        /**
         * An upper bound of the value options j.. can still add with {@code left} budget, stopping as
         * soon as it proves {@code <= target}.
         */
        private double bound(int j, long left, double target) {
            double b = evaluate(j, 0, left);
            if (b <= target || selectedCost <= left) {
                return b;   // at l = 0 within budget: this is the relaxation's optimum
            }
            double lo = 0;
            double hi = 0;
            for (int i = j; i < n; i++) {
                if (cost[i] > 0 && cost[i] <= left && remaining[kind[i]] > 0 && fixed[i] == 0) {
                    hi = Math.max(hi, value[i] / cost[i]);
                }
            }
            double l = lambdaHint > lo && lambdaHint < hi ? lambdaHint : (lo + hi) / 2;
            for (int iter = 0; iter < 30; iter++) {
                double v = evaluate(j, l, left) + l * left;
                if (v < b) {
                    b = v;
                    lambdaHint = l;
                }
                if (b <= target) {
                    return b;
                }
                if (selectedCost > left) {
                    lo = l;
                } else {
                    hi = l;
                }
                if (hi - lo <= 1e-12 * Math.max(1, hi)) {
                    break;
                }
                l = (lo + hi) / 2;
            }
            return b;
        }

        private long selectedCost;

        /** sum over kinds of the best "remaining" values of (value - l * cost)+ among options j..; sets selectedCost. */
        private double evaluate(int j, double l, long left) {
            Arrays.fill(heapSize, 0);
            for (int i = j; i < n; i++) {
                int k = kind[i];
                int cap = remaining[k];
                if (cap == 0 || cost[i] > left || fixed != null && fixed[i] != 0) {
                    continue;   // cannot be in any completion (or already counted)
                }
                double reduced = value[i] - l * cost[i];
                if (reduced <= 0) {
                    continue;
                }
                double[] h = heap[k];
                int size = heapSize[k];
                if (size < cap) {
                    siftUp(h, heapCost[k], size, reduced, cost[i]);
                    heapSize[k] = size + 1;
                } else if (reduced > h[0]) {
                    siftDown(h, heapCost[k], size, reduced, cost[i]);
                }
            }
            double sum = 0;
            long spent = 0;
            for (int k = 0; k < kindCount; k++) {
                for (int s = 0; s < heapSize[k]; s++) {
                    sum += heap[k][s];
                    spent += heapCost[k][s];
                }
            }
            selectedCost = spent;
            return sum;
        }

        private static void siftUp(double[] h, long[] c, int size, double v, long cost) {
            int i = size;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (h[parent] <= v) {
                    break;
                }
                h[i] = h[parent];
                c[i] = c[parent];
                i = parent;
            }
            h[i] = v;
            c[i] = cost;
        }

        /** Replaces the minimum with v and restores the heap. */
        private static void siftDown(double[] h, long[] c, int size, double v, long cost) {
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && h[child + 1] < h[child]) {
                    child++;
                }
                if (h[child] >= v) {
                    break;
                }
                h[i] = h[child];
                c[i] = c[child];
                i = child;
            }
            h[i] = v;
            c[i] = cost;
        }
    }
}
