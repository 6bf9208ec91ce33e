package com.creatorcampaignpro.campaign;

import com.creatorcampaignpro.error.ValidationException.FieldViolation;
import com.creatorcampaignpro.influencer.InfluencerRules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a campaign wants to reach: audience countries (ISO-3166 alpha-2), an age range (either end
 * open), genders and interests (lower-case tags) and free notes. The seed stored a free-form JSON
 * object here; {@link #fromMap} reads one by its known keys and keeps everything else in the notes.
 */
public record TargetAudience(List<String> countries, Integer minAge, Integer maxAge, List<String> genders,
                             List<String> interests, String notes) {
    public static final int MIN_AGE = 13;
    public static final int MAX_AGE = 120;
    public static final int MAX_TAGS = 50;
    public static final int MAX_NOTES = 2000;
    public static final int MAX_TAG_LENGTH = 60;
    public static final TargetAudience NONE = new TargetAudience(List.of(), null, null, List.of(), List.of(), null);

    private static final Pattern AGE_RANGE = Pattern.compile("\\s*(\\d{1,3})?\\s*[-–]\\s*(\\d{1,3})?\\s*|\\s*(\\d{1,3})\\s*\\+\\s*");

    public TargetAudience {
        countries = countries == null ? List.of() : List.copyOf(countries);
        genders = genders == null ? List.of() : List.copyOf(genders);
        interests = interests == null ? List.of() : List.copyOf(interests);
    }

    /** Validates under {@code field} (e.g. {@code targetAudience.minAge}) and returns the normalized audience. */
    public static TargetAudience normalized(String field, TargetAudience a, List<FieldViolation> violations) {
        if (a == null) {
            return NONE;
        }
        List<String> countries = a.countries().stream().filter(Objects::nonNull)
                .map(c -> c.trim().toUpperCase(Locale.ROOT)).distinct().toList();
        for (int i = 0; i < countries.size(); i++) {
            if (!InfluencerRules.isIsoCountry(countries.get(i))) {
                violations.add(new FieldViolation(field + ".countries[" + i + "]", "must be an ISO-3166 alpha-2 code"));
            }
        }
        tooMany(field + ".countries", countries, violations);
        List<String> genders = InfluencerRules.normalizedTags(a.genders());
        tooMany(field + ".genders", genders, violations);
        tooLong(field + ".genders", genders, violations);
        List<String> interests = InfluencerRules.normalizedTags(a.interests());
        tooMany(field + ".interests", interests, violations);
        tooLong(field + ".interests", interests, violations);
        checkAge(field + ".minAge", a.minAge(), violations);
        checkAge(field + ".maxAge", a.maxAge(), violations);
        if (a.minAge() != null && a.maxAge() != null && a.maxAge() < a.minAge()) {
            violations.add(new FieldViolation(field + ".maxAge", "must not be below minAge"));
        }
        String notes = a.notes() == null || a.notes().isBlank() ? null : a.notes().trim();
        if (notes != null && notes.length() > MAX_NOTES) {
            violations.add(new FieldViolation(field + ".notes", "must be at most " + MAX_NOTES + " characters"));
        }
        return new TargetAudience(countries, a.minAge(), a.maxAge(), genders, interests, notes);
    }

    /**
     * Reads a stored or seed-style audience object. Known keys: countries (or country; two-letter
     * codes only), minAge/maxAge (or ageMin/ageMax, or ageRange/age_range as "18-34" or "25+"),
     * genders (or gender), interests, notes. Anything else, or a known key whose value does not fit,
     * is kept as a "key: value" line in the notes, so nothing a client stored is lost.
     */
    public static TargetAudience fromMap(Map<String, ?> map) {
        if (map == null || map.isEmpty()) {
            return NONE;
        }
        Map<String, Object> rest = new LinkedHashMap<>(map);
        List<String> countries = strings(rest, v -> v.trim().matches("[A-Za-z]{2}"), "countries", "country");
        List<String> genders = strings(rest, v -> true, "genders", "gender");
        List<String> interests = strings(rest, v -> true, "interests");
        Integer minAge = integer(rest, "minAge", "ageMin", "min_age");
        Integer maxAge = integer(rest, "maxAge", "ageMax", "max_age");
        for (String key : List.of("ageRange", "age_range", "age")) {
            if (minAge == null && maxAge == null && rest.get(key) instanceof String range) {
                Matcher m = AGE_RANGE.matcher(range);
                if (m.matches() && (m.group(1) != null || m.group(2) != null || m.group(3) != null)) {
                    minAge = m.group(3) != null ? Integer.valueOf(m.group(3)) : m.group(1) == null ? null : Integer.valueOf(m.group(1));
                    maxAge = m.group(2) == null ? null : Integer.valueOf(m.group(2));
                    rest.remove(key);
                }
            }
        }
        List<String> notes = new ArrayList<>();
        if (rest.remove("notes") instanceof String text && !text.isBlank()) {
            notes.add(text);
        }
        rest.forEach((key, value) -> notes.add(key + ": " + value));
        return new TargetAudience(countries, minAge, maxAge, genders, interests,
                notes.isEmpty() ? null : String.join("\n", notes));
    }

    /** The stored form: the record's components under their own names, empty ones left out. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        if (!countries.isEmpty()) {
            map.put("countries", countries);
        }
        if (minAge != null) {
            map.put("minAge", minAge);
        }
        if (maxAge != null) {
            map.put("maxAge", maxAge);
        }
        if (!genders.isEmpty()) {
            map.put("genders", genders);
        }
        if (!interests.isEmpty()) {
            map.put("interests", interests);
        }
        if (notes != null) {
            map.put("notes", notes);
        }
        return map;
    }

    private static void checkAge(String field, Integer age, List<FieldViolation> violations) {
        if (age != null && (age < MIN_AGE || age > MAX_AGE)) {
            violations.add(new FieldViolation(field, "must be between " + MIN_AGE + " and " + MAX_AGE));
        }
    }

    private static void tooLong(String field, List<String> values, List<FieldViolation> violations) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).length() > MAX_TAG_LENGTH) {
                violations.add(new FieldViolation(field + "[" + i + "]", "must be at most " + MAX_TAG_LENGTH + " characters"));
            }
        }
    }

    private static void tooMany(String field, List<String> values, List<FieldViolation> violations) {
        if (values.size() > MAX_TAGS) {
            violations.add(new FieldViolation(field, "must list at most " + MAX_TAGS));
        }
    }

    /** Takes the first of {@code keys} holding a string or a list of strings; leaves misfits in {@code rest}. */
    private static List<String> strings(Map<String, Object> rest, Predicate<String> fits, String... keys) {
        for (String key : keys) {
            Object value = rest.get(key);
            if (value instanceof String s && !s.isBlank() && fits.test(s)) {
                rest.remove(key);
                return List.of(s.trim());
            }
            if (value instanceof Collection<?> c
                    && c.stream().allMatch(v -> v instanceof String s && fits.test(s))) {
                rest.remove(key);
                return c.stream().map(String.class::cast).toList();
            }
        }
        return List.of();
    }

    private static Integer integer(Map<String, Object> rest, String... keys) {
        for (String key : keys) {
            if (rest.get(key) instanceof Number n && n.doubleValue() == n.intValue()) {
                rest.remove(key);
                return n.intValue();
            }
        }
        return null;
    }
}
