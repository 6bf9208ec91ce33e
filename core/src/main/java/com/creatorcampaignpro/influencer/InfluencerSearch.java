package com.creatorcampaignpro.influencer;

import com.creatorcampaignpro.content.ContentType;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.error.ValidationException.FieldViolation;
import com.creatorcampaignpro.money.Money;
import com.creatorcampaignpro.paging.PageRequest;
import com.creatorcampaignpro.paging.RankCursor;
import com.creatorcampaignpro.social.Platform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A validated influencer search: every filter is optional (null or empty = not applied). Follower,
 * engagement and view filters apply to the profile's totals; {@code platform} requires a connected
 * account there; the price filter requires a rate for {@code contentType} (on {@code platform} when
 * given) within [minRate, maxRate] minor units of {@code currency}.
 */
public record InfluencerSearch(
        String text,
        List<String> categories,
        boolean allCategories,
        List<String> languages,
        String country,
        String location,
        Platform platform,
        Long minFollowers,
        Long maxFollowers,
        BigDecimal minEngagementRate,
        Long minAvgViews,
        Availability availability,
        Boolean verified,
        ContentType contentType,
        Long minRate,
        Long maxRate,
        String currency,
        InfluencerSort sort,
        int limit,
        RankCursor after) {

    public static final int MIN_TEXT_LENGTH = 3;
    public static final int MAX_TEXT_LENGTH = 100;
    private static final int MAX_LIST = 20;

    /** The raw query parameters, as a client sent them. */
    public record Query(String q, List<String> categories, String categoryMatch, List<String> languages,
                        String country, String location, String platform, Long minFollowers, Long maxFollowers,
                        BigDecimal minEngagementRate, Long minAvgViews, String availability, Boolean verified,
                        String contentType, Long minRate, Long maxRate, String currency, String sort,
                        Integer limit, String after) {
    }

    /** Validates every parameter at once; each violation names its query parameter. */
    public static InfluencerSearch of(Query query) {
        List<FieldViolation> violations = new ArrayList<>();
        String text = blankToNull(query.q());
        if (text != null && (text.length() < MIN_TEXT_LENGTH || text.length() > MAX_TEXT_LENGTH)) {
            violations.add(new FieldViolation("q", "must be " + MIN_TEXT_LENGTH + " to " + MAX_TEXT_LENGTH + " characters"));
        }
        List<String> categories = InfluencerRules.normalizedTags(query.categories());
        if (categories.size() > MAX_LIST) {
            violations.add(new FieldViolation("categories", "must list at most " + MAX_LIST + " categories"));
        }
        boolean all = false;
        if (query.categoryMatch() != null) {
            switch (query.categoryMatch().toLowerCase(Locale.ROOT)) {
                case "any" -> all = false;
                case "all" -> all = true;
                default -> violations.add(new FieldViolation("categoryMatch", "must be any or all"));
            }
        }
        List<String> languages = InfluencerRules.normalizedTags(query.languages());
        if (languages.size() > MAX_LIST) {
            violations.add(new FieldViolation("languages", "must list at most " + MAX_LIST + " languages"));
        }
        String country = blankToNull(query.country());
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!InfluencerRules.isIsoCountry(country)) {
                violations.add(new FieldViolation("country", "must be an ISO-3166 alpha-2 code such as PT"));
            }
        }
        String location = blankToNull(query.location());
        if (location != null && location.length() > MAX_TEXT_LENGTH) {
            violations.add(new FieldViolation("location", "must be at most " + MAX_TEXT_LENGTH + " characters"));
        }
        Platform platform = null;
        if (blankToNull(query.platform()) != null) {
            platform = Platform.parse(query.platform().trim()).orElse(null);
            if (platform == null) {
                violations.add(new FieldViolation("platform", "must be one of instagram, youtube, tiktok, twitter"));
            }
        }
        nonNegative(violations, "minFollowers", query.minFollowers());
        nonNegative(violations, "maxFollowers", query.maxFollowers());
        if (query.minFollowers() != null && query.maxFollowers() != null && query.maxFollowers() < query.minFollowers()) {
            violations.add(new FieldViolation("maxFollowers", "must not be below minFollowers"));
        }
        if (query.minEngagementRate() != null && (query.minEngagementRate().signum() < 0
                || query.minEngagementRate().compareTo(BigDecimal.valueOf(100)) > 0)) {
            violations.add(new FieldViolation("minEngagementRate", "must be a percentage between 0 and 100"));
        }
        nonNegative(violations, "minAvgViews", query.minAvgViews());
        Availability availability = null;
        if (blankToNull(query.availability()) != null) {
            availability = Availability.parse(query.availability().trim()).orElse(null);
            if (availability == null) {
                violations.add(new FieldViolation("availability", "must be one of available, busy, unavailable"));
            }
        }
        ContentType contentType = null;
        if (blankToNull(query.contentType()) != null) {
            contentType = ContentType.parse(query.contentType().trim()).orElse(null);
            if (contentType == null) {
                violations.add(new FieldViolation("contentType", "must be one of post, story, reel, video, short, tweet, live"));
            }
        }
        nonNegative(violations, "minRate", query.minRate());
        nonNegative(violations, "maxRate", query.maxRate());
        if (query.minRate() != null && query.maxRate() != null && query.maxRate() < query.minRate()) {
            violations.add(new FieldViolation("maxRate", "must not be below minRate"));
        }
        String currency = blankToNull(query.currency());
        boolean priced = query.minRate() != null || query.maxRate() != null;
        if (priced && currency == null) {
            violations.add(new FieldViolation("currency", "is required with minRate or maxRate (rates are compared in one currency)"));
        } else if (currency != null && !Money.isIsoCurrency(currency)) {
            violations.add(new FieldViolation("currency", "must be an ISO-4217 code such as USD"));
        }
        if (priced && contentType == null && blankToNull(query.contentType()) == null) {
            violations.add(new FieldViolation("contentType", "is required with minRate or maxRate (a price is per content type)"));
        }
        InfluencerSort sort = InfluencerSort.FOLLOWERS;
        if (blankToNull(query.sort()) != null) {
            sort = InfluencerSort.parse(query.sort().trim()).orElse(null);
            if (sort == null) {
                violations.add(new FieldViolation("sort", "must be one of followers, engagement, rating"));
            }
        }
        int limit = 0;
        try {
            limit = PageRequest.checkedLimit(query.limit());
        } catch (ValidationException e) {
            violations.addAll(e.violations());
        }
        RankCursor after = null;
        if (sort != null && blankToNull(query.after()) != null) {
            try {
                after = RankCursor.decode(query.after().trim(), "after", sort.paramValue());
            } catch (ValidationException e) {
                violations.addAll(e.violations());
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return new InfluencerSearch(text, categories, all, languages, country, location, platform,
                query.minFollowers(), query.maxFollowers(), query.minEngagementRate(), query.minAvgViews(), availability,
                query.verified(), contentType, query.minRate(), query.maxRate(), currency, sort, limit, after);
    }

    /** Rows to fetch: one extra tells whether a next page exists without a count query. */
    public int fetchSize() {
        return limit + 1;
    }

    /** The free text as a LIKE pattern: the user's text is matched literally, wildcards escaped. */
    public String textPattern() {
        return text == null ? null : "%" + escapeLike(text) + "%";
    }

    public String locationPattern() {
        return location == null ? null : "%" + escapeLike(location) + "%";
    }

    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static void nonNegative(List<FieldViolation> violations, String field, Long value) {
        if (value != null && value < 0) {
            violations.add(new FieldViolation(field, "must be zero or more"));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
