package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A payout provider's failure is a 502 naming the provider; nothing half-written stays behind it. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PaymentProblems {
    private static final Logger log = LoggerFactory.getLogger(PaymentProblems.class);

    /**
     * The provider rate-limits us: our client gets 503 with the provider's Retry-After (a bad gateway
     * would say the provider is broken, and the wait would be lost).
     */
    @ExceptionHandler(PayoutCallException.class)
    org.springframework.http.ResponseEntity<ProblemDetail> call(PayoutCallException e) {
        if (!e.rateLimited()) {
            return org.springframework.http.ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(provider(e));
        }
        long seconds = Math.max(1, e.retryAfter().map(java.time.Duration::toSeconds).orElse(30L));
        log.warn("Payout provider rate-limited us: {} (retry after {} s)", e.getMessage(), seconds);
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.type("payout-provider-rate-limited"),
                "The payout provider is rate limiting", e.provider() + " asks to retry after " + seconds + " s");
        problem.setProperty("provider", e.provider());
        problem.setProperty("retriable", true);
        return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(org.springframework.http.HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(problem);
    }

    @ExceptionHandler(PayoutProviderException.class)
    ProblemDetail provider(PayoutProviderException e) {
        log.warn("Payout provider call failed: {}", e.getMessage());
        ProblemDetail problem = Problems.of(HttpStatus.BAD_GATEWAY, Problems.type("payout-provider-error"),
                "The payout provider failed", e.provider() + (e.retriable()
                        ? " is unavailable right now; retrying the same request is safe"
                        : " refused the request"));
        problem.setProperty("provider", e.provider());
        problem.setProperty("retriable", e.retriable());
        return problem;
    }
}
