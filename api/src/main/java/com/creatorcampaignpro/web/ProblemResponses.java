package com.creatorcampaignpro.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 401 and 403 raised by the security filters, before any controller: written as problem+json
 * here, with the WWW-Authenticate header RFC 6750 asks for. Also the firewall's rejections of
 * URLs it deems dangerous ({@code ;x=1}, {@code %25}, {@code //}, encoded NUL or slash): a 400.
 */
@Component
public class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {
    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean badToken = e instanceof InvalidBearerTokenException;
        response.setHeader("WWW-Authenticate", badToken
                ? "Bearer error=\"invalid_token\", error_description=\"the access token is invalid or expired\""
                : "Bearer");
        write(response, request, HttpStatus.UNAUTHORIZED, badToken ? Problems.type("invalid-token") : Problems.UNAUTHENTICATED,
                "Not authenticated", badToken
                        ? "the access token is invalid or expired; get a new one from POST /api/auth/refresh"
                        : "this endpoint needs a bearer access token (POST /api/auth/login)");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, request, HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "Forbidden",
                "your role does not allow this operation");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        write(response, request, HttpStatus.BAD_REQUEST, Problems.type("rejected-url"), "Rejected URL",
                "the URL contains characters or sequences this API refuses (encoded slash, percent or NUL,"
                        + " path parameters, double slashes, '..'); send it without them");
    }

    /** Writes a problem built elsewhere (filters that answer before Spring MVC). */
    void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private void write(HttpServletResponse response, HttpServletRequest request, HttpStatus status, URI type,
                       String title, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.toString());
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
