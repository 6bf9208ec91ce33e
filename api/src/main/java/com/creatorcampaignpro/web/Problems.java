package com.creatorcampaignpro.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;

/** Stable problem types (RFC 9457). Clients switch on {@code type}, never on {@code detail}. */
public final class Problems {
    public static final String BASE = "https://creatorcampaignpro.com/problems/";

    public static final URI VALIDATION = URI.create(BASE + "validation-error");
    public static final URI MALFORMED_BODY = URI.create(BASE + "malformed-request-body");
    public static final URI NOT_FOUND = URI.create(BASE + "not-found");
    public static final URI UNAUTHENTICATED = URI.create(BASE + "unauthenticated");
    public static final URI FORBIDDEN = URI.create(BASE + "forbidden");
    public static final URI RATE_LIMITED = URI.create(BASE + "rate-limited");
    public static final URI INTERNAL = URI.create(BASE + "internal-error");

    public record FieldError(String field, String message) {
    }

    private Problems() {
    }

    public static URI type(String code) {
        return URI.create(BASE + code);
    }

    public static ProblemDetail of(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    /** A type as clients know it from the document: integer, number, date, text... */
    static String typeName(Class<?> type) {
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class
                || type == short.class || type == Short.class) {
            return "integer within its range";
        }
        if (type == double.class || type == Double.class || type == java.math.BigDecimal.class) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean (true or false)";
        }
        if (type == java.time.LocalDate.class) {
            return "date like 2026-03-01";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "timestamp like 2026-03-01T12:00:00Z";
        }
        if (type == java.util.UUID.class) {
            return "UUID";
        }
        if (type == String.class) {
            return "string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        return "object";
    }

    /** A 400 whose {@code errors} property names each offending field. */
    public static ProblemDetail validation(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid: " + String.join(", ", errors.stream().map(FieldError::field).distinct().toList());
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, VALIDATION, "Invalid request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }
}
