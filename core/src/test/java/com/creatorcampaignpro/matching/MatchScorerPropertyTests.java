package com.creatorcampaignpro.matching;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties over seeded random campaigns and influencers (plain JUnit, reproducible by seed). */
class MatchScorerPropertyTests {
    private static final int CASES = 5_000;
    private final MatchScorer scorer = MatchScorer.withDefaults();

    @Test
    void scoreIsWithin0And100UnlessExcluded() {
        Random random = new Random(1);
        for (int i = 0; i < CASES; i++) {
            MatchOutcome o = scorer.evaluate(MatchFixtures.randomCriteria(random), MatchFixtures.randomInfluencer(random));
            if (o.excluded()) {
                assertThat(Double.isNaN(o.score())).isTrue();
            } else {
                assertThat(o.score()).isBetween(0.0, 100.0);
                assertThat(o.components()).allSatisfy(c -> assertThat(c.value()).isBetween(0.0, 1.0));
            }
        }
    }

    @Test
    void moreEngagementNeverLowersTheScore() {
        Random random = new Random(2);
        int compared = 0;
        for (int i = 0; i < CASES; i++) {
            MatchCriteria c = MatchFixtures.randomCriteria(random);
            InfluencerFeatures f = MatchFixtures.randomInfluencer(random);
            MatchOutcome before = scorer.evaluate(c, f);
            MatchOutcome after = scorer.evaluate(c, MatchFixtures.withEngagementScaled(f, 1 + random.nextDouble() * 3));
            if (!before.excluded()) {
                assertThat(after.excluded()).isFalse();
                assertThat(after.score()).isGreaterThanOrEqualTo(before.score());
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(CASES / 10);
    }

    @Test
    void coveringMoreTargetCategoriesNeverLowersTheScore() {
        Random random = new Random(3);
        int strictlyHigher = 0;
        for (int i = 0; i < CASES; i++) {
            MatchCriteria c = MatchFixtures.randomCriteria(random);
            InfluencerFeatures f = MatchFixtures.randomInfluencer(random);
            List<String> missing = new ArrayList<>(c.categories());
            missing.removeAll(f.categories());
            if (missing.isEmpty()) {
                continue;
            }
            Set<String> more = new HashSet<>(f.categories());
            more.add(missing.get(random.nextInt(missing.size())));
            MatchOutcome before = scorer.evaluate(c, f);
            MatchOutcome after = scorer.evaluate(c, MatchFixtures.withCategories(f, more));
            if (!before.excluded()) {
                assertThat(after.score()).isGreaterThanOrEqualTo(before.score());
                strictlyHigher += after.score() > before.score() ? 1 : 0;
            }
        }
        assertThat(strictlyHigher).isGreaterThan(0);
    }

    @Test
    void aHardFilterAlwaysExcludesWhateverTheOtherFeatures() {
        Random random = new Random(4);
        int excluded = 0;
        for (int i = 0; i < CASES; i++) {
            MatchCriteria c = MatchFixtures.randomCriteria(random);
            InfluencerFeatures f = MatchFixtures.randomInfluencer(random);
            boolean violates = (c.minFollowers() != null && f.totalFollowers() < c.minFollowers())
                    || (c.maxFollowers() != null && f.totalFollowers() > c.maxFollowers())
                    || (c.minEngagementRate() != null && f.avgEngagementRate() < c.minEngagementRate())
                    || !f.accounts().keySet().containsAll(c.requiredPlatforms())
                    || f.availability() == com.creatorcampaignpro.influencer.Availability.UNAVAILABLE;
            MatchOutcome o = scorer.evaluate(c, f);
            assertThat(o.excluded()).isEqualTo(violates);
            excluded += violates ? 1 : 0;
        }
        assertThat(excluded).isBetween(CASES / 10, CASES - CASES / 10);
    }
}
