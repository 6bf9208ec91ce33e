package com.creatorcampaignpro.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ext.javatime.ser.InstantSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Jackson's own Instant serializer, with the text of an unannotated Instant written by hand instead of
 * through {@link Instant#toString()} ({@code DateTimeFormatter.ISO_INSTANT}: a print context, a
 * LocalDateTime and a StringBuilder per value, 3-4% of a search page's CPU for its ~80 timestamps).
 * The text is the same, character for character: {@code 2026-12-03T19:14:59Z}, with the fraction in
 * groups of three digits when there is one ({@code .120}, {@code .123456}, {@code .123456789}).
 * Everything else stays Jackson's: timestamps as numbers when a feature asks for them, truncation to
 * milliseconds, and a {@code @JsonFormat} pattern (written by its formatter).
 */
final class IsoInstantSerializer extends InstantSerializer {
    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: outside these ISO_INSTANT adds a sign or digits. */
    private static final long MIN_SECOND = -62_167_219_200L;
    private static final long MAX_SECOND = 253_402_300_799L;
    private static final int SECONDS_PER_DAY = 86_400;

    IsoInstantSerializer() {
        super();
    }

    private IsoInstantSerializer(IsoInstantSerializer base, DateTimeFormatter formatter, Boolean useTimestamp,
                                 Boolean useNanoseconds, JsonFormat.Shape shape) {
        super(base, formatter, useTimestamp, useNanoseconds, shape);
    }

    // Jackson makes a contextual copy for each property (even unannotated ones: the shape differs from
    // the default's); InstantSerializer's copies would be plain InstantSerializers. These are its own
    // two methods, copying into this class instead.
    @Override
    protected InstantSerializer withFormat(DateTimeFormatter formatter, Boolean useTimestamp, JsonFormat.Shape shape) {
        return new IsoInstantSerializer(this, formatter, useTimestamp, _useNanoseconds, shape);
    }

    @Override
    protected InstantSerializer withFeatures(Boolean writeZoneId, Boolean writeNanoseconds) {
        return new IsoInstantSerializer(this, _formatter, _useTimestamp, writeNanoseconds, _shape);
    }

    @Override
    protected String formatValue(Instant value, SerializationContext context) {
        // No formatter: InstantSerializer writes value.toString(), i.e. ISO_INSTANT.
        return _formatter == null ? format(value) : super.formatValue(value, context);
    }

    /** {@code instant.toString()}, without DateTimeFormatter. */
    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < MIN_SECOND || seconds > MAX_SECOND) {
            return instant.toString();
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        int nano = instant.getNano();
        int fractionDigits = nano == 0 ? 0 : nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
        byte[] text = new byte[20 + (fractionDigits == 0 ? 0 : 1 + fractionDigits)];
        digits(text, 0, date.getYear(), 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        int end = 19;
        if (fractionDigits > 0) {
            text[end++] = '.';
            int fraction = switch (fractionDigits) {
                case 3 -> nano / 1_000_000;
                case 6 -> nano / 1_000;
                default -> nano;
            };
            digits(text, end, fraction, fractionDigits);
            end += fractionDigits;
        }
        text[end] = 'Z';
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    /** {@code value} as exactly {@code width} decimal digits, zero-padded, at {@code offset}. */
    private static void digits(byte[] text, int offset, int value, int width) {
        for (int i = offset + width - 1; i >= offset; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
