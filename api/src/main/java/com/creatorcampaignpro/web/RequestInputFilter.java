package com.creatorcampaignpro.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.creatorcampaignpro.validation.StorableValues;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Request-wide defense for what JSON bodies do not cover: query parameters and headers carrying
 * text PostgreSQL cannot store (NUL, unpaired surrogates) or control characters are a 400 naming
 * the parameter or header, before any controller or query sees them; bodies other than multipart
 * uploads are bounded ({@link BoundedBody}, 413 naming {@code body}). Runs before security, so the
 * answer does not depend on the token.
 */
public class RequestInputFilter extends OncePerRequestFilter {
    /** Longest query parameter value accepted (documented as maxLength on every unbounded query parameter). */
    public static final int MAX_QUERY_VALUE = 1000;
    /** Most values one query parameter may repeat (documented as maxItems on array query parameters). */
    public static final int MAX_QUERY_REPEATS = 100;

    private final ProblemResponses problems;

    RequestInputFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Problems.FieldError> refused = queryViolation(request.getQueryString()).or(() -> headerViolation(request));
        if (refused.isPresent()) {
            problems.write(response, Problems.validation(List.of(refused.get())));
            return;
        }
        // Multipart uploads have their own limit (spring.servlet.multipart.*); every other body is bounded here.
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > BoundedBody.MAX_BYTES) {
            problems.write(response, BoundedBody.problem());
            return;
        }
        chain.doFilter(new BoundedBody(request), response);
    }

    /** Parsed here rather than with getParameterMap(), which would also read form and multipart bodies. */
    private static Optional<Problems.FieldError> queryViolation(String query) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        java.util.Map<String, Integer> repeats = new java.util.HashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String name;
            String value;
            try {
                name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return Optional.of(new Problems.FieldError(printable(rawName), "is not correctly percent-encoded"));
            }
            Optional<String> reason = StorableValues.textViolation(name).or(() -> StorableValues.textViolation(value));
            if (reason.isEmpty() && value.length() > MAX_QUERY_VALUE) {
                reason = Optional.of("must be at most " + MAX_QUERY_VALUE + " characters");
            }
            if (reason.isEmpty() && repeats.merge(name, 1, Integer::sum) > MAX_QUERY_REPEATS) {
                reason = Optional.of("may be given at most " + MAX_QUERY_REPEATS + " times");
            }
            if (reason.isPresent()) {
                return Optional.of(new Problems.FieldError(printable(name), reason.get()));
            }
        }
        return Optional.empty();
    }

    private static Optional<Problems.FieldError> headerViolation(HttpServletRequest request) {
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    if ((c < 0x20 && c != '\t') || c == 0x7f) {
                        return Optional.of(new Problems.FieldError(name, "must not contain control characters"));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The name as the client can read it back in the problem: without the characters it was refused for. */
    private static String printable(String name) {
        StringBuilder cleaned = new StringBuilder();
        name.codePoints().limit(100).forEach(c -> {
            if (c == 0 || Character.isSurrogate((char) c) && c <= 0xffff) {
                cleaned.append(String.format("\\u%04x", c));
            } else {
                cleaned.appendCodePoint(c);
            }
        });
        return cleaned.toString();
    }
}
