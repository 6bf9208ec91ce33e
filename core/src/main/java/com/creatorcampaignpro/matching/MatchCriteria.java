package com.creatorcampaignpro.matching;

import com.creatorcampaignpro.content.ContentType;
import com.creatorcampaignpro.social.Platform;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a campaign (or an ad-hoc brief) asks of an influencer: the scorer's own input, so that the
 * scorer does not depend on the shape of the Campaign record. Tags are normalized like the
 * influencer's (trimmed, lower-case); countries upper-case ISO-3166.
 *
 * @param requiredPlatforms    hard filter: an influencer without an account on each is excluded
 * @param deliverables         what the campaign wants made (platform, type, how many)
 * @param minEngagementRate    percent, against the profile's average engagement rate; null = none
 * @param remainingBudget      budget minus spent, minor units of {@code currency}
 */
public record MatchCriteria(
        Set<String> categories,
        Set<String> languages,
        Set<String> countries,
        Set<Platform> requiredPlatforms,
        List<DeliverableNeed> deliverables,
        Long minFollowers,
        Long maxFollowers,
        Double minEngagementRate,
        AudienceTarget audience,
        long remainingBudget,
        String currency) {

    public MatchCriteria {
        categories = Set.copyOf(categories);
        languages = Set.copyOf(languages);
        countries = Set.copyOf(countries);
        requiredPlatforms = Set.copyOf(requiredPlatforms);
        deliverables = List.copyOf(deliverables);
        audience = audience == null ? AudienceTarget.NONE : audience;
        Objects.requireNonNull(currency, "currency");
    }

    /** One kind of deliverable the campaign wants, {@code quantity} times. */
    public record DeliverableNeed(Platform platform, ContentType contentType, int quantity) {
        public DeliverableNeed {
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(contentType, "contentType");
            if (quantity < 1) {
                throw new IllegalArgumentException("quantity must be at least 1");
            }
        }
    }

    /**
     * The campaign's target audience. Countries add to the campaign's target countries; ages are
     * inclusive years (null = open); genders as in {@link AudienceProfile} ("female", "male", "other").
     */
    public record AudienceTarget(Set<String> countries, Integer minAge, Integer maxAge, Set<String> genders) {
        public static final AudienceTarget NONE = new AudienceTarget(Set.of(), null, null, Set.of());

        public AudienceTarget {
            countries = Set.copyOf(countries);
            genders = Set.copyOf(genders);
        }

        boolean hasAges() {
            return minAge != null || maxAge != null;
        }
    }
}
