package com.creatorcampaignpro.web;

import com.creatorcampaignpro.error.ConflictException;
import com.creatorcampaignpro.error.NotFoundException;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.web.Problems.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.List;
import java.util.Optional;

/**
 * Maps every failure to application/problem+json. 4xx say what to fix, naming the field; 5xx say
 * nothing internal to the client and are logged with their stack.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ValidationException.class)
    ProblemDetail validation(ValidationException e) {
        return Problems.validation(e.violations().stream().map(v -> new FieldError(v.field(), v.message())).toList());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, e.resource() + " not found", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, Problems.type(e.code()), "Conflict with the current state",
                e.getMessage());
        if (e.field() != null) {
            problem.setProperty("errors", List.of(new FieldError(e.field(), e.getMessage())));
        }
        return problem;
    }

    @ExceptionHandler(UnauthenticatedException.class)
    ProblemDetail unauthenticated(UnauthenticatedException e) {
        return Problems.of(HttpStatus.UNAUTHORIZED, Problems.type(e.code()), "Not authenticated", e.getMessage());
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitedException e) {
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, Problems.RATE_LIMITED, "Too many requests",
                e.getMessage() + "; retry in " + seconds + " s");
        problem.setProperty("retryAfterSeconds", seconds);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(problem);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ProblemDetail forbidden(RuntimeException e) {
        return Problems.of(HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "Forbidden",
                "your role does not allow this operation");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        return Problems.validation(List.of(new FieldError(e.getName(), "must be a valid " + expected)));
    }

    /** A constraint the database enforces that the checks above let through: still the client's input. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        log.warn("Constraint violation reached the database: {}", e.getMostSpecificCause().getMessage());
        return DatabaseProblems.sqlCause(e).flatMap(DatabaseProblems::of)
                .orElseGet(() -> Problems.of(HttpStatus.CONFLICT, Problems.type("constraint-violation"),
                        "Conflict with existing data", "the request conflicts with existing data"));
    }

    /** A broken multipart envelope (no closing boundary, not multipart at all): the upload field is unreadable. */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail multipart(MultipartException e) {
        return Problems.validation(List.of(new FieldError("file", "the multipart/form-data body could not be read")));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, WebRequest request) {
        if (BoundedBody.causedBy(e)) {
            return BoundedBody.problem();
        }
        // JDBI and commits wrap PostgreSQL's errors in their own types: a data error is still a 4xx.
        Optional<ProblemDetail> database = DatabaseProblems.sqlCause(e).flatMap(DatabaseProblems::of);
        if (database.isPresent()) {
            log.warn("Database refused the input of {}: {}", request.getDescription(false),
                    DatabaseProblems.sqlCause(e).map(Throwable::getMessage).orElse(""));
            return database.get();
        }
        log.error("Unhandled error on {}", request.getDescription(false), e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL, "Internal error",
                "an unexpected error occurred; it has been logged");
    }

    /**
     * Spring's own MVC errors (a method the path does not take, an unsupported Content-Type, an
     * unacceptable Accept, a missing header...) come as ProblemDetail of type about:blank: give them a
     * stable type of ours too, so clients can switch on {@code type} for every error.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(Problems.type(switch (status.value()) {
                case 404 -> "not-found";
                case 405 -> "method-not-allowed";
                case 406 -> "not-acceptable";
                case 415 -> "unsupported-media-type";
                case 503 -> "service-unavailable";
                default -> status.is5xxServerError() ? "internal-error" : "bad-request";
            }));
        }
        return response;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage())).toList();
        return ResponseEntity.badRequest().body(Problems.validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldError(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(Problems.validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return ResponseEntity.badRequest().body(Problems.validation(
                List.of(new FieldError(e.getParameterName(), "is required"))));
    }

    /** An upload over spring.servlet.multipart.max-file-size: name the multipart field like any other. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        ProblemDetail problem = Problems.validation(List.of(new FieldError("file", "is larger than the server accepts")));
        problem.setStatus(HttpStatus.CONTENT_TOO_LARGE);
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        return ResponseEntity.badRequest().body(Problems.validation(
                List.of(new FieldError(e.getRequestPartName(), "is required (a multipart/form-data part)"))));
    }

    /**
     * Unreadable JSON: name the field whose value could not be read, or say the body is not JSON.
     * The JSON path lives on the Jackson exception, which is not always the innermost cause (a
     * number past long is an InputCoercionException wrapped with the path on the way out).
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (BoundedBody.causedBy(e)) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(BoundedBody.problem());
        }
        JacksonException located = null;
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                located = jackson;
                break;
            }
        }
        if (located != null) {
            String field = JsonPaths.of(located.getPath());
            return ResponseEntity.badRequest().body(Problems.validation(List.of(new FieldError(field, reason(located)))));
        }
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, Problems.MALFORMED_BODY,
                "Malformed request body", "the request body is missing or is not valid JSON"));
    }

    private static String reason(JacksonException e) {
        if (e instanceof StorableInputModule.UnstorableValueException unstorable) {
            return unstorable.reason();
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof InvalidNullException) {
            return "must not be null";
        }
        if (e instanceof InputCoercionException) {
            return "is out of range for its type";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            if (target.isEnum()) {
                return "must be one of " + java.util.Arrays.stream(target.getEnumConstants())
                        .map(c -> "'" + c.toString() + "'").collect(java.util.stream.Collectors.joining(", "));
            }
            return "must be a valid " + Problems.typeName(target);
        }
        return "has a value of the wrong type or format";
    }
}
