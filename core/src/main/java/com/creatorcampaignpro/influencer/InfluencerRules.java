package com.creatorcampaignpro.influencer;

import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.error.ValidationException.FieldViolation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** Rules for what influencers write about themselves: their profile and their rates. */
public final class InfluencerRules {
    public static final int MAX_CATEGORIES = 20;
    public static final int MAX_LANGUAGES = 10;
    public static final int MAX_RATES = 28;   // 4 platforms x 7 content types
    /** 10^12 minor units (10 billion in a two-decimal currency): well beyond any real rate, far from overflow. */
    public static final long MAX_RATE_AMOUNT = 1_000_000_000_000L;

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private InfluencerRules() {
    }

    /**
     * Categories and languages are matched exactly by the search (GIN on text[]): store and query
     * them trimmed, lower-case and once each.
     */
    public static List<String> normalizedTags(Collection<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(Objects::nonNull).map(v -> v.trim().toLowerCase(Locale.ROOT))
                .filter(v -> !v.isEmpty()).distinct().toList();
    }

    public static boolean isIsoCountry(String code) {
        return code != null && code.length() == 2 && COUNTRIES.contains(code);
    }

    /** Validates and normalizes a profile update: tags lower-case, country upper-case, text trimmed. */
    public static ProfileUpdate normalize(ProfileUpdate u) {
        List<FieldViolation> violations = new ArrayList<>();
        String name = u.displayName() == null ? "" : u.displayName().trim();
        if (name.isEmpty()) {
            violations.add(new FieldViolation("displayName", "must not be blank"));
        } else if (name.length() > 100) {
            violations.add(new FieldViolation("displayName", "must be at most 100 characters"));
        }
        String bio = u.bio() == null ? "" : u.bio().trim();
        if (bio.length() > 5000) {
            violations.add(new FieldViolation("bio", "must be at most 5000 characters"));
        }
        List<String> categories = normalizedTags(u.categories());
        if (categories.size() > MAX_CATEGORIES) {
            violations.add(new FieldViolation("categories", "must list at most " + MAX_CATEGORIES + " categories"));
        }
        for (int i = 0; i < categories.size(); i++) {
            if (categories.get(i).length() > 40) {
                violations.add(new FieldViolation("categories[" + i + "]", "must be at most 40 characters"));
            }
        }
        List<String> languages = normalizedTags(u.languages());
        if (languages.size() > MAX_LANGUAGES) {
            violations.add(new FieldViolation("languages", "must list at most " + MAX_LANGUAGES + " languages"));
        }
        for (int i = 0; i < languages.size(); i++) {
            if (!languages.get(i).matches("[a-z]{2,3}")) {
                violations.add(new FieldViolation("languages[" + i + "]", "must be an ISO-639 code such as en or pt"));
            }
        }
        String location = u.location() == null || u.location().isBlank() ? null : u.location().trim();
        if (location != null && location.length() > 100) {
            violations.add(new FieldViolation("location", "must be at most 100 characters"));
        }
        String country = u.country() == null || u.country().isBlank() ? null : u.country().trim().toUpperCase(Locale.ROOT);
        if (country != null && !isIsoCountry(country)) {
            violations.add(new FieldViolation("country", "must be an ISO-3166 alpha-2 code such as PT"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return new ProfileUpdate(name, bio, categories, languages, location, country,
                u.availability() == null ? Availability.AVAILABLE : u.availability());
    }

    /** A list of rates to upsert: each amount in range, each (platform, type) once (Money checked the currency). */
    public static void validateRates(List<ContentRate> rates) {
        List<FieldViolation> violations = new ArrayList<>();
        if (rates.isEmpty()) {
            violations.add(new FieldViolation("rates", "must list at least one rate"));
        } else if (rates.size() > MAX_RATES) {
            violations.add(new FieldViolation("rates", "must list at most " + MAX_RATES + " rates"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rates.size(); i++) {
            ContentRate rate = rates.get(i);
            if (rate.rate().minorUnits() < 0 || rate.rate().minorUnits() > MAX_RATE_AMOUNT) {
                violations.add(new FieldViolation("rates[" + i + "].amount",
                        "must be between 0 and " + MAX_RATE_AMOUNT + " (minor units, e.g. cents)"));
            }
            if (rate.platform() != null && rate.contentType() != null
                    && !seen.add(rate.platform().dbValue() + "/" + rate.contentType().dbValue())) {
                violations.add(new FieldViolation("rates[" + i + "]", "repeats " + rate.platform().dbValue() + " "
                        + rate.contentType().dbValue() + ": one rate per platform and content type"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }
}
