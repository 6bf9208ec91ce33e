package com.creatorcampaignpro.matching;

import com.creatorcampaignpro.content.ContentType;
import com.creatorcampaignpro.db.testing.TestDatabase;
import com.creatorcampaignpro.influencer.Availability;
import com.creatorcampaignpro.jobs.testing.JobsIntegrationTest;
import com.creatorcampaignpro.social.Platform;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * matchScoringJob on the real PostgreSQL with random influencers and campaigns: its stored top K per
 * campaign equal a brute-force scoring of every pair from the generated values (not from what the
 * job loaded), rank by rank and to the last bit of the score.
 */
@TestPropertySource(properties = {"ccp.matching.top-k=7", "ccp.matching.page-size=4", "ccp.matching.writers=2"})
class MatchScoringJobIntegrationTests extends JobsIntegrationTest {
    private static final List<String> CATEGORIES = List.of("travel", "food", "beauty", "fitness", "tech", "gaming");
    private static final List<String> LANGUAGES = List.of("en", "pt", "es", "fr");
    private static final List<String> COUNTRIES = List.of("US", "PT", "BR", "ES", "FR");

    @Autowired
    JobOperator jobOperator;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    Job matchScoringJob;
    @Autowired
    MatchScorer matchScorer;

    private final Jdbi jdbi = TestDatabase.shared().jdbi();

    private JobExecution run(boolean changedOnly) throws Exception {
        JobExecution launched = jobOperator.start(matchScoringJob, new JobParametersBuilder()
                .addString("runAt", "test-" + UUID.randomUUID())
                .addString(MatchScoringJobConfiguration.CHANGED_ONLY, Boolean.toString(changedOnly), false)
                .toJobParameters());
        long id = launched.getId();
        await().atMost(Duration.ofSeconds(120)).until(() -> !jobRepository.getJobExecution(id).getStatus().isRunning()
                && jobRepository.getJobExecution(id).getStatus() != BatchStatus.STARTING);
        return jobRepository.getJobExecution(id);
    }

    private static <T> Set<T> some(Random r, List<T> values, int max) {
        return r.ints(r.nextInt(max + 1), 0, values.size()).mapToObj(values::get).collect(Collectors.toSet());
    }

    private static String pgArray(Set<String> values) {
        return "{" + String.join(",", values) + "}";
    }

    private static UUID user(Handle h, String type) {
        return h.createQuery("INSERT INTO users (email, user_type) VALUES (:e, :t) RETURNING id")
                .bind("e", type + "-" + UUID.randomUUID() + "@example.com").bind("t", type).mapTo(UUID.class).one();
    }

    /** Inserts a random influencer and returns the features it must be scored with. */
    private static InfluencerFeatures influencer(Handle h, Random r) {
        UUID id = user(h, "influencer");
        Set<String> categories = some(r, CATEGORIES, 3);
        Set<String> languages = some(r, LANGUAGES, 2);
        String country = COUNTRIES.get(r.nextInt(COUNTRIES.size()));
        Map<Platform, InfluencerFeatures.Account> accounts = new EnumMap<>(Platform.class);
        long total = 0;
        for (Platform p : Platform.values()) {
            if (r.nextInt(3) > 0) {
                long followers = 500 + r.nextInt(2_000_000);
                double er = r.nextInt(1200) / 100.0;
                accounts.put(p, new InfluencerFeatures.Account(followers, er));
                total += followers;
                h.execute("INSERT INTO social_accounts (user_id, platform, followers, engagement_rate) VALUES (?, ?, ?, ?)",
                        id, p.dbValue(), followers, java.math.BigDecimal.valueOf(er));
            }
        }
        List<InfluencerFeatures.Rate> rates = new ArrayList<>();
        for (Platform p : Platform.values()) {
            ContentType t = ContentType.values()[r.nextInt(ContentType.values().length)];
            if (r.nextBoolean()) {
                long amount = r.nextInt(300_000);
                String currency = r.nextInt(5) == 0 ? "EUR" : "USD";
                rates.add(new InfluencerFeatures.Rate(p, t, amount, currency));
                h.execute("INSERT INTO content_rates (influencer_id, platform, content_type, rate_amount, currency) VALUES (?, ?, ?, ?, ?)",
                        id, p.dbValue(), t.dbValue(), amount, currency);
            }
        }
        Map<String, Double> audienceCountries = new HashMap<>();
        Map<String, Double> genders = new HashMap<>();
        Map<String, Double> ages = new HashMap<>();
        if (r.nextBoolean()) {
            some(r, COUNTRIES, 3).forEach(c -> audienceCountries.put(c, r.nextInt(40) / 100.0));
            double female = r.nextInt(101) / 100.0;
            genders.put("female", female);
            ages.put("18-24", r.nextInt(60) / 100.0);
            ages.put("25-34", r.nextInt(40) / 100.0);
        }
        String audience = "{\"countries\":" + json(audienceCountries) + ",\"genders\":" + json(genders) + ",\"ages\":" + json(ages) + "}";
        double avgEr = r.nextInt(900) / 100.0;
        double rating = r.nextInt(501) / 100.0;
        int completed = r.nextInt(30);
        Availability availability = Availability.values()[r.nextInt(3)];
        boolean verified = r.nextBoolean();
        h.createUpdate("""
                INSERT INTO influencer_profiles (user_id, display_name, categories, languages, country, total_followers,
                    avg_engagement_rate, audience, rating, completed_campaigns, availability, verified)
                VALUES (:id, 'x', CAST(:categories AS text[]), CAST(:languages AS text[]), :country, :total, :er,
                        CAST(:audience AS jsonb), :rating, :completed, :availability, :verified)
                """).bind("id", id).bind("categories", pgArray(categories)).bind("languages", pgArray(languages))
                .bind("country", country).bind("total", total).bind("er", java.math.BigDecimal.valueOf(avgEr))
                .bind("audience", audience).bind("rating", java.math.BigDecimal.valueOf(rating)).bind("completed", completed)
                .bind("availability", availability.dbValue()).bind("verified", verified).execute();
        return new InfluencerFeatures(id, categories, languages, country, total, avgEr, accounts,
                new AudienceProfile(audienceCountries, genders, ages), rates, rating, completed, availability, verified);
    }

    private static String json(Map<String, Double> m) {
        return m.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue()).collect(Collectors.joining(",", "{", "}"));
    }

    record GeneratedCampaign(UUID id, MatchCriteria criteria) {
    }

    private static GeneratedCampaign campaign(Handle h, Random r, String status) {
        Set<String> categories = some(r, CATEGORIES, 2);
        Set<String> languages = some(r, LANGUAGES, 1);
        Set<String> countries = some(r, COUNTRIES, 2);
        Set<Platform> required = r.nextInt(3) == 0 ? Set.of(Platform.values()[r.nextInt(4)]) : Set.of();
        List<MatchCriteria.DeliverableNeed> needs = new ArrayList<>();
        for (int k = r.nextInt(3); k > 0; k--) {
            needs.add(new MatchCriteria.DeliverableNeed(Platform.values()[r.nextInt(4)],
                    ContentType.values()[r.nextInt(ContentType.values().length)], 1 + r.nextInt(3)));
        }
        Long min = r.nextInt(3) == 0 ? (long) r.nextInt(100_000) : null;
        Long max = r.nextInt(3) == 0 ? (min == null ? 0 : min) + 1 + r.nextInt(5_000_000) : null;
        Double minEr = r.nextInt(4) == 0 ? r.nextInt(300) / 100.0 : null;
        Set<String> audienceCountries = some(r, COUNTRIES, 1);
        Set<String> genders = r.nextBoolean() ? Set.of("female") : Set.of();
        Integer ageMin = r.nextBoolean() ? 18 : null;
        Integer ageMax = r.nextBoolean() ? 34 : null;
        long budget = r.nextInt(1_000_000);
        long spent = r.nextInt((int) budget + 1);
        String deliverables = needs.stream().map(d -> String.format(Locale.ROOT,
                "{\"platform\":\"%s\",\"contentType\":\"%s\",\"quantity\":%d}", d.platform().dbValue(), d.contentType().dbValue(),
                d.quantity())).collect(Collectors.joining(",", "[", "]"));
        String audience = "{\"countries\":[" + audienceCountries.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(","))
                + "],\"genders\":[" + genders.stream().map(g -> "\"" + g + "\"").collect(Collectors.joining(","))
                + "]" + (ageMin == null ? "" : ",\"ageMin\":" + ageMin) + (ageMax == null ? "" : ",\"ageMax\":" + ageMax) + "}";
        UUID id = h.createQuery("""
                INSERT INTO campaigns (marketer_id, name, status, budget, spent, currency, target_categories, target_languages,
                    target_countries, target_platforms, min_followers, max_followers, min_engagement_rate, target_audience, deliverables)
                VALUES (:m, 'c', :status, :budget, :spent, 'USD', CAST(:cats AS text[]), CAST(:langs AS text[]),
                    CAST(:countries AS text[]), CAST(:platforms AS text[]), :min, :max, :minEr, CAST(:audience AS jsonb),
                    CAST(:deliverables AS jsonb))
                RETURNING id
                """).bind("m", user(h, "marketer")).bind("status", status).bind("budget", budget).bind("spent", spent)
                .bind("cats", pgArray(categories)).bind("langs", pgArray(languages)).bind("countries", pgArray(countries))
                .bind("platforms", pgArray(required.stream().map(Platform::dbValue).collect(Collectors.toSet())))
                .bind("min", min).bind("max", max).bind("minEr", minEr == null ? null : java.math.BigDecimal.valueOf(minEr))
                .bind("audience", audience).bind("deliverables", deliverables).mapTo(UUID.class).one();
        return new GeneratedCampaign(id, new MatchCriteria(categories, languages, countries, required, needs, min, max, minEr,
                new MatchCriteria.AudienceTarget(audienceCountries, ageMin, ageMax, genders), budget - spent, "USD"));
    }

    @Test
    void storedTopKEqualsBruteForceOverEveryPairAndChangedOnlyRescoresOnlyEditedCampaigns() throws Exception {
        Random r = new Random(42);
        List<InfluencerFeatures> influencers = new ArrayList<>();
        List<GeneratedCampaign> active = new ArrayList<>();
        UUID draft = jdbi.withHandle(h -> {
            for (int i = 0; i < 250; i++) {
                influencers.add(influencer(h, r));
            }
            for (int i = 0; i < 11; i++) {
                active.add(campaign(h, r, "active"));
            }
            return campaign(h, r, "draft").id();
        });

        // Other tests' influencers share the database: the brute force counts them too, from the loader
        // (tested on its own in db); this test's own come from the generated values.
        Set<UUID> generated = influencers.stream().map(InfluencerFeatures::influencerId).collect(Collectors.toSet());
        UUID[] others = jdbi.withHandle(h -> h.createQuery("SELECT user_id FROM influencer_profiles").mapTo(UUID.class).list())
                .stream().filter(id -> !generated.contains(id)).toArray(UUID[]::new);
        influencers.addAll(jdbi.onDemand(MatchFeatureDao.class).of(others));

        JobExecution execution = run(false);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        MatchScoreDao scores = jdbi.onDemand(MatchScoreDao.class);
        for (GeneratedCampaign c : active) {
            record Scored(UUID id, double score) {
            }
            List<Scored> brute = new ArrayList<>();
            for (InfluencerFeatures f : influencers) {
                MatchOutcome o = matchScorer.evaluate(c.criteria(), f);
                if (!o.excluded()) {
                    brute.add(new Scored(f.influencerId(), o.score()));
                }
            }
            brute.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::id));
            List<StoredMatch> stored = scores.top(c.id(), 100);
            assertThat(stored).extracting(StoredMatch::influencerId)
                    .containsExactlyElementsOf(brute.stream().limit(7).map(Scored::id).toList());
            assertThat(stored).extracting(StoredMatch::score)
                    .containsExactlyElementsOf(brute.stream().limit(7).map(Scored::score).toList());
            assertThat(stored).extracting(StoredMatch::rank).containsExactlyElementsOf(
                    java.util.stream.IntStream.rangeClosed(1, stored.size()).boxed().toList());
            assertThat(stored).allSatisfy(s -> assertThat(s.components()).contains("\"category\":").contains("\"rateFit\":"));
        }
        assertThat(scores.top(draft, 100)).isEmpty();
        assertThat(scores.run(draft)).isEmpty();

        // changedOnly: only the edited campaign is scored again
        UUID edited = active.get(3).id();
        Map<UUID, Instant> before = new HashMap<>();
        active.forEach(c -> before.put(c.id(), scores.run(c.id()).orElseThrow().computedAt()));
        jdbi.useHandle(h -> h.execute("UPDATE campaigns SET updated_at = now() + interval '1 second' WHERE id = ?", edited));

        assertThat(run(true).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        for (GeneratedCampaign c : active) {
            Instant after = scores.run(c.id()).orElseThrow().computedAt();
            if (c.id().equals(edited)) {
                assertThat(after).isAfter(before.get(c.id()));
            } else {
                assertThat(after).isEqualTo(before.get(c.id()));
            }
        }
    }

    @Test
    void aFailedRunRestartsAfterItsLastCommittedPage() throws Exception {
        failThenRestart(5);   // in the part of page 2 written in the step's own transaction
    }

    @Test
    void aPartWrittenOnAnotherConnectionThatFailsFailsTheRunWhichThenRestartsAfterTheLastCommittedPage() throws Exception {
        failThenRestart(6);   // ccp.matching.writers=2: campaigns 6 and 7 of page 2 are written in a transaction of their own
    }

    /** Campaign {@code failingIndex} (in id order; pages of 4) cannot be written: the run fails, the restart completes. */
    private void failThenRestart(int failingIndex) throws Exception {
        Random r = new Random(43);
        jdbi.useHandle(h -> {
            for (int i = 0; i < 40; i++) {
                influencer(h, r);
            }
            for (int i = 0; i < 9; i++) {
                campaign(h, r, "active");
            }
        });
        List<UUID> all = jdbi.withHandle(h -> h.createQuery("SELECT id FROM campaigns WHERE status = 'active' ORDER BY id")
                .mapTo(UUID.class).list());
        UUID failing = all.get(failingIndex);   // on the second page of 4
        jdbi.useHandle(h -> {
            h.execute("""
                    CREATE FUNCTION test_fail_match_run() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN RAISE EXCEPTION 'injected failure'; END $$""");
            h.execute("CREATE TRIGGER test_fail_match_run BEFORE INSERT ON match_score_runs FOR EACH ROW WHEN (NEW.campaign_id = '"
                    + failing + "') EXECUTE FUNCTION test_fail_match_run()");
        });
        MatchScoreDao scores = jdbi.onDemand(MatchScoreDao.class);
        JobExecution failed;
        try {
            failed = run(false);
        } finally {
            jdbi.useHandle(h -> {
                h.execute("DROP TRIGGER test_fail_match_run ON match_score_runs");
                h.execute("DROP FUNCTION test_fail_match_run()");
            });
        }
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        Map<UUID, Instant> afterFailure = new HashMap<>();
        all.forEach(id -> scores.run(id).ifPresent(run -> afterFailure.put(id, run.computedAt())));
        Instant firstPage = afterFailure.get(all.get(0));
        assertThat(all.subList(0, 4)).allSatisfy(id -> assertThat(afterFailure.get(id)).isEqualTo(firstPage));

        JobExecution restarted = jobOperator.restart(failed);
        long id = restarted.getId();
        await().atMost(Duration.ofSeconds(120)).until(() -> !jobRepository.getJobExecution(id).getStatus().isRunning()
                && jobRepository.getJobExecution(id).getStatus() != BatchStatus.STARTING);

        assertThat(jobRepository.getJobExecution(id).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        // the first page is not scored again; every later campaign is, after the failure
        assertThat(all.subList(0, 4)).allSatisfy(c -> assertThat(scores.run(c).orElseThrow().computedAt()).isEqualTo(firstPage));
        assertThat(all.subList(4, all.size())).allSatisfy(c -> assertThat(scores.run(c).orElseThrow().computedAt()).isAfter(firstPage));
    }
}
