package com.creatorcampaignpro.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's BasicErrorController: whatever reaches {@code /error} (a sendError from the
 * container or a filter, TRACE refused by Tomcat, a forward after an exception outside Spring MVC)
 * comes out as problem+json. Called directly, {@code /error} is not an endpoint: 404, never 500.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {
    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c ? HttpStatus.resolve(c) : null;
        ProblemDetail problem;
        if (status == null || request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) == null) {
            problem = Problems.of(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", "no endpoint at this path");
        } else if (status == HttpStatus.NOT_FOUND) {
            problem = Problems.of(status, Problems.NOT_FOUND, "Not found", "no endpoint at this path");
        } else if (status == HttpStatus.METHOD_NOT_ALLOWED) {
            problem = Problems.of(status, Problems.type("method-not-allowed"), "Method not allowed",
                    "this path does not accept the " + request.getMethod() + " method");
        } else if (status.is4xxClientError()) {
            problem = Problems.of(status, Problems.type("bad-request"), status.getReasonPhrase(),
                    "the request could not be processed as sent (" + status.value() + ")");
        } else {
            Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            log.error("Error outside Spring MVC on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    failure instanceof Throwable t ? t : null);
            problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL, "Internal error",
                    "an unexpected error occurred; it has been logged");
        }
        problem.setInstance(null);
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
