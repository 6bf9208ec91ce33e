package com.creatorcampaignpro.ratelimit;

import com.creatorcampaignpro.ratelimit.RateLimitProperties.Subject;
import com.creatorcampaignpro.ratelimit.RateLimits.Decision;
import com.creatorcampaignpro.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies one kind of limit to every {@code /api/**} request. Registered twice: the client-address
 * limit before Spring Security (so floods of unauthenticated requests count too), the per-user limit
 * after it (the user is known only once the token is verified). Each answer carries the RateLimit-*
 * headers of the tighter bucket; a refusal is a 429 problem with Retry-After.
 */
final class RateLimitFilter extends OncePerRequestFilter {
    private static final String TIGHTEST = RateLimitFilter.class.getName() + ".tightest";

    private final RateLimits limits;
    private final Subject subject;
    private final JsonMapper json;

    RateLimitFilter(RateLimits limits, Subject subject, JsonMapper json) {
        this.limits = limits;
        this.subject = subject;
        this.json = json;
    }

    @Override
    protected String getAlreadyFilteredAttributeName() {
        return super.getAlreadyFilteredAttributeName() + "." + subject;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String family = family(request);
        String subjectId = family == null ? null : subjectId(request);
        if (subjectId == null) {
            chain.doFilter(request, response);
            return;
        }
        Decision decision = limits.check(family, subject, subjectId);
        Decision tightest = (Decision) request.getAttribute(TIGHTEST);
        if (tightest == null || !decision.allowed() || decision.remaining() < tightest.remaining()) {
            tightest = decision;
            request.setAttribute(TIGHTEST, decision);
        }
        writeHeaders(response, tightest);
        if (decision.allowed()) {
            chain.doFilter(request, response);
        } else {
            refuse(request, response, family, decision);
        }
    }

    /** The path segment after /api/ ("campaigns" for /api/campaigns/{id}); null outside the API. */
    static String family(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/") || path.length() == 5) {
            return null;
        }
        int end = path.indexOf('/', 5);
        return path.substring(5, end < 0 ? path.length() : end);
    }

    private String subjectId(HttpServletRequest request) {
        if (subject == Subject.ADDRESS) {
            // Behind a trusted proxy Tomcat has already replaced it with X-Forwarded-For's client (README, HTTPS).
            return request.getRemoteAddr();
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken token ? token.getName() : null;
    }

    private static void writeHeaders(HttpServletResponse response, Decision decision) {
        response.setHeader("RateLimit-Limit", Long.toString(decision.limit().requests()));
        response.setHeader("RateLimit-Remaining", Long.toString(decision.remaining()));
        response.setHeader("RateLimit-Reset", Long.toString(ceilSeconds(decision.reset().toNanos())));
        response.setHeader("RateLimit-Policy", decision.limit().requests() + ";w=" + decision.limit().per().toSeconds());
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String family, Decision decision)
            throws IOException {
        long seconds = Math.max(1, ceilSeconds(decision.retryAfter().toNanos()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problems.RATE_LIMITED.toString());
        body.put("title", "Too many requests");
        body.put("status", HttpStatus.TOO_MANY_REQUESTS.value());
        body.put("detail", "more than " + decision.limit().requests() + " requests to /api/" + family + " per "
                + decision.limit().per().toSeconds() + " s from this " + (subject == Subject.USER ? "user" : "client address")
                + "; retry in " + seconds + " s");
        body.put("instance", request.getRequestURI());
        body.put("retryAfterSeconds", seconds);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }

    private static long ceilSeconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
