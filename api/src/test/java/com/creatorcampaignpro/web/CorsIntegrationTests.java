package com.creatorcampaignpro.web;

import com.creatorcampaignpro.testing.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;

/** Browsers on an allowed origin may call the API (preflight included); other origins are refused. */
class CorsIntegrationTests extends ApiIntegrationTest {
    private static final String ALLOWED = "http://localhost:5173";   // a development default (no prod profile here)
    private static final String FOREIGN = "https://evil.example";

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredBeforeAuthentication() throws Exception {
        MockHttpServletResponse response = mvc.perform(options("/api/campaigns").header("Origin", ALLOWED)
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "authorization, content-type, idempotency-key"))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(response.getHeader("Access-Control-Allow-Methods")).contains("POST");
        assertThat(response.getHeader("Access-Control-Allow-Headers").toLowerCase()).contains("idempotency-key");
        assertThat(response.getHeader("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void anAllowedOriginSeesTheHeadersClientsNeed() throws Exception {
        Account marketer = marketer();
        MockHttpServletResponse response = mvc.perform(get("/api/campaigns").header("Origin", ALLOWED)
                .header("Authorization", marketer.bearer())).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(response.getHeader("Access-Control-Expose-Headers"))
                .contains("Location", "Retry-After", "RateLimit-Remaining", "RateLimit-Reset");
    }

    @Test
    void aForeignOriginIsRefusedWithProblemJson() throws Exception {
        for (var request : List.of(
                options("/api/campaigns").header("Origin", FOREIGN).header("Access-Control-Request-Method", "DELETE"),
                get("/api/campaigns").header("Origin", FOREIGN).header("Authorization", marketer().bearer()))) {
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(403);
            assertThat(response.getContentType()).startsWith("application/problem+json");
            assertThat(response.getContentAsString()).contains("cors-origin-not-allowed");
            assertThat(response.getHeader("Access-Control-Allow-Origin")).isNull();
        }
    }

    @Test
    void prodAllowsNoOriginUnlessConfiguredAndNeverAWildcardWithCredentials() {
        CorsProperties unset = new CorsProperties(null, null, null, null, false, null);
        assertThat(unset.originsFor(true)).isEmpty();
        assertThat(unset.originsFor(false)).contains(ALLOWED);
        assertThat(new CorsProperties(List.of("https://app.example.com"), null, null, null, false, Duration.ofMinutes(5))
                .originsFor(true)).containsExactly("https://app.example.com");
        assertThatThrownBy(() -> new CorsProperties(List.of("*"), null, null, null, true, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exact origins");
    }
}
