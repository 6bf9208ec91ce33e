package com.creatorcampaignpro.console;

import com.creatorcampaignpro.testing.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The console's files: public, under a strict Content-Security-Policy, no inline code, outside the API document. */
class ConsoleIntegrationTests extends ApiIntegrationTest {
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_HANDLER_OR_STYLE = Pattern.compile("\\s(on[a-z]+|style)\\s*=", Pattern.CASE_INSENSITIVE);

    @Test
    void consoleIsServedWithoutATokenUnderAStrictContentSecurityPolicy() throws Exception {
        mvc.perform(get("/console")).andExpect(status().isFound()).andExpect(redirectedUrl("/console/"));
        mvc.perform(get("/console/")).andExpect(status().isOk()).andExpect(forwardedUrl("/console/index.html"));
        for (String file : List.of("/console/index.html", "/console/console.js", "/console/console.css")) {
            String csp = mvc.perform(get(file)).andExpect(status().isOk())
                    .andExpect(header().string("Referrer-Policy", "no-referrer"))
                    .andReturn().getResponse().getHeader("Content-Security-Policy");
            assertThat(csp).as(file).contains("default-src 'none'", "script-src 'self'", "style-src 'self'",
                    "connect-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
        }
        // The API's answers keep their own headers: the console's policy is for /console only.
        assertThat(mvc.perform(get("/actuator/health")).andReturn().getResponse().getHeader("Content-Security-Policy")).isNull();
    }

    @Test
    void pageHasNoInlineCodeAndLabelsEveryControl() throws Exception {
        String html = mvc.perform(get("/console/index.html")).andReturn().getResponse().getContentAsString();
        assertThat(INLINE_SCRIPT.matcher(html).find()).as("inline <script>").isFalse();
        assertThat(EVENT_HANDLER_OR_STYLE.matcher(html).find()).as("inline handler or style attribute").isFalse();
        assertThat(html).contains("<html lang=\"en\">", "aria-live=\"polite\"", "role=\"alert\"");
        // every input and select of the static page has a <label for=...>
        var ids = Pattern.compile("<(?:input|select)[^>]*\\bid=\"([^\"]+)\"").matcher(html).results().map(r -> r.group(1)).toList();
        assertThat(ids).isNotEmpty().allSatisfy(id -> assertThat(html).contains("<label for=\"" + id + "\""));
        String script = mvc.perform(get("/console/console.js")).andReturn().getResponse().getContentAsString();
        // data reaches the page through textContent only: no HTML parsing of API values
        assertThat(script).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(");
        assertThat(script).doesNotContain("document.cookie").contains("sessionStorage");
    }

    @Test
    void consoleIsNotInTheOpenApiDocument() throws Exception {
        JsonNode doc = readJson(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()));
        assertThat(doc.path("paths").propertyNames()).isNotEmpty().noneMatch(path -> path.startsWith("/console"));
    }
}
