package com.creatorcampaignpro.error;

import java.util.List;

/** Input that breaks a domain rule; each violation names the offending field. */
public class ValidationException extends DomainException {
    public record FieldViolation(String field, String message) {
    }

    private final List<FieldViolation> violations;

    public ValidationException(List<FieldViolation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b).orElse("invalid"));
        this.violations = List.copyOf(violations);
    }

    public ValidationException(String field, String message) {
        this(List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
