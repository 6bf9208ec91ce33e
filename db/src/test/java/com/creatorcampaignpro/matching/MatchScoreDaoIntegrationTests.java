package com.creatorcampaignpro.matching;

import com.creatorcampaignpro.content.ContentType;
import com.creatorcampaignpro.db.testing.PostgresExtension;
import com.creatorcampaignpro.influencer.Availability;
import com.creatorcampaignpro.social.Platform;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(PostgresExtension.class)
class MatchScoreDaoIntegrationTests {
    private final Jdbi jdbi;
    private final MatchScoreDao scores;
    private final MatchFeatureDao features;

    MatchScoreDaoIntegrationTests(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.scores = jdbi.onDemand(MatchScoreDao.class);
        this.features = jdbi.onDemand(MatchFeatureDao.class);
    }

    private static UUID user(Handle h, String type) {
        return h.createQuery("INSERT INTO users (email, user_type) VALUES (:e, :t) RETURNING id")
                .bind("e", type + "-" + UUID.randomUUID() + "@example.com").bind("t", type).mapTo(UUID.class).one();
    }

    private static UUID influencer(Handle h, String availability, String audience) {
        UUID id = user(h, "influencer");
        h.createUpdate("""
                INSERT INTO influencer_profiles (user_id, display_name, categories, languages, country, total_followers,
                    avg_engagement_rate, audience, rating, completed_campaigns, availability, verified)
                VALUES (:id, 'x', '{travel,food}', '{pt}', 'PT', 60000, 3.5, CAST(:audience AS jsonb), 4.5, 7, :availability, true)
                """).bind("id", id).bind("audience", audience).bind("availability", availability).execute();
        return id;
    }

    private static UUID campaign(Handle h) {
        return h.createQuery("INSERT INTO campaigns (marketer_id, name, budget) VALUES (:m, 'c', 100000) RETURNING id")
                .bind("m", user(h, "marketer")).mapTo(UUID.class).one();
    }

    @Test
    void loadsEveryFeatureOfAvailableInfluencersOnly() {
        UUID ana = jdbi.withHandle(h -> {
            UUID id = influencer(h, "available", """
                    {"countries": {"PT": 0.6, "BR": 0.3, "XX": "junk"}, "genders": {"female": 0.7, "male": 0.3},
                     "ages": {"18-24": 0.5, "25-34": 0.5}, "other": [1, 2]}""");
            h.execute("INSERT INTO social_accounts (user_id, platform, followers, engagement_rate) VALUES (?, 'instagram', 50000, 4.2)", id);
            h.execute("INSERT INTO social_accounts (user_id, platform, followers, engagement_rate, status) VALUES (?, 'tiktok', 10000, 9, 'disconnected')", id);
            h.execute("INSERT INTO content_rates (influencer_id, platform, content_type, rate_amount, currency) VALUES (?, 'instagram', 'reel', 75000, 'EUR')", id);
            influencer(h, "unavailable", "{}");
            influencer(h, "busy", "\"not an object\"");
            return id;
        });

        List<InfluencerFeatures> all = features.all();

        assertThat(all).hasSize(2);
        InfluencerFeatures f = features.of(new UUID[]{ana}).get(0);
        assertThat(f.categories()).containsExactlyInAnyOrder("travel", "food");
        assertThat(f.languages()).containsExactly("pt");
        assertThat(f.country()).isEqualTo("PT");
        assertThat(f.totalFollowers()).isEqualTo(60_000);
        assertThat(f.avgEngagementRate()).isEqualTo(3.5);
        assertThat(f.accounts()).containsOnlyKeys(Platform.INSTAGRAM);   // the disconnected account does not count
        assertThat(f.accounts().get(Platform.INSTAGRAM)).isEqualTo(new InfluencerFeatures.Account(50_000, 4.2));
        assertThat(f.rates()).containsExactly(new InfluencerFeatures.Rate(Platform.INSTAGRAM, ContentType.REEL, 75_000, "EUR"));
        assertThat(f.audience().countries()).isEqualTo(Map.of("PT", 0.6, "BR", 0.3));
        assertThat(f.audience().genders()).isEqualTo(Map.of("female", 0.7, "male", 0.3));
        assertThat(f.audience().ages()).isEqualTo(Map.of("18-24", 0.5, "25-34", 0.5));
        assertThat(f.rating()).isEqualTo(4.5);
        assertThat(f.completedCampaigns()).isEqualTo(7);
        assertThat(f.availability()).isEqualTo(Availability.AVAILABLE);
        assertThat(f.verified()).isTrue();
        assertThat(all).filteredOn(x -> x.availability() == Availability.BUSY).singleElement()
                .satisfies(busy -> assertThat(busy.audience()).isEqualTo(AudienceProfile.UNKNOWN));
    }

    @Test
    void theFeatureTableLoadedInRangesOfUserIdsIsTheWholeTableInOrder() {
        // in a transaction rolled back at the end: other tests here count the influencers
        jdbi.useTransaction(h -> {
            for (int i = 0; i < 30; i++) {
                influencer(h, "available", "{}");
            }
            MatchFeatureDao dao = h.attach(MatchFeatureDao.class);
            List<UUID> whole = dao.all().stream().map(InfluencerFeatures::influencerId).toList();
            UUID[] bounds = {new UUID(0, 0), new UUID(0x40000000L << 32, 0), new UUID(0x80000000L << 32, 0),
                    new UUID(0xC0000000L << 32, 0), null};
            List<UUID> ranges = new java.util.ArrayList<>();
            for (int i = 0; i + 1 < bounds.length; i++) {
                dao.range(bounds[i], bounds[i + 1]).forEach(f -> ranges.add(f.influencerId()));
            }
            assertThat(ranges).containsExactlyElementsOf(whole);
            assertThat(whole).hasSizeGreaterThanOrEqualTo(30);
            h.rollback();
        });
    }

    @Test
    void aPageReplacesItsCampaignsRowsAndLeavesOthersAlone() {
        UUID[] ids = jdbi.withHandle(h -> new UUID[]{campaign(h), campaign(h), influencer(h, "available", "{}"),
                influencer(h, "available", "{}")});
        UUID c1 = ids[0];
        UUID c2 = ids[1];
        UUID i1 = ids[2];
        UUID i2 = ids[3];
        Instant t1 = Instant.parse("2026-12-01T10:00:00Z");
        Instant updated = Instant.parse("2026-11-30T00:00:00Z");
        scores.replace(new MatchScoreDao.CampaignPage(new UUID[]{c1, c2}, new Instant[]{updated, updated}, new int[]{2, 1}, 2,
                new UUID[]{c1, c1, c2}, new UUID[]{i1, i2, i1}, new int[]{1, 2, 1}, new double[]{91.5, 80.25, 70},
                new double[][]{values(1), values(0.5), values(0)}), "match-v1", t1);

        Instant t2 = t1.plusSeconds(60);
        scores.replace(new MatchScoreDao.CampaignPage(new UUID[]{c1}, new Instant[]{updated}, new int[]{1}, 2,
                new UUID[]{c1}, new UUID[]{i2}, new int[]{1}, new double[]{88}, new double[][]{values(0.9)}),
                "match-v1", t2);

        assertThat(scores.top(c1, 10)).extracting(StoredMatch::influencerId, StoredMatch::rank, StoredMatch::score)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(i2, 1, 88.0));
        assertThat(scores.top(c1, 10).get(0).components()).startsWith("{\"category\":0.9000,\"language\":0.5000,");
        assertThat(scores.top(c2, 10)).extracting(StoredMatch::influencerId).containsExactly(i1);
        assertThat(scores.run(c1)).get().satisfies(r -> {
            assertThat(r.computedAt()).isEqualTo(t2);
            assertThat(r.matches()).isEqualTo(1);
            assertThat(r.campaignUpdatedAt()).isEqualTo(updated);
            assertThat(r.modelVersion()).isEqualTo("match-v1");
        });
        assertThat(scores.run(c2).orElseThrow().computedAt()).isEqualTo(t1);
    }

    /** Component values: category as given, the others 0.5. */
    private static double[] values(double category) {
        double[] v = new double[MatchComponent.values().length];
        java.util.Arrays.fill(v, 0.5);
        v[0] = category;
        return v;
    }

    /**
     * The jsonb text the job wrote before V150 (its componentsJson, kept here as the reference): the
     * stored ten-thousandths must read back as exactly that text.
     */
    private static String previousJson(double[] values) {
        StringBuilder json = new StringBuilder(200).append('{');
        MatchComponent[] components = MatchComponent.values();
        for (int i = 0; i < components.length; i++) {
            json.append(i == 0 ? "\"" : ",\"").append(components[i].key()).append("\":");
            long tenThousandths = Math.round(values[i] * 10_000);
            json.append(tenThousandths / 10_000).append('.');
            String fraction = Long.toString(tenThousandths % 10_000);
            json.append("0000", 0, 4 - fraction.length()).append(fraction);
        }
        return json.append('}').toString();
    }

    @Test
    void storedRowsReadBackAsThePreviousJsonOnRandomValues() {
        java.util.Random r = new java.util.Random(7);
        UUID campaign = jdbi.withHandle(MatchScoreDaoIntegrationTests::campaign);
        int n = 300;
        UUID[] influencers = jdbi.withHandle(h -> {
            UUID[] ids = new UUID[n];
            for (int i = 0; i < n; i++) {
                ids[i] = user(h, "influencer");
            }
            return ids;
        });
        double[][] values = new double[n][];
        double[] score = new double[n];
        int[] rank = new int[n];
        UUID[] rowCampaign = new UUID[n];
        for (int i = 0; i < n; i++) {
            values[i] = new double[MatchComponent.values().length];
            for (int k = 0; k < values[i].length; k++) {
                // edges, halves of a ten-thousandth (rounding) and arbitrary doubles
                values[i][k] = switch (r.nextInt(4)) {
                    case 0 -> r.nextBoolean() ? 0 : 1;
                    case 1 -> (r.nextInt(10_000) + 0.5) / 10_000;
                    default -> r.nextDouble();
                };
            }
            score[i] = 100 - i * 0.25 - r.nextDouble() / 10;
            rank[i] = i + 1;
            rowCampaign[i] = campaign;
        }
        Instant at = Instant.parse("2026-12-01T10:00:00Z");

        scores.replace(new MatchScoreDao.CampaignPage(new UUID[]{campaign}, new Instant[]{at}, new int[]{n}, n,
                rowCampaign, influencers, rank, score, values), "match-v1", at);

        List<StoredMatch> stored = scores.top(campaign, n);
        assertThat(stored).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(stored.get(i)).isEqualTo(new StoredMatch(campaign, influencers[i], i + 1, score[i],
                    previousJson(values[i]), "match-v1", at));
        }
    }

    @Test
    void componentsOutsideZeroToOneAreRefused() {
        double[] bad = values(1.5);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StoredComponents.literal(bad))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("category");
    }

    @Test
    void deletingACampaignOrAnInfluencerDeletesTheirMatchesAsTheForeignKeysDid() {
        UUID[] ids = jdbi.withHandle(h -> new UUID[]{campaign(h), campaign(h), user(h, "influencer"), user(h, "influencer")});
        UUID c1 = ids[0];
        UUID c2 = ids[1];
        UUID i1 = ids[2];
        UUID i2 = ids[3];
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        scores.replace(new MatchScoreDao.CampaignPage(new UUID[]{c1, c2}, new Instant[]{at, at}, new int[]{2, 2}, 2,
                new UUID[]{c1, c1, c2, c2}, new UUID[]{i1, i2, i1, i2}, new int[]{1, 2, 1, 2}, new double[]{9, 8, 7, 6},
                new double[][]{values(1), values(1), values(1), values(1)}), "match-v1", at);

        jdbi.useHandle(h -> h.execute("DELETE FROM users WHERE id = ?", i1));
        assertThat(scores.top(c1, 10)).extracting(StoredMatch::influencerId).containsExactly(i2);
        assertThat(scores.top(c2, 10)).extracting(StoredMatch::influencerId).containsExactly(i2);

        jdbi.useHandle(h -> h.execute("DELETE FROM campaigns WHERE id = ?", c1));
        assertThat(scores.top(c1, 10)).isEmpty();
        assertThat(scores.top(c2, 10)).hasSize(1);
    }

    @Test
    void rowsOfAnInfluencerOrCampaignDeletedBeforeTheWriteAreLeftOut() {
        UUID[] ids = jdbi.withHandle(h -> new UUID[]{campaign(h), campaign(h), user(h, "influencer"), user(h, "influencer")});
        UUID live = ids[0];
        UUID gone = ids[1];
        UUID kept = ids[2];
        UUID deleted = ids[3];
        jdbi.useHandle(h -> {
            h.execute("DELETE FROM users WHERE id = ?", deleted);
            h.execute("DELETE FROM campaigns WHERE id = ?", gone);
        });
        Instant at = Instant.parse("2026-12-01T10:00:00Z");

        scores.replace(new MatchScoreDao.CampaignPage(new UUID[]{live, gone}, new Instant[]{at, at}, new int[]{2, 1}, 2,
                new UUID[]{live, live, gone}, new UUID[]{deleted, kept, kept}, new int[]{1, 2, 1}, new double[]{9, 8, 7},
                new double[][]{values(1), values(1), values(1)}), "match-v1", at);

        assertThat(scores.top(live, 10)).extracting(StoredMatch::influencerId).containsExactly(kept);
        assertThat(scores.top(gone, 10)).isEmpty();
        assertThat(scores.run(gone)).isEmpty();
        assertThat(scores.run(live)).isPresent();
        int goneRows = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM match_scores WHERE campaign_id = ?")
                .bind(0, gone).mapTo(Integer.class).one());
        assertThat(goneRows).isZero();
    }
}
