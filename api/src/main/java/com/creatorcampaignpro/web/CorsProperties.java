package com.creatorcampaignpro.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * Which browser origins may call the API ({@code ccp.cors.*}). {@code allowedOrigins} unset means
 * the profile's default: none under {@code prod}, the usual local front-end dev servers otherwise.
 * Exact origins only (scheme://host:port); {@code *} is refused together with credentials.
 */
@ConfigurationProperties("ccp.cors")
public record CorsProperties(List<String> allowedOrigins, List<String> allowedMethods, List<String> allowedHeaders,
                             List<String> exposedHeaders, boolean allowCredentials, Duration maxAge) {
    static final List<String> DEVELOPMENT_ORIGINS = List.of("http://localhost:3000", "http://localhost:5173",
            "http://localhost:4200", "http://localhost:8081", "http://127.0.0.1:3000", "http://127.0.0.1:5173");

    public CorsProperties {
        allowedMethods = allowedMethods == null || allowedMethods.isEmpty()
                ? List.of("GET", "POST", "PUT", "DELETE", "OPTIONS") : List.copyOf(allowedMethods);
        allowedHeaders = allowedHeaders == null || allowedHeaders.isEmpty()
                ? List.of("Authorization", "Content-Type", "Idempotency-Key", "If-None-Match", "Accept")
                : List.copyOf(allowedHeaders);
        exposedHeaders = exposedHeaders == null || exposedHeaders.isEmpty()
                ? List.of("Location", "Retry-After", "RateLimit", "RateLimit-Policy", "RateLimit-Limit",
                "RateLimit-Remaining", "RateLimit-Reset", "Idempotent-Replayed", "ETag")
                : List.copyOf(exposedHeaders);
        maxAge = maxAge == null ? Duration.ofHours(1) : maxAge;
        if (allowCredentials && allowedOrigins != null && allowedOrigins.contains("*")) {
            throw new IllegalArgumentException("ccp.cors.allowed-origins must list exact origins when"
                    + " ccp.cors.allow-credentials is true: '*' with credentials would let any site act as the user");
        }
    }

    /** The origins in force: the configured ones, else the profile's default. */
    List<String> originsFor(boolean prod) {
        if (allowedOrigins != null) {
            return allowedOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
        }
        return prod ? List.of() : DEVELOPMENT_ORIGINS;
    }
}
