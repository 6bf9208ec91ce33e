package com.creatorcampaignpro.matching;

import com.creatorcampaignpro.content.ContentType;
import com.creatorcampaignpro.influencer.Availability;
import com.creatorcampaignpro.social.Platform;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/** Builders of scorer inputs, and seeded random ones for the property tests. */
final class MatchFixtures {
    static final List<String> CATEGORIES = List.of("travel", "food", "beauty", "fitness", "tech", "gaming", "fashion", "music");
    static final List<String> LANGUAGES = List.of("en", "pt", "es", "fr", "de");
    static final List<String> COUNTRIES = List.of("US", "PT", "BR", "ES", "FR", "DE", "GB");

    private MatchFixtures() {
    }

    static MatchCriteria criteria(Set<String> categories) {
        return new MatchCriteria(categories, Set.of(), Set.of(), Set.of(), List.of(), null, null, null, null, 100_000, "USD");
    }

    static InfluencerFeatures influencer(Set<String> categories) {
        return new InfluencerFeatures(UUID.randomUUID(), categories, Set.of("en"), "US", 50_000, 2.0,
                Map.of(Platform.INSTAGRAM, new InfluencerFeatures.Account(50_000, 2.0)), AudienceProfile.UNKNOWN,
                List.of(new InfluencerFeatures.Rate(Platform.INSTAGRAM, ContentType.REEL, 50_000, "USD")), 4.0, 3,
                Availability.AVAILABLE, false);
    }

    static <T> Set<T> someOf(Random random, List<T> values, int max) {
        Set<T> out = new HashSet<>();
        int n = random.nextInt(max + 1);
        for (int i = 0; i < n; i++) {
            out.add(values.get(random.nextInt(values.size())));
        }
        return out;
    }

    static MatchCriteria randomCriteria(Random random) {
        Long min = random.nextInt(3) == 0 ? (long) random.nextInt(50_000) : null;
        Long max = random.nextInt(3) == 0 ? (min == null ? 0 : min) + 1 + random.nextInt(2_000_000) : null;
        Set<Platform> required = someOf(random, List.of(Platform.values()), 1);
        List<MatchCriteria.DeliverableNeed> deliverables = new java.util.ArrayList<>();
        for (int k = random.nextInt(3); k > 0; k--) {
            deliverables.add(new MatchCriteria.DeliverableNeed(Platform.values()[random.nextInt(4)],
                    ContentType.values()[random.nextInt(ContentType.values().length)], 1 + random.nextInt(3)));
        }
        MatchCriteria.AudienceTarget audience = new MatchCriteria.AudienceTarget(someOf(random, COUNTRIES, 2),
                random.nextBoolean() ? 18 + random.nextInt(10) : null, random.nextBoolean() ? 30 + random.nextInt(30) : null,
                someOf(random, List.of(AudienceProfile.GENDERS), 2));
        return new MatchCriteria(someOf(random, CATEGORIES, 3), someOf(random, LANGUAGES, 2), someOf(random, COUNTRIES, 2),
                required, deliverables, min, max, random.nextInt(4) == 0 ? random.nextDouble() * 3 : null, audience,
                random.nextInt(10) == 0 ? 0 : random.nextInt(5_000_000), random.nextInt(8) == 0 ? "EUR" : "USD");
    }

    static InfluencerFeatures randomInfluencer(Random random) {
        Map<Platform, InfluencerFeatures.Account> accounts = new EnumMap<>(Platform.class);
        long total = 0;
        for (Platform p : Platform.values()) {
            if (random.nextInt(3) > 0) {
                long followers = (long) Math.pow(10, 2 + random.nextDouble() * 5);
                accounts.put(p, new InfluencerFeatures.Account(followers, random.nextDouble() * 12));
                total += followers;
            }
        }
        List<InfluencerFeatures.Rate> rates = new java.util.ArrayList<>();
        for (Platform p : Platform.values()) {
            for (ContentType t : ContentType.values()) {
                if (random.nextInt(4) == 0) {
                    rates.add(new InfluencerFeatures.Rate(p, t, random.nextInt(2_000_000), random.nextInt(6) == 0 ? "EUR" : "USD"));
                }
            }
        }
        Map<String, Double> countries = new HashMap<>();
        Map<String, Double> genders = new HashMap<>();
        Map<String, Double> ages = new HashMap<>();
        if (random.nextBoolean()) {
            someOf(random, COUNTRIES, 4).forEach(c -> countries.put(c, random.nextDouble() / 4));
            genders.put("female", random.nextDouble());
            genders.put("male", 1 - genders.get("female"));
            for (String b : AudienceProfile.AGE_BUCKETS) {
                ages.put(b, random.nextDouble() / AudienceProfile.AGE_BUCKETS.length);
            }
        }
        return new InfluencerFeatures(new UUID(random.nextLong(), random.nextLong()), someOf(random, CATEGORIES, 4),
                someOf(random, LANGUAGES, 2), random.nextInt(5) == 0 ? null : COUNTRIES.get(random.nextInt(COUNTRIES.size())),
                total, random.nextDouble() * 10, accounts, new AudienceProfile(countries, genders, ages), rates,
                random.nextDouble() * 5, random.nextInt(40), Availability.values()[random.nextInt(3)], random.nextBoolean());
    }

    static InfluencerFeatures withEngagementScaled(InfluencerFeatures f, double factor) {
        Map<Platform, InfluencerFeatures.Account> accounts = new EnumMap<>(Platform.class);
        f.accounts().forEach((p, a) -> accounts.put(p, new InfluencerFeatures.Account(a.followers(), a.engagementRate() * factor)));
        return new InfluencerFeatures(f.influencerId(), f.categories(), f.languages(), f.country(), f.totalFollowers(),
                f.avgEngagementRate() * factor, accounts, f.audience(), f.rates(), f.rating(), f.completedCampaigns(),
                f.availability(), f.verified());
    }

    static InfluencerFeatures withCategories(InfluencerFeatures f, Set<String> categories) {
        return new InfluencerFeatures(f.influencerId(), categories, f.languages(), f.country(), f.totalFollowers(),
                f.avgEngagementRate(), f.accounts(), f.audience(), f.rates(), f.rating(), f.completedCampaigns(),
                f.availability(), f.verified());
    }
}
