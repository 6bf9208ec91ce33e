package com.creatorcampaignpro.jobs;

import java.util.Objects;

/**
 * One parameter a job accepts. {@code identifying} parameters make a new job instance when they
 * change (a rerun with the same values is a restart); the others are just passed along.
 * {@code defaultValue} (raw text, may be null) applies when the operator gives none.
 */
public record JobParameterSpec(String name, JobParameterType type, boolean required, String defaultValue,
                               boolean identifying, String description) {

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
    }

    public static JobParameterSpec required(String name, JobParameterType type, boolean identifying, String description) {
        return new JobParameterSpec(name, type, true, null, identifying, description);
    }

    public static JobParameterSpec optional(String name, JobParameterType type, String defaultValue, boolean identifying,
                                            String description) {
        return new JobParameterSpec(name, type, false, defaultValue, identifying, description);
    }
}
