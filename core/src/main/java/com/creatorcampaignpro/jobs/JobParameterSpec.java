package com.creatorcampaignpro.jobs;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One parameter a job accepts. {@code identifying} parameters make a new job instance when they
 * change (a rerun with the same values is a restart); the others are just passed along.
 * {@code defaultValue} (raw text, may be null) applies when the operator gives none. {@code min}
 * and {@code max} (inclusive, null = unbounded) bound numeric parameters: a negative retention
 * would delete everything, a batch size of a billion would fail hours later.
 */
public record JobParameterSpec(String name, JobParameterType type, boolean required, String defaultValue,
                               boolean identifying, String description, BigDecimal min, BigDecimal max) {

    public JobParameterSpec(String name, JobParameterType type, boolean required, String defaultValue,
                            boolean identifying, String description) {
        this(name, type, required, defaultValue, identifying, description, null, null);
    }

    public JobParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.startsWith(JobParameterRules.RESERVED_PREFIX)) {
            throw new IllegalArgumentException("parameter names starting with " + JobParameterRules.RESERVED_PREFIX
                    + " are the platform's: " + name);
        }
        if (defaultValue != null && type.parse(defaultValue).isEmpty()) {
            throw new IllegalArgumentException("default of " + name + " is not " + type.expected() + ": " + defaultValue);
        }
        if ((min != null || max != null) && type != JobParameterType.LONG && type != JobParameterType.DOUBLE) {
            throw new IllegalArgumentException("only numeric parameters take a range: " + name);
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new IllegalArgumentException("min above max for " + name);
        }
        // (the fields are not assigned yet in a compact constructor: the static form reads the arguments)
        if (defaultValue != null && (min != null || max != null) && outOfRange(new BigDecimal(defaultValue.strip()), min, max)) {
            throw new IllegalArgumentException("default of " + name + " is outside its range: " + defaultValue);
        }
    }

    /** This parameter bounded to {@code min..max} inclusive. */
    public JobParameterSpec between(long min, long max) {
        return new JobParameterSpec(name, type, required, defaultValue, identifying, description,
                BigDecimal.valueOf(min), BigDecimal.valueOf(max));
    }

    public boolean outOfRange(BigDecimal value) {
        return outOfRange(value, min, max);
    }

    private static boolean outOfRange(BigDecimal value, BigDecimal min, BigDecimal max) {
        return (min != null && value.compareTo(min) < 0) || (max != null && value.compareTo(max) > 0);
    }

    /** The range in words, for messages and the operators' listing. */
    public String range() {
        if (min != null && max != null) {
            return "between " + min.toPlainString() + " and " + max.toPlainString();
        }
        return min != null ? "at least " + min.toPlainString() : max != null ? "at most " + max.toPlainString() : "any value";
    }

    public static JobParameterSpec required(String name, JobParameterType type, boolean identifying, String description) {
        return new JobParameterSpec(name, type, true, null, identifying, description);
    }

    public static JobParameterSpec optional(String name, JobParameterType type, String defaultValue, boolean identifying,
                                            String description) {
        return new JobParameterSpec(name, type, false, defaultValue, identifying, description);
    }
}
