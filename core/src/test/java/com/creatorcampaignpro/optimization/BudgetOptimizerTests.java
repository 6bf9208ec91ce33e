package com.creatorcampaignpro.optimization;

import com.creatorcampaignpro.optimization.BudgetOptimizer.Kind;
import com.creatorcampaignpro.optimization.BudgetOptimizer.LeftOutReason;
import com.creatorcampaignpro.optimization.BudgetOptimizer.Option;
import com.creatorcampaignpro.optimization.BudgetOptimizer.Solution;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BudgetOptimizerTests {
    private final BudgetOptimizer optimizer = new BudgetOptimizer();

    private static UUID id(int i) {
        return new UUID(0, i);
    }

    @Test
    void optimalPlanWorkedOutByHand() {
        // Budget 1,000; two reels and one story wanted.
        // Greedy by value per cost takes A-reel (600 for 960, 1.6/unit), then only B-story fits (100 for 50):
        // 1,010. The optimum is B-reel + C-reel: 500 + 500 = 1,000 for 750 + 750 = 1,500.
        List<Kind> kinds = List.of(new Kind("instagram reel", 2), new Kind("instagram story", 1));
        Option aReel = new Option(id(1), 0, 600, 960);
        Option bReel = new Option(id(2), 0, 500, 750);
        Option cReel = new Option(id(3), 0, 500, 750);
        Option bStory = new Option(id(2), 1, 100, 50);
        Option dStory = new Option(id(4), 1, 1_200, 5_000);
        Option eStory = new Option(id(5), 1, 100, 0);
        Solution s = optimizer.solve(kinds, List.of(aReel, bReel, cReel, bStory, dStory, eStory), 1_000);
        assertThat(s.chosen()).containsExactlyInAnyOrder(bReel, cReel);
        assertThat(s.cost()).isEqualTo(1_000);
        assertThat(s.value()).isEqualTo(1_500);
        assertThat(s.provenOptimal()).isTrue();
        Map<Option, LeftOutReason> why = s.leftOut().stream().collect(Collectors.toMap(BudgetOptimizer.LeftOut::option,
                BudgetOptimizer.LeftOut::reason));
        assertThat(why).containsEntry(aReel, LeftOutReason.OUTVALUED).containsEntry(bStory, LeftOutReason.OUTVALUED).containsEntry(dStory, LeftOutReason.OVER_BUDGET)
                .containsEntry(eStory, LeftOutReason.NO_PREDICTED_VALUE).hasSize(4);
    }

    @Test
    void equalsExhaustiveSearchOnSmallRandomInstances() {
        Random random = new Random(11);
        for (int round = 0; round < 400; round++) {
            int kindCount = 1 + random.nextInt(3);
            List<Kind> kinds = new ArrayList<>();
            for (int k = 0; k < kindCount; k++) {
                kinds.add(new Kind("k" + k, random.nextInt(4)));
            }
            int n = 1 + random.nextInt(14);
            List<Option> options = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long cost = random.nextInt(1_000);
                // value loosely correlated with cost, as rates follow reach; some zero-value options
                double value = random.nextInt(8) == 0 ? 0 : cost * (0.5 + random.nextDouble()) + random.nextInt(200);
                options.add(new Option(id(i), random.nextInt(kindCount), cost, value));
            }
            long budget = random.nextInt(3_000);
            Solution s = optimizer.solve(kinds, options, budget);
            double exhaustive = exhaustive(kinds, options, budget);
            assertThat(s.provenOptimal()).isTrue();
            assertThat(s.value()).as("round %d", round).isCloseTo(exhaustive, within(1e-6));
            assertThat(s.cost()).isLessThanOrEqualTo(budget);
            int[] used = new int[kindCount];
            s.chosen().forEach(o -> used[o.kind()]++);
            for (int k = 0; k < kindCount; k++) {
                assertThat(used[k]).isLessThanOrEqualTo(kinds.get(k).quantity());
            }
            assertThat(s.chosen().size() + s.leftOut().size()).isEqualTo(n);
        }
    }

    @Test
    void aHitNodeLimitIsReportedNotHidden() {
        Random random = new Random(5);
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long cost = 1_000 + random.nextInt(1_000);
            options.add(new Option(id(i), 0, cost, cost + 100));   // strongly correlated: hard for any bound
        }
        Solution s = new BudgetOptimizer(10).solve(List.of(new Kind("reel", 30)), options, 30_000);
        assertThat(s.provenOptimal()).isFalse();
        assertThat(s.upperBound()).isGreaterThanOrEqualTo(s.value());
        assertThat(s.cost()).isLessThanOrEqualTo(30_000);
    }

    private static double exhaustive(List<Kind> kinds, List<Option> options, long budget) {
        double best = 0;
        for (int mask = 0; mask < 1 << options.size(); mask++) {
            long cost = 0;
            double value = 0;
            int[] used = new int[kinds.size()];
            boolean ok = true;
            for (int i = 0; i < options.size() && ok; i++) {
                if ((mask & (1 << i)) != 0) {
                    Option o = options.get(i);
                    cost += o.cost();
                    value += o.value();
                    ok = ++used[o.kind()] <= kinds.get(o.kind()).quantity() && cost <= budget;
                }
            }
            if (ok) {
                best = Math.max(best, value);
            }
        }
        return best;
    }
}
