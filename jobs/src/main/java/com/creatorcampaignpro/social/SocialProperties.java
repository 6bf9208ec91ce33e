package com.creatorcampaignpro.social;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Social platforms: where each one lives (base URLs are configurable so tests and staging point at
 * fakes), the app's credentials there, how hard we may call it, and the token encryption key. A
 * platform without a client id or secret is switched off: connecting to it answers 503.
 */
@ConfigurationProperties("ccp.social")
public record SocialProperties(
        String tokenKey,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout,
        @DefaultValue("60s") Duration defaultRetryAfter,
        @DefaultValue("5m") Duration refreshSkew,
        @DefaultValue Provider instagram,
        @DefaultValue Provider youtube,
        @DefaultValue Provider tiktok,
        @DefaultValue Provider twitter) {

    /**
     * {@code baseUrl}: the API host; {@code oauthBaseUrl}: the token endpoint's host where it differs
     * (Google; Instagram Login's code exchange), else blank; {@code apiVersion}: the Graph API version
     * (Instagram only); {@code login}: Instagram only, {@code instagram} (Instagram API with Instagram
     * Login, graph.instagram.com, the default) or {@code facebook} (Facebook Login for Business,
     * graph.facebook.com, a Facebook Page required); {@code limits}: rate, concurrency and retries.
     */
    public record Provider(String baseUrl, String oauthBaseUrl, String apiVersion, String clientId,
                           String clientSecret, @DefaultValue("instagram") String login,
                           @DefaultValue Limits limits) {

        public Provider {
            login = login == null || login.isBlank() ? "instagram" : login.trim();
            limits = limits == null ? Limits.DEFAULTS : limits;
        }

        public static Provider of(String baseUrl, String oauthBaseUrl, String apiVersion, String clientId,
                                  String clientSecret) {
            return new Provider(baseUrl, oauthBaseUrl, apiVersion, clientId, clientSecret, null, null);
        }

        public Provider withLogin(String login) {
            return new Provider(baseUrl, oauthBaseUrl, apiVersion, clientId, clientSecret, login, limits);
        }

        public Provider withLimits(Limits limits) {
            return new Provider(baseUrl, oauthBaseUrl, apiVersion, clientId, clientSecret, login, limits);
        }

        public boolean configured() {
            return baseUrl != null && !baseUrl.isBlank() && clientId != null && !clientId.isBlank()
                    && clientSecret != null && !clientSecret.isBlank();
        }

        public String oauthBase() {
            return oauthBaseUrl == null || oauthBaseUrl.isBlank() ? baseUrl : oauthBaseUrl;
        }
    }

    /**
     * How one platform is called, shared by every thread of this instance.
     * {@code requestsPerSecond} (0 = unlimited) is spread evenly, one permit every (1 s +
     * {@code jitterAllowance}) / n, so no second at the platform ever sees more than n requests unless
     * their travel times differ by more than the allowance (at a cost of that fraction of the rate);
     * {@code requestsPerWindow} per {@code window} (0 = none) mirrors a platform quota such as X's
     * 15-minute windows, held in every window of that length wherever it starts: paced, one permit
     * every ({@code window} + {@code jitterAllowance}) / (n - 1) (PlatformGuard.windowCycle).
     * {@code maxConcurrent} bounds in-flight requests.
     * Transient failures (IO, timeouts, 5xx) are tried {@code maxAttempts} times in all, with exponential
     * backoff from {@code backoff} up to {@code maxBackoff}, ±50 % jitter; a 429 whose Retry-After is at
     * most {@code maxInPlaceWait} is waited out and retried, a longer one ends the call (and starts the
     * account's cooldown). When {@code failureRatePercent} of the last {@code minimumCalls} calls failed
     * transiently, the circuit opens for {@code openFor}: calls fail at once without reaching the platform.
     */
    public record Limits(@DefaultValue("0") int requestsPerSecond,
                         @DefaultValue("0") int requestsPerWindow,
                         @DefaultValue("15m") Duration window,
                         @DefaultValue("5m") Duration maxPermitWait,
                         @DefaultValue("16") int maxConcurrent,
                         @DefaultValue("4") int maxAttempts,
                         @DefaultValue("250ms") Duration backoff,
                         @DefaultValue("8s") Duration maxBackoff,
                         @DefaultValue("5s") Duration maxInPlaceWait,
                         @DefaultValue("50") int failureRatePercent,
                         @DefaultValue("20") int minimumCalls,
                         @DefaultValue("60s") Duration openFor,
                         @DefaultValue("25ms") Duration jitterAllowance) {

        public static final Limits DEFAULTS = new Limits(0, 0, Duration.ofMinutes(15), Duration.ofMinutes(5), 16, 4,
                Duration.ofMillis(250), Duration.ofSeconds(8), Duration.ofSeconds(5), 50, 20, Duration.ofSeconds(60),
                Duration.ofMillis(25));

        public Limits withRequestsPerSecond(int perSecond) {
            return new Limits(perSecond, requestsPerWindow, window, maxPermitWait, maxConcurrent, maxAttempts, backoff,
                    maxBackoff, maxInPlaceWait, failureRatePercent, minimumCalls, openFor, jitterAllowance);
        }

        public Limits withRequestsPerWindow(int requests, Duration window) {
            return new Limits(requestsPerSecond, requests, window, maxPermitWait, maxConcurrent, maxAttempts, backoff,
                    maxBackoff, maxInPlaceWait, failureRatePercent, minimumCalls, openFor, jitterAllowance);
        }

        public Limits withMaxConcurrent(int concurrent) {
            return new Limits(requestsPerSecond, requestsPerWindow, window, maxPermitWait, concurrent, maxAttempts, backoff,
                    maxBackoff, maxInPlaceWait, failureRatePercent, minimumCalls, openFor, jitterAllowance);
        }

        public Limits withRetries(int attempts, Duration backoff, Duration maxBackoff) {
            return new Limits(requestsPerSecond, requestsPerWindow, window, maxPermitWait, maxConcurrent, attempts, backoff,
                    maxBackoff, maxInPlaceWait, failureRatePercent, minimumCalls, openFor, jitterAllowance);
        }

        public Limits withJitterAllowance(Duration allowance) {
            return new Limits(requestsPerSecond, requestsPerWindow, window, maxPermitWait, maxConcurrent, maxAttempts, backoff,
                    maxBackoff, maxInPlaceWait, failureRatePercent, minimumCalls, openFor, allowance);
        }

        public Limits withCircuit(int failureRatePercent, int minimumCalls, Duration openFor) {
            return new Limits(requestsPerSecond, requestsPerWindow, window, maxPermitWait, maxConcurrent, maxAttempts, backoff,
                    maxBackoff, maxInPlaceWait, failureRatePercent, minimumCalls, openFor, jitterAllowance);
        }
    }
}
