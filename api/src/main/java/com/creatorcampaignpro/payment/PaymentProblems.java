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
