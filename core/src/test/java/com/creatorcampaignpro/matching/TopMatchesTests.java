package com.creatorcampaignpro.matching;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TopMatchesTests {
    private final MatchScorer scorer = MatchScorer.withDefaults();

    @Test
    void topKEqualsSortingEveryScoredRow() {
        Random random = new Random(21);
        List<InfluencerFeatures> rows = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            InfluencerFeatures f = MatchFixtures.randomInfluencer(random);
            // duplicates of earlier influencers under new ids: equal scores, so the tie rule is exercised
            rows.add(i % 10 == 9 ? copyWithId(rows.get(random.nextInt(rows.size())), new UUID(random.nextLong(), random.nextLong())) : f);
        }
        FeatureTable table = scorer.table(rows);
        for (int round = 0; round < 60; round++) {
            CompiledCriteria c = scorer.compile(MatchFixtures.randomCriteria(random), table);
            int k = 1 + random.nextInt(40);
            record Scored(UUID id, int row, double score) {
            }
            List<Scored> all = new ArrayList<>();
            for (int r = 0; r < table.size(); r++) {
                double s = scorer.score(c, r);
                if (!Double.isNaN(s)) {
                    all.add(new Scored(table.id(r), r, s));
                }
            }
            all.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::id));
            List<Scored> expected = all.subList(0, Math.min(k, all.size()));

            TopMatches top = TopMatches.of(scorer, c, k);

            assertThat(top.size()).isEqualTo(expected.size());
            for (int i = 0; i < top.size(); i++) {
                assertThat(top.row(i)).isEqualTo(expected.get(i).row());
                assertThat(top.score(i)).isEqualTo(expected.get(i).score());
            }
        }
    }

    @Test
    void blockByBlockOverManyCampaignsEqualsOneCampaignAtATime() {
        // More rows than a block, and a last block that is not full
        Random random = new Random(7);
        List<InfluencerFeatures> rows = new ArrayList<>();
        for (int i = 0; i < 2 * TopMatches.BLOCK_ROWS + 123; i++) {
            rows.add(MatchFixtures.randomInfluencer(random));
        }
        MatchScorer scorer = MatchScorer.withDefaults();
        FeatureTable table = scorer.table(rows);
        List<CompiledCriteria> campaigns = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            campaigns.add(scorer.compile(MatchFixtures.randomCriteria(random), table));
        }

        List<TopMatches> blocked = TopMatches.ofEach(scorer, campaigns, 40);

        assertThat(blocked).hasSize(campaigns.size());
        for (int c = 0; c < campaigns.size(); c++) {
            TopMatches one = TopMatches.of(scorer, campaigns.get(c), 40);
            assertThat(blocked.get(c).size()).isEqualTo(one.size());
            for (int i = 0; i < one.size(); i++) {
                assertThat(blocked.get(c).row(i)).as("campaign %d rank %d", c, i).isEqualTo(one.row(i));
                assertThat(blocked.get(c).score(i)).isEqualTo(one.score(i));
            }
        }
    }

    @Test
    void skippingRowsWithoutTheCampaignsCategoriesOnceTheTopIsHighEqualsScoringEveryRow() {
        // A few near-perfect travel creators push the K-th score above what any row without travel can
        // reach (75 with the default weights), so the scan skips those rows a word at a time from then
        // on; unavailable rows and rows without the required platform are skipped from the start.
        Random random = new Random(33);
        List<InfluencerFeatures> rows = new ArrayList<>();
        for (int i = 0; i < 3 * TopMatches.BLOCK_ROWS + 77; i++) {
            InfluencerFeatures f = MatchFixtures.randomInfluencer(random);
            rows.add(i % 97 == 0 ? copyWithId(MatchFixtures.withCategories(MatchFixtures.influencer(java.util.Set.of("travel")),
                    java.util.Set.of("travel")), new UUID(random.nextLong(), random.nextLong())) : f);
        }
        FeatureTable table = scorer.table(rows);
        MatchCriteria travel = new MatchCriteria(java.util.Set.of("travel"), java.util.Set.of("en"), java.util.Set.of("US"),
                java.util.Set.of(com.creatorcampaignpro.social.Platform.INSTAGRAM),
                List.of(new MatchCriteria.DeliverableNeed(com.creatorcampaignpro.social.Platform.INSTAGRAM,
                        com.creatorcampaignpro.content.ContentType.REEL, 1)), null, null, null, null, 1_000_000, "USD");
        List<CompiledCriteria> campaigns = List.of(scorer.compile(travel, table),
                scorer.compile(MatchFixtures.criteria(java.util.Set.of("travel", "food")), table));
        for (int k : new int[]{1, 5, 20}) {
            List<TopMatches> blocked = TopMatches.ofEach(scorer, campaigns, k);
            for (int c = 0; c < campaigns.size(); c++) {
                List<double[]> all = new ArrayList<>();
                for (int r = 0; r < table.size(); r++) {
                    double s = scorer.score(campaigns.get(c), r);
                    if (!Double.isNaN(s)) {
                        all.add(new double[]{s, r});
                    }
                }
                all.sort(Comparator.<double[]>comparingDouble(x -> -x[0]).thenComparing(x -> table.id((int) x[1])));
                assertThat(all.get(Math.min(k, all.size()) - 1)[0]).as("the K-th score is above the category bound")
                        .isGreaterThan(scorer.withoutCategoryBound());
                TopMatches one = TopMatches.of(scorer, campaigns.get(c), k);
                assertThat(one.size()).isEqualTo(Math.min(k, all.size()));
                assertThat(blocked.get(c).size()).isEqualTo(one.size());
                for (int i = 0; i < one.size(); i++) {
                    assertThat(one.row(i)).as("k %d campaign %d rank %d", k, c, i).isEqualTo((int) all.get(i)[1]);
                    assertThat(one.score(i)).isEqualTo(all.get(i)[0]);
                    assertThat(blocked.get(c).row(i)).isEqualTo(one.row(i));
                }
            }
        }
    }

    @Test
    void rowsLeftOutByTheCallerAreNeverReturned() {
        Random random = new Random(22);
        List<InfluencerFeatures> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            rows.add(MatchFixtures.randomInfluencer(random));
        }
        FeatureTable table = scorer.table(rows);
        CompiledCriteria c = scorer.compile(MatchFixtures.criteria(java.util.Set.of("travel")), table);
        TopMatches top = TopMatches.of(scorer, c, 50, row -> row % 2 == 0);
        assertThat(top.size()).isPositive();
        for (int i = 0; i < top.size(); i++) {
            assertThat(top.row(i) % 2).isZero();
        }
    }

    private static InfluencerFeatures copyWithId(InfluencerFeatures f, UUID id) {
        return new InfluencerFeatures(id, f.categories(), f.languages(), f.country(), f.totalFollowers(), f.avgEngagementRate(),
                f.accounts(), f.audience(), f.rates(), f.rating(), f.completedCampaigns(), f.availability(), f.verified());
    }
}
