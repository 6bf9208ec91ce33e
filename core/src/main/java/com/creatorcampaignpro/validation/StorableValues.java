package com.creatorcampaignpro.validation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * What PostgreSQL and JSON can hold, checked before a value gets near them: text without NUL (PostgreSQL
 * text and jsonb refuse U+0000) and without unpaired UTF-16 surrogates (not encodable as UTF-8), and
 * dates within years 1 to 9999 (PostgreSQL stops at 294276 AD for timestamps, 5874897 AD for dates,
 * and ISO-8601 without a sign stops at 9999, so that is the range every client can also read back).
 */
public final class StorableValues {
    public static final LocalDate MIN_DATE = LocalDate.of(1, 1, 1);
    public static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);
    public static final Instant MIN_INSTANT = MIN_DATE.atStartOfDay().toInstant(ZoneOffset.UTC);
    public static final Instant MAX_INSTANT = MAX_DATE.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1);
    public static final String DATE_RANGE = "must be between 0001-01-01 and 9999-12-31";

    private StorableValues() {
    }

    /** Why {@code text} cannot be stored, or empty when it can. */
    public static Optional<String> textViolation(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return Optional.of("must not contain the NUL character (U+0000)");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of("must not contain an unpaired UTF-16 surrogate (not valid Unicode text)");
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of("must not contain an unpaired UTF-16 surrogate (not valid Unicode text)");
            }
        }
        return Optional.empty();
    }

    public static boolean isStorable(LocalDate date) {
        return date == null || (!date.isBefore(MIN_DATE) && !date.isAfter(MAX_DATE));
    }

    public static boolean isStorable(Instant instant) {
        return instant == null || (!instant.isBefore(MIN_INSTANT) && !instant.isAfter(MAX_INSTANT));
    }

    public static boolean isStorable(OffsetDateTime time) {
        return time == null || isStorable(time.toInstant());
    }
}
