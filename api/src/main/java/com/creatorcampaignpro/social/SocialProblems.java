package com.creatorcampaignpro.social;

import com.creatorcampaignpro.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Platform failures as problem+json, naming the platform: they are never the client's fault nor
 * ours to hide behind a 500. Ordered ahead of the catch-all ProblemHandler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SocialProblems {
    private static final Logger log = LoggerFactory.getLogger(SocialProblems.class);

    @ExceptionHandler(ProviderRateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(ProviderRateLimitedException e) {
        long seconds = Math.max(1, e.retryAfter().toSeconds());
        ProblemDetail problem = withPlatform(Problems.of(HttpStatus.TOO_MANY_REQUESTS, Problems.type("provider-rate-limited"),
                "The platform is rate limiting us", e.platform().dbValue() + " asked us to wait; retry in " + seconds + " s"), e.platform());
        problem.setProperty("retryAfterSeconds", seconds);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(problem);
    }

    @ExceptionHandler(TransientProviderException.class)
    ProblemDetail unavailable(TransientProviderException e) {
        log.warn("Platform unavailable: {}", e.getMessage());
        return withPlatform(Problems.of(HttpStatus.BAD_GATEWAY, Problems.type("provider-unavailable"), "The platform is unavailable",
                e.platform().dbValue() + " did not answer properly; try again later"), e.platform());
    }

    @ExceptionHandler(UnreadableResponseException.class)
    ProblemDetail unreadable(UnreadableResponseException e) {
        log.warn("Unusable platform answer: {}", e.getMessage());
        return withPlatform(Problems.of(HttpStatus.BAD_GATEWAY, Problems.type("provider-bad-response"), "Unexpected answer from the platform",
                e.platform().dbValue() + " answered in a way we could not use"), e.platform());
    }

    @ExceptionHandler(TokenRevokedException.class)
    ProblemDetail revoked(TokenRevokedException e) {
        return withPlatform(Problems.of(HttpStatus.CONFLICT, Problems.type("reconnect-required"), "Connect the account again",
                e.platform().dbValue() + " no longer accepts this app's access"), e.platform());
    }

    @ExceptionHandler(ProfileUnavailableException.class)
    ProblemDetail noProfile(ProfileUnavailableException e) {
        return withPlatform(Problems.of(HttpStatus.CONFLICT, Problems.type("social-profile-unavailable"),
                "No readable profile behind this login", e.getMessage()), e.platform());
    }

    @ExceptionHandler(PlatformNotConfiguredException.class)
    ProblemDetail notConfigured(PlatformNotConfiguredException e) {
        return withPlatform(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.type("platform-not-configured"),
                "Platform not available", e.getMessage()), e.platform());
    }

    private static ProblemDetail withPlatform(ProblemDetail problem, Platform platform) {
        problem.setProperty("platform", platform.dbValue());
        return problem;
    }
}
