package com.creatorcampaignpro.matching;

import com.creatorcampaignpro.social.Platform;

import java.util.HashSet;
import java.util.Set;

/** A campaign's criteria turned into masks over one {@link FeatureTable}'s vocabularies. */
public final class CompiledCriteria {
    final MatchCriteria criteria;
    final FeatureTable table;
    final long[] categoryMask;
    final int categoryCount;
    /** The campaign's categories that some row has (indices in the table's vocabulary). */
    final int[] categoryIndices;
    /** The platforms every row must have an account on (ordinals). */
    final int[] requiredPlatformOrdinals;
    final long[] languageMask;
    final boolean languageApplicable;
    final long[] countryMask;
    final boolean countryApplicable;
    final int genderMask;
    final boolean genderApplicable;
    /** Per age bucket, the share of the bucket's years inside the target range (0..1). */
    final double[] ageOverlap;
    final boolean ageApplicable;
    final int requiredPlatforms;
    final int wantedPlatforms;
    final int[] rateCells;
    final int currency;                 // index in the table's currency vocabulary, -1 = nobody quotes it
    final long remainingBudget;
    final long minFollowers;
    final long maxFollowers;
    final double minEngagementRate;
    final boolean tierApplicable;
    final double lnMiddle;
    final double lnHalfSpan;

    CompiledCriteria(MatchCriteria c, FeatureTable t) {
        criteria = c;
        table = t;
        categoryMask = FeatureTable.mask(t.categoryIndex, c.categories());
        categoryCount = c.categories().size();
        languageMask = FeatureTable.mask(t.languageIndex, c.languages());
        languageApplicable = !c.languages().isEmpty();
        Set<String> countries = new HashSet<>(c.countries());
        countries.addAll(c.audience().countries());
        countryMask = FeatureTable.mask(t.countryIndex, countries);
        countryApplicable = !countries.isEmpty();
        int genders = 0;
        for (int g = 0; g < FeatureTable.GENDERS; g++) {
            if (c.audience().genders().contains(AudienceProfile.GENDERS[g])) {
                genders |= 1 << g;
            }
        }
        genderMask = genders;
        genderApplicable = !c.audience().genders().isEmpty();
        ageApplicable = c.audience().hasAges();
        ageOverlap = new double[FeatureTable.AGES];
        int lo = c.audience().minAge() == null ? 0 : c.audience().minAge();
        int hi = c.audience().maxAge() == null ? 200 : c.audience().maxAge();
        for (int b = 0; b < FeatureTable.AGES; b++) {
            int from = AudienceProfile.AGE_BUCKET_FROM[b];
            int to = AudienceProfile.AGE_BUCKET_TO[b];
            int overlap = Math.min(to, hi) - Math.max(from, lo) + 1;
            ageOverlap[b] = overlap <= 0 ? 0 : (double) overlap / (to - from + 1);
        }
        int required = 0;
        for (Platform p : c.requiredPlatforms()) {
            required |= 1 << p.ordinal();
        }
        requiredPlatforms = required;
        requiredPlatformOrdinals = c.requiredPlatforms().stream().mapToInt(Platform::ordinal).distinct().sorted().toArray();
        categoryIndices = c.categories().stream().map(t.categoryIndex::get).filter(java.util.Objects::nonNull)
                .mapToInt(Integer::intValue).distinct().sorted().toArray();
        int wanted = required;
        rateCells = new int[c.deliverables().size()];
        for (int k = 0; k < rateCells.length; k++) {
            MatchCriteria.DeliverableNeed d = c.deliverables().get(k);
            wanted |= 1 << d.platform().ordinal();
            rateCells[k] = d.platform().ordinal() * FeatureTable.TYPES + d.contentType().ordinal();
        }
        wantedPlatforms = wanted;
        Integer cur = t.currencyIndex.get(c.currency());
        currency = cur == null ? -1 : cur;
        remainingBudget = c.remainingBudget();
        minFollowers = c.minFollowers() == null ? Long.MIN_VALUE : c.minFollowers();
        maxFollowers = c.maxFollowers() == null ? Long.MAX_VALUE : c.maxFollowers();
        minEngagementRate = c.minEngagementRate() == null ? Double.NEGATIVE_INFINITY : c.minEngagementRate();
        tierApplicable = c.minFollowers() != null && c.maxFollowers() != null && c.maxFollowers() > c.minFollowers();
        double lnMin = tierApplicable ? Math.log(Math.max(1, c.minFollowers())) : 0;
        double lnMax = tierApplicable ? Math.log(Math.max(1, c.maxFollowers())) : 0;
        lnMiddle = (lnMin + lnMax) / 2;
        lnHalfSpan = (lnMax - lnMin) / 2;
    }

    public MatchCriteria criteria() {
        return criteria;
    }

    public FeatureTable table() {
        return table;
    }
}
