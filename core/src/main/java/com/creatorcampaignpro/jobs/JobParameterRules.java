package com.creatorcampaignpro.jobs;

import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.error.ValidationException.FieldViolation;
import com.creatorcampaignpro.validation.StorableValues;

import java.math.BigDecimal;
import java.time.LocalDate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Checks an operator's launch parameters against what the job declares. */
public final class JobParameterRules {

    /** Names the platform adds itself (run key, owning node): operators may not pass them. */
    public static final String RESERVED_PREFIX = "ccp.";
    /** Text parameters land in BATCH_JOB_EXECUTION_PARAMS and in logs: bounded. */
    public static final int MAX_TEXT_LENGTH = 1000;

    private JobParameterRules() {
    }

    /** A validated parameter with its typed value. */
    public record TypedParameter(JobParameterSpec spec, Object value) {
    }

    /**
     * Typed values for every given or defaulted parameter, in declaration order. Unknown names,
     * values of the wrong type and missing required ones are each reported as
     * {@code parameters.<name>}, all at once.
     */
    public static List<TypedParameter> validate(JobDefinition job, Map<String, String> given) {
        Map<String, String> raw = given == null ? Map.of() : given;
        List<FieldViolation> violations = new ArrayList<>();
        Set<String> known = new TreeSet<>();
        job.parameters().forEach(p -> known.add(p.name()));
        for (String name : new TreeSet<>(raw.keySet())) {
            if (!known.contains(name)) {
                violations.add(new FieldViolation("parameters." + name, known.isEmpty()
                        ? "is not accepted: " + job.name() + " takes no parameters"
                        : "is not accepted by " + job.name() + " (it accepts " + String.join(", ", known) + ")"));
            }
        }
        Map<String, TypedParameter> typed = new LinkedHashMap<>();
        for (JobParameterSpec spec : job.parameters()) {
            String value = raw.get(spec.name());
            if (value == null || value.isBlank()) {
                if (spec.defaultValue() != null) {
                    typed.put(spec.name(), new TypedParameter(spec, spec.type().parse(spec.defaultValue()).orElseThrow()));
                } else if (spec.required()) {
                    violations.add(new FieldViolation("parameters." + spec.name(), "is required (" + spec.type().expected() + ")"));
                }
                continue;
            }
            String field = "parameters." + spec.name();
            Optional<String> unstorable = StorableValues.textViolation(value);
            if (unstorable.isPresent() || value.length() > MAX_TEXT_LENGTH) {
                violations.add(new FieldViolation(field, unstorable.orElse("must be at most " + MAX_TEXT_LENGTH + " characters")));
                continue;
            }
            Optional<Object> parsed = spec.type().parse(value);
            if (parsed.isEmpty()) {
                violations.add(new FieldViolation(field, "must be " + spec.type().expected() + ", got '" + value + "'"));
            } else if (parsed.get() instanceof Number number && spec.outOfRange(new BigDecimal(number.toString()))) {
                violations.add(new FieldViolation(field, "must be " + spec.range() + ", got " + value.strip()));
            } else if (parsed.get() instanceof LocalDate date && !StorableValues.isStorable(date)) {
                violations.add(new FieldViolation(field, StorableValues.DATE_RANGE));
            } else {
                typed.put(spec.name(), new TypedParameter(spec, parsed.get()));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return List.copyOf(typed.values());
    }
}
