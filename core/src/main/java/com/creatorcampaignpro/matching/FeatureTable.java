package com.creatorcampaignpro.matching;

import com.creatorcampaignpro.content.ContentType;
import com.creatorcampaignpro.influencer.Availability;
import com.creatorcampaignpro.social.Platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.TreeMap;

/**
 * Influencers' features in columns of primitives, with categories, languages and countries as
 * bitsets over the table's own vocabularies: scoring a campaign against every row allocates nothing
 * per pair. Immutable once built; safe to share between threads.
 *
 * <p>Memory: about 750 bytes per row (the 28 rate cells take 336) plus the bitsets (8 bytes per 64
 * distinct tags per row), e.g. 40,000 influencers with 200 categories take about 32 MB (computed, not measured).
 */
public final class FeatureTable {
    static final int PLATFORMS = Platform.values().length;
    static final int TYPES = ContentType.values().length;
    static final int RATE_CELLS = PLATFORMS * TYPES;
    /** The audience countries kept per row: the largest shares; the rest is rarely above a few percent. */
    static final int AUDIENCE_COUNTRIES = 5;
    static final int AGES = AudienceProfile.AGE_BUCKETS.length;
    static final int GENDERS = AudienceProfile.GENDERS.length;

    final int size;
    final UUID[] ids;
    final Map<String, Integer> categoryIndex;
    final Map<String, Integer> languageIndex;
    final Map<String, Integer> countryIndex;
    final Map<String, Integer> currencyIndex;
    final int categoryWords;
    final int languageWords;
    final long[] categoryBits;
    final long[] languageBits;
    final int[] country;                 // -1 = none
    final long[] totalFollowers;
    final double[] avgEngagementRate;
    final int[] platformMask;
    final long[] platformFollowers;     // [row * PLATFORMS + platform]
    final double[] platformEngagement;
    final int[] audienceCountry;        // [row * AUDIENCE_COUNTRIES + i], -1 = none
    final double[] audienceCountryShare;
    final boolean[] audienceCountriesKnown;
    final double[] genderShare;         // [row * GENDERS + g]
    final boolean[] gendersKnown;
    final double[] ageShare;            // [row * AGES + a]
    final boolean[] agesKnown;
    final long[] rate;                   // [row * RATE_CELLS + platform * TYPES + type], -1 = none
    final int[] rateCurrency;
    final double[] rating;
    final int[] completedCampaigns;
    final byte[] availability;
    final boolean[] verified;
    private final Map<UUID, Integer> rowById;
    /**
     * Row bitsets (bit r % 64 of word r / 64): who has each category, who has an account on each
     * platform, who is not unavailable. A campaign skips a whole word of 64 rows that a hard filter
     * excludes, or that cannot reach its top K without a category ({@link TopMatches}).
     */
    final int rowWords;
    final long[] categoryRows;          // [category * rowWords + word]
    final long[] platformRows;          // [platform * rowWords + word]
    final long[] notUnavailableRows;

    final EngagementBenchmarks benchmarks;
    /** Campaign-independent values, computed once per row rather than once per pair. */
    final double[] reputation;
    final double[] lnFollowers;
    final double[] engagementQuality;   // [row * PLATFORMS + platform]
    final double[] profileEngagementQuality;

    private FeatureTable(List<InfluencerFeatures> rows, EngagementBenchmarks benchmarks) {
        this.benchmarks = benchmarks;
        size = rows.size();
        reputation = new double[size];
        lnFollowers = new double[size];
        engagementQuality = new double[size * PLATFORMS];
        profileEngagementQuality = new double[size];
        ids = new UUID[size];
        categoryIndex = vocabulary(rows.stream().flatMap(r -> r.categories().stream()).toList());
        languageIndex = vocabulary(rows.stream().flatMap(r -> r.languages().stream()).toList());
        List<String> countries = new ArrayList<>();
        rows.forEach(r -> {
            if (r.country() != null) {
                countries.add(r.country());
            }
            countries.addAll(r.audience().countries().keySet());
        });
        countryIndex = vocabulary(countries);
        currencyIndex = vocabulary(rows.stream().flatMap(r -> r.rates().stream().map(InfluencerFeatures.Rate::currency)).toList());
        categoryWords = words(categoryIndex.size());
        languageWords = words(languageIndex.size());
        categoryBits = new long[size * categoryWords];
        languageBits = new long[size * languageWords];
        country = new int[size];
        totalFollowers = new long[size];
        avgEngagementRate = new double[size];
        platformMask = new int[size];
        platformFollowers = new long[size * PLATFORMS];
        platformEngagement = new double[size * PLATFORMS];
        audienceCountry = new int[size * AUDIENCE_COUNTRIES];
        audienceCountryShare = new double[size * AUDIENCE_COUNTRIES];
        audienceCountriesKnown = new boolean[size];
        genderShare = new double[size * GENDERS];
        gendersKnown = new boolean[size];
        ageShare = new double[size * AGES];
        agesKnown = new boolean[size];
        rate = new long[size * RATE_CELLS];
        rateCurrency = new int[size * RATE_CELLS];
        rating = new double[size];
        completedCampaigns = new int[size];
        availability = new byte[size];
        verified = new boolean[size];
        Arrays.fill(rate, -1);
        Arrays.fill(audienceCountry, -1);
        rowById = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            fill(i, rows.get(i));
            rowById.put(ids[i], i);
        }
        rowWords = (size + 63) >>> 6;
        categoryRows = new long[categoryIndex.size() * rowWords];
        platformRows = new long[PLATFORMS * rowWords];
        notUnavailableRows = new long[rowWords];
        for (int i = 0; i < size; i++) {
            long bit = 1L << i;
            int word = i >>> 6;
            for (int k = 0; k < categoryIndex.size(); k++) {
                if ((categoryBits[i * categoryWords + (k >>> 6)] & (1L << k)) != 0) {
                    categoryRows[k * rowWords + word] |= bit;
                }
            }
            for (int p = 0; p < PLATFORMS; p++) {
                if ((platformMask[i] & (1 << p)) != 0) {
                    platformRows[p * rowWords + word] |= bit;
                }
            }
            if (!isAvailability(availability[i], Availability.UNAVAILABLE)) {
                notUnavailableRows[word] |= bit;
            }
        }
    }

    /** Use {@link MatchScorer#table}: the table carries its scorer's engagement yardstick. */
    static FeatureTable of(List<InfluencerFeatures> rows, EngagementBenchmarks benchmarks) {
        return new FeatureTable(rows, benchmarks);
    }

    public int size() {
        return size;
    }

    public UUID id(int row) {
        return ids[row];
    }

    /** The row of this influencer, or -1 when the table does not hold them (not eligible when it was built). */
    public int rowOf(UUID influencerId) {
        Integer row = rowById.get(influencerId);
        return row == null ? -1 : row;
    }

    public long totalFollowers(int row) {
        return totalFollowers[row];
    }

    /** Whether the row has a connected account on every one of {@code platforms}. */
    public boolean hasAccountsOn(int row, Set<Platform> platforms) {
        int mask = 0;
        for (Platform p : platforms) {
            mask |= 1 << p.ordinal();
        }
        return (platformMask[row] & mask) == mask;
    }

    private void fill(int i, InfluencerFeatures f) {
        ids[i] = f.influencerId();
        f.categories().forEach(c -> setBit(categoryBits, i * categoryWords, categoryIndex.get(c)));
        f.languages().forEach(l -> setBit(languageBits, i * languageWords, languageIndex.get(l)));
        country[i] = f.country() == null ? -1 : countryIndex.get(f.country());
        totalFollowers[i] = f.totalFollowers();
        avgEngagementRate[i] = f.avgEngagementRate();
        f.accounts().forEach((platform, account) -> {
            platformMask[i] |= 1 << platform.ordinal();
            platformFollowers[i * PLATFORMS + platform.ordinal()] = account.followers();
            platformEngagement[i * PLATFORMS + platform.ordinal()] = account.engagementRate();
            engagementQuality[i * PLATFORMS + platform.ordinal()] = MatchScorer.engagementQuality(account.engagementRate(),
                    benchmarks.typical(platform, account.followers()));
        });
        // Without any account: the profile's average against Instagram's yardstick.
        profileEngagementQuality[i] = MatchScorer.engagementQuality(f.avgEngagementRate(),
                benchmarks.typical(Platform.INSTAGRAM, f.totalFollowers()));
        reputation[i] = MatchScorer.reputation(f.rating(), f.completedCampaigns());
        lnFollowers[i] = Math.log(Math.max(1, f.totalFollowers()));
        AudienceProfile a = f.audience();
        if (!a.countries().isEmpty()) {
            audienceCountriesKnown[i] = true;
            // Largest shares first, ties by code, so that every table built from the same features sums alike.
            List<Map.Entry<String, Double>> top = new ArrayList<>(new TreeMap<>(a.countries()).entrySet());
            top.sort(Map.Entry.<String, Double>comparingByValue().reversed());
            for (int k = 0; k < Math.min(AUDIENCE_COUNTRIES, top.size()); k++) {
                audienceCountry[i * AUDIENCE_COUNTRIES + k] = countryIndex.get(top.get(k).getKey());
                audienceCountryShare[i * AUDIENCE_COUNTRIES + k] = clampShare(top.get(k).getValue());
            }
        }
        if (!a.genders().isEmpty()) {
            gendersKnown[i] = true;
            for (int g = 0; g < GENDERS; g++) {
                genderShare[i * GENDERS + g] = clampShare(a.genders().getOrDefault(AudienceProfile.GENDERS[g], 0.0));
            }
        }
        if (!a.ages().isEmpty()) {
            agesKnown[i] = true;
            for (int b = 0; b < AGES; b++) {
                ageShare[i * AGES + b] = clampShare(a.ages().getOrDefault(AudienceProfile.AGE_BUCKETS[b], 0.0));
            }
        }
        for (InfluencerFeatures.Rate r : f.rates()) {
            int cell = i * RATE_CELLS + r.platform().ordinal() * TYPES + r.contentType().ordinal();
            rate[cell] = r.amount();
            rateCurrency[cell] = currencyIndex.get(r.currency());
        }
        rating[i] = f.rating();
        completedCampaigns[i] = f.completedCampaigns();
        availability[i] = (byte) f.availability().ordinal();
        verified[i] = f.verified();
    }

    static boolean isAvailability(byte value, Availability a) {
        return value == a.ordinal();
    }

    private static double clampShare(Double v) {
        return v == null || !Double.isFinite(v) ? 0 : Math.max(0, Math.min(1, v));
    }

    private static Map<String, Integer> vocabulary(List<String> values) {
        Map<String, Integer> index = new HashMap<>();
        values.stream().distinct().sorted().forEach(v -> index.put(v, index.size()));
        return Map.copyOf(index);
    }

    static int words(int bits) {
        return Math.max(1, (bits + 63) >>> 6);
    }

    private static void setBit(long[] bits, int offset, int index) {
        bits[offset + (index >>> 6)] |= 1L << index;
    }

    /** A mask over {@code vocabulary} of the given values; values not in it are left out. */
    static long[] mask(Map<String, Integer> vocabulary, Set<String> values) {
        long[] m = new long[words(vocabulary.size())];
        for (String v : values) {
            Integer index = vocabulary.get(v);
            if (index != null) {
                setBit(m, 0, index);
            }
        }
        return m;
    }
}
