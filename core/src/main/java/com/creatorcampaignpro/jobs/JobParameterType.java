package com.creatorcampaignpro.jobs;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** The types an operator may pass to a job; each maps to one Spring Batch parameter type. */
public enum JobParameterType {
    STRING(String.class, "a text"),
    LONG(Long.class, "a whole number"),
    DOUBLE(Double.class, "a number"),
    BOOLEAN(Boolean.class, "true or false"),
    DATE(LocalDate.class, "a date (YYYY-MM-DD)");

    private final Class<?> javaType;
    private final String expected;

    JobParameterType(Class<?> javaType, String expected) {
        this.javaType = javaType;
        this.expected = expected;
    }

    public Class<?> javaType() {
        return javaType;
    }

    /** What a value must look like, for error messages. */
    public String expected() {
        return expected;
    }

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The typed value, or empty when {@code raw} is not of this type. */
    public Optional<Object> parse(String raw) {
        String value = raw.strip();
        try {
            return Optional.of(switch (this) {
                case STRING -> raw;
                case LONG -> Long.valueOf(value);
                case DOUBLE -> {
                    double d = Double.parseDouble(value);
                    if (!Double.isFinite(d)) {
                        throw new NumberFormatException("not finite");
                    }
                    yield d;
                }
                case BOOLEAN -> switch (value.toLowerCase(Locale.ROOT)) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException("not a boolean");
                };
                case DATE -> LocalDate.parse(value);
            });
        } catch (IllegalArgumentException | DateTimeParseException notThisType) {
            return Optional.empty();
        }
    }
}
