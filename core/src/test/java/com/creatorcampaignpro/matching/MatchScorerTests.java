package com.creatorcampaignpro.matching;

import com.creatorcampaignpro.content.ContentType;
import com.creatorcampaignpro.influencer.Availability;
import com.creatorcampaignpro.social.Platform;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.creatorcampaignpro.matching.MatchFixtures.criteria;
import static com.creatorcampaignpro.matching.MatchFixtures.influencer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MatchScorerTests {
    private final MatchScorer scorer = MatchScorer.withDefaults();

    private double component(MatchOutcome outcome, MatchComponent c) {
        return outcome.components().stream().filter(s -> s.component() == c).findFirst().orElseThrow().value();
    }

    private static InfluencerFeatures.Account account(long followers, double er) {
        return new InfluencerFeatures.Account(followers, er);
    }

    private static InfluencerFeatures build(Set<String> categories, Set<String> languages, String country, long followers,
                                            double er, Map<Platform, InfluencerFeatures.Account> accounts,
                                            AudienceProfile audience, List<InfluencerFeatures.Rate> rates, double rating,
                                            int completed, Availability availability, boolean verified) {
        return new InfluencerFeatures(UUID.randomUUID(), categories, languages, country, followers, er, accounts, audience,
                rates, rating, completed, availability, verified);
    }

    @Test
    void categoryIsTheShareOfTargetCategoriesCovered() {
        MatchCriteria c = criteria(Set.of("travel", "food", "beauty"));
        assertThat(component(scorer.evaluate(c, influencer(Set.of("travel", "food", "tech"))), MatchComponent.CATEGORY))
                .isCloseTo(2.0 / 3, within(1e-12));
        assertThat(component(scorer.evaluate(c, influencer(Set.of("tech"))), MatchComponent.CATEGORY)).isZero();
        // A campaign without categories asks nothing: everyone fits alike.
        MatchOutcome open = scorer.evaluate(criteria(Set.of()), influencer(Set.of("tech")));
        assertThat(component(open, MatchComponent.CATEGORY)).isEqualTo(1);
        assertThat(open.components().get(0).applicable()).isFalse();
    }

    @Test
    void languageMatchesWhenAnyTargetLanguageIsSpoken() {
        MatchCriteria c = new MatchCriteria(Set.of(), Set.of("pt", "es"), Set.of(), Set.of(), List.of(), null, null, null,
                null, 0, "USD");
        InfluencerFeatures base = influencer(Set.of());
        InfluencerFeatures pt = build(Set.of(), Set.of("en", "pt"), "US", 1000, 2, Map.of(), null, List.of(), 0, 0,
                Availability.AVAILABLE, false);
        assertThat(component(scorer.evaluate(c, pt), MatchComponent.LANGUAGE)).isEqualTo(1);
        assertThat(component(scorer.evaluate(c, base), MatchComponent.LANGUAGE)).isZero();
    }

    @Test
    void audienceAveragesCountryAudienceCountriesGendersAndAges() {
        MatchCriteria c = new MatchCriteria(Set.of(), Set.of(), Set.of("PT"), Set.of(), List.of(), null, null, null,
                new MatchCriteria.AudienceTarget(Set.of("BR"), 18, 24, Set.of("female")), 0, "USD");
        AudienceProfile audience = new AudienceProfile(Map.of("PT", 0.3, "BR", 0.2, "US", 0.5),
                Map.of("female", 0.6, "male", 0.4), Map.of("18-24", 0.4, "25-34", 0.6));
        InfluencerFeatures f = build(Set.of(), Set.of(), "PT", 1000, 2, Map.of(), audience, List.of(), 0, 0,
                Availability.AVAILABLE, false);
        // own country in targets 1, audience in PT+BR 0.5, female 0.6, ages 18-24 fully inside the range 0.4
        assertThat(component(scorer.evaluate(c, f), MatchComponent.AUDIENCE)).isCloseTo((1 + 0.5 + 0.6 + 0.4) / 4, within(1e-12));
        InfluencerFeatures unknown = build(Set.of(), Set.of(), "US", 1000, 2, Map.of(), null, List.of(), 0, 0,
                Availability.AVAILABLE, false);
        // not in a target country, demographics unknown: half a fit each for genders and ages
        assertThat(component(scorer.evaluate(c, unknown), MatchComponent.AUDIENCE)).isCloseTo((0 + 0.5 + 0.5) / 3, within(1e-12));
    }

    @Test
    void platformIsTheShareOfWantedPlatformsPresent() {
        MatchCriteria c = new MatchCriteria(Set.of(), Set.of(), Set.of(), Set.of(),
                List.of(new MatchCriteria.DeliverableNeed(Platform.INSTAGRAM, ContentType.REEL, 2),
                        new MatchCriteria.DeliverableNeed(Platform.YOUTUBE, ContentType.VIDEO, 1)),
                null, null, null, null, 100, "USD");
        assertThat(component(scorer.evaluate(c, influencer(Set.of())), MatchComponent.PLATFORM)).isEqualTo(0.5);
    }

    @Test
    void engagementIsRateAgainstTheTypicalRateOfPlatformAndTier() {
        MatchCriteria c = criteria(Set.of());
        // Instagram micro tier: typical 2.0 % -> at 2.0 % the value is 1/2, at 4.0 % it is 2/3
        InfluencerFeatures typical = build(Set.of(), Set.of(), null, 50_000, 2, Map.of(Platform.INSTAGRAM, account(50_000, 2.0)),
                null, List.of(), 0, 0, Availability.AVAILABLE, false);
        InfluencerFeatures twice = build(Set.of(), Set.of(), null, 50_000, 4, Map.of(Platform.INSTAGRAM, account(50_000, 4.0)),
                null, List.of(), 0, 0, Availability.AVAILABLE, false);
        // TikTok nano: typical 10 % -> 5 % is half the yardstick: 1/3
        InfluencerFeatures tiktok = build(Set.of(), Set.of(), null, 5_000, 5, Map.of(Platform.TIKTOK, account(5_000, 5.0)),
                null, List.of(), 0, 0, Availability.AVAILABLE, false);
        assertThat(component(scorer.evaluate(c, typical), MatchComponent.ENGAGEMENT)).isCloseTo(0.5, within(1e-12));
        assertThat(component(scorer.evaluate(c, twice), MatchComponent.ENGAGEMENT)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(component(scorer.evaluate(c, tiktok), MatchComponent.ENGAGEMENT)).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void followerTierPrefersTheLogMiddleOfTheRange() {
        MatchCriteria c = new MatchCriteria(Set.of(), Set.of(), Set.of(), Set.of(), List.of(), 10_000L, 1_000_000L, null,
                null, 0, "USD");
        InfluencerFeatures middle = build(Set.of(), Set.of(), null, 100_000, 2, Map.of(), null, List.of(), 0, 0,
                Availability.AVAILABLE, false);
        InfluencerFeatures edge = build(Set.of(), Set.of(), null, 10_000, 2, Map.of(), null, List.of(), 0, 0,
                Availability.AVAILABLE, false);
        assertThat(component(scorer.evaluate(c, middle), MatchComponent.FOLLOWER_TIER)).isCloseTo(1, within(1e-12));
        assertThat(component(scorer.evaluate(c, edge), MatchComponent.FOLLOWER_TIER)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void rateFitIsCoverageTimesAffordability() {
        List<MatchCriteria.DeliverableNeed> needs = List.of(new MatchCriteria.DeliverableNeed(Platform.INSTAGRAM, ContentType.REEL, 1),
                new MatchCriteria.DeliverableNeed(Platform.INSTAGRAM, ContentType.STORY, 1));
        InfluencerFeatures f = build(Set.of(), Set.of(), null, 1000, 2, Map.of(), null,
                List.of(new InfluencerFeatures.Rate(Platform.INSTAGRAM, ContentType.REEL, 40_000, "USD"),
                        new InfluencerFeatures.Rate(Platform.INSTAGRAM, ContentType.STORY, 10_000, "EUR")),
                0, 0, Availability.AVAILABLE, false);
        MatchCriteria rich = new MatchCriteria(Set.of(), Set.of(), Set.of(), Set.of(), needs, null, null, null, null, 100_000, "USD");
        MatchCriteria poor = new MatchCriteria(Set.of(), Set.of(), Set.of(), Set.of(), needs, null, null, null, null, 10_000, "USD");
        MatchCriteria euro = new MatchCriteria(Set.of(), Set.of(), Set.of(), Set.of(), needs, null, null, null, null, 5_000, "EUR");
        // USD: one of two kinds quoted (the story is in EUR), affordable -> 0.5; budget 10k of 40k -> 0.5 * 0.25
        assertThat(component(scorer.evaluate(rich, f), MatchComponent.RATE_FIT)).isCloseTo(0.5, within(1e-12));
        assertThat(component(scorer.evaluate(poor, f), MatchComponent.RATE_FIT)).isCloseTo(0.125, within(1e-12));
        assertThat(component(scorer.evaluate(euro, f), MatchComponent.RATE_FIT)).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void reputationAvailabilityAndVerified() {
        MatchCriteria c = criteria(Set.of());
        InfluencerFeatures f = build(Set.of(), Set.of(), null, 1000, 2, Map.of(), null, List.of(), 5, 20,
                Availability.BUSY, true);
        MatchOutcome o = scorer.evaluate(c, f);
        assertThat(component(o, MatchComponent.REPUTATION)).isCloseTo(1, within(1e-12));
        assertThat(component(o, MatchComponent.AVAILABILITY)).isEqualTo(0.5);
        assertThat(component(o, MatchComponent.VERIFIED)).isEqualTo(1);
        InfluencerFeatures fresh = build(Set.of(), Set.of(), null, 1000, 2, Map.of(), null, List.of(), 2.5, 0,
                Availability.AVAILABLE, false);
        assertThat(component(scorer.evaluate(c, fresh), MatchComponent.REPUTATION)).isCloseTo(0.35, within(1e-12));
    }

    @Test
    void hardFiltersExcludeAndNameTheirReasons() {
        MatchCriteria c = new MatchCriteria(Set.of(), Set.of(), Set.of(), Set.of(Platform.YOUTUBE), List.of(), 10_000L,
                20_000L, 3.0, null, 0, "USD");
        InfluencerFeatures f = build(Set.of(), Set.of(), null, 50_000, 2, Map.of(Platform.INSTAGRAM, account(50_000, 2)),
                null, List.of(), 5, 0, Availability.UNAVAILABLE, true);
        MatchOutcome o = scorer.evaluate(c, f);
        assertThat(o.excluded()).isTrue();
        assertThat(Double.isNaN(o.score())).isTrue();
        assertThat(o.exclusions()).containsExactly(HardFilter.FOLLOWERS_ABOVE_MAX, HardFilter.ENGAGEMENT_BELOW_MIN,
                HardFilter.MISSING_REQUIRED_PLATFORM, HardFilter.UNAVAILABLE);
    }

    @Test
    void bestMatchWorkedOutByHand() {
        // Campaign: travel + food, Portuguese, Portugal, Instagram reels x2, budget 3,000.00 USD left.
        MatchCriteria c = new MatchCriteria(Set.of("travel", "food"), Set.of("pt"), Set.of("PT"), Set.of(Platform.INSTAGRAM),
                List.of(new MatchCriteria.DeliverableNeed(Platform.INSTAGRAM, ContentType.REEL, 2)), null, null, null, null,
                300_000, "USD");
        Map<Platform, InfluencerFeatures.Account> ig = new EnumMap<>(Platform.class);
        ig.put(Platform.INSTAGRAM, account(50_000, 4.0));
        List<InfluencerFeatures.Rate> rate = List.of(new InfluencerFeatures.Rate(Platform.INSTAGRAM, ContentType.REEL, 100_000, "USD"));
        // Ana: both categories, speaks pt, lives in PT, 4 % (twice typical), affordable, rating 5 with 20 campaigns, available, verified
        InfluencerFeatures ana = build(Set.of("travel", "food"), Set.of("pt"), "PT", 50_000, 4.0, ig, null, rate, 5, 20,
                Availability.AVAILABLE, true);
        // Bob: only travel, speaks en, lives in US, same engagement and rate, rating 4, no campaigns, busy, not verified
        InfluencerFeatures bob = build(Set.of("travel"), Set.of("en"), "US", 50_000, 4.0, ig, null, rate, 4, 0,
                Availability.BUSY, false);
        // Ana: 25*1 + 10*1 + 15*1 + 10*1 + 15*(2/3) + 5*1 + 10*1 + 5*1 + 3*1 + 2*1 = 95
        assertThat(scorer.evaluate(c, ana).score()).isCloseTo(95.0, within(1e-9));
        // Bob: 25*0.5 + 0 + 0 + 10 + 10 + 5 + 10 + 5*0.56 + 3*0.5 + 0 = 51.8
        assertThat(scorer.evaluate(c, bob).score()).isCloseTo(51.8, within(1e-9));
        assertThat(scorer.evaluate(c, ana).modelVersion()).isEqualTo(MatchScorer.MODEL_VERSION);
        assertThat(scorer.evaluate(c, ana).components()).hasSize(MatchComponent.values().length)
                .extracting(ComponentScore::points).allSatisfy(p -> assertThat(p).isBetween(0.0, 25.0));
    }

    @Test
    void weightsAreConfigurableAndValidated() {
        MatchScorer onlyCategory = new MatchScorer(weightsOnly(MatchComponent.CATEGORY), EngagementBenchmarks.defaults());
        MatchCriteria c = criteria(Set.of("travel", "food"));
        assertThat(onlyCategory.evaluate(c, influencer(Set.of("travel"))).score()).isCloseTo(50, within(1e-12));
        assertThatThrownBy(() -> MatchWeights.defaultsWith(Map.of("category", -1.0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MatchWeights.defaultsWith(Map.of("charisma", 1.0))).isInstanceOf(IllegalArgumentException.class);
    }

    static MatchWeights weightsOnly(MatchComponent only) {
        Map<MatchComponent, Double> w = new EnumMap<>(MatchComponent.class);
        for (MatchComponent m : MatchComponent.values()) {
            w.put(m, m == only ? 1.0 : 0.0);
        }
        return new MatchWeights(w);
    }

    @Test
    void aTableScoresEveryRowLikeItsOneRowEvaluation() {
        java.util.Random random = new java.util.Random(7);
        List<InfluencerFeatures> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(MatchFixtures.randomInfluencer(random));
        }
        FeatureTable table = scorer.table(rows);
        for (int k = 0; k < 30; k++) {
            MatchCriteria c = MatchFixtures.randomCriteria(random);
            CompiledCriteria compiled = scorer.compile(c, table);
            for (int i = 0; i < rows.size(); i++) {
                double one = scorer.evaluate(c, rows.get(i)).score();
                double many = scorer.score(compiled, i);
                assertThat(Double.doubleToLongBits(many)).isEqualTo(Double.doubleToLongBits(one));
            }
        }
    }
}
