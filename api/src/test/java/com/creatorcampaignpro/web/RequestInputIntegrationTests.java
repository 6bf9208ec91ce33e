package com.creatorcampaignpro.web;

import com.creatorcampaignpro.testing.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The request-wide defenses, each on an endpoint whose DTO knows nothing about them: whatever the
 * field, the 400 names its JSON path (or the query parameter or header) and says what is wrong.
 */
class RequestInputIntegrationTests extends ApiIntegrationTest {

    private MockHttpServletResponse profile(Account influencer, String body) throws Exception {
        return mvc.perform(put("/api/influencers/profile").header("Authorization", influencer.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8))).andReturn().getResponse();
    }

    private JsonNode refused(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        return json.readTree(response.getContentAsString()).path("errors").get(0);
    }

    @Test
    void bodyTextPostgresCannotHoldIsRefusedNamingItsPath() throws Exception {
        Account influencer = influencer();
        JsonNode nul = refused(profile(influencer, "{\"displayName\":\"Ana\",\"bio\":\"hi\\u0000there\"}"));
        assertThat(nul.path("field").asString()).isEqualTo("bio");
        assertThat(nul.path("message").asString()).contains("NUL");

        JsonNode inArray = refused(profile(influencer, "{\"displayName\":\"Ana\",\"categories\":[\"food\",\"tra\\u0000vel\"]}"));
        assertThat(inArray.path("field").asString()).isEqualTo("categories[1]");

        JsonNode surrogate = refused(profile(influencer, "{\"displayName\":\"Ana\",\"location\":\"Lisbon \\ud800\"}"));
        assertThat(surrogate.path("field").asString()).isEqualTo("location");
        assertThat(surrogate.path("message").asString()).contains("surrogate");
    }

    @Test
    void nullArrayElementsAndWrongTypesAreNamed() throws Exception {
        Account influencer = influencer();
        JsonNode nullElement = refused(profile(influencer, "{\"displayName\":\"Ana\",\"languages\":[\"en\",null]}"));
        assertThat(nullElement.path("field").asString()).isEqualTo("languages[1]");
        assertThat(nullElement.path("message").asString()).isEqualTo("must not be null");

        JsonNode wrongType = refused(profile(influencer, "{\"displayName\":{\"first\":\"Ana\"}}"));
        assertThat(wrongType.path("field").asString()).isEqualTo("displayName");

        Account marketer = marketer();
        MockHttpServletResponse huge = mvc.perform(put("/api/admin/users/" + UUID.randomUUID() + "/roles")
                .header("Authorization", staff("admin").bearer()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"roles\":[\"operator\"],\"extra\":1}")).andReturn().getResponse();
        assertThat(refused(huge).path("field").asString()).isEqualTo("extra");
        assertThat(marketer.id()).isNotNull();
    }

    @Test
    void numbersPastLongAreNamedToo() throws Exception {
        Account influencer = influencer();
        MockHttpServletResponse response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/influencers/rates").header("Authorization", influencer.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"rates\":[{\"platform\":\"instagram\",\"contentType\":\"reel\",\"amount\":9223372036854775808,"
                        + "\"currency\":\"EUR\"}]}")).andReturn().getResponse();
        JsonNode error = refused(response);
        assertThat(error.path("field").asString()).isEqualTo("rates[0].amount");
        assertThat(error.path("message").asString()).isEqualTo("is out of range for its type");
    }

    @Test
    void queryParametersHeadersAndCursorsAreCheckedToo() throws Exception {
        Account marketer = marketer();
        JsonNode nulQuery = refused(mvc.perform(withToken(get("/api/campaigns").queryParam("status", "active\u0000"), marketer))
                .andReturn().getResponse());
        assertThat(nulQuery.path("field").asString()).isEqualTo("status");

        JsonNode longQuery = refused(mvc.perform(withToken(get("/api/campaigns").queryParam("status", "a".repeat(1001)), marketer))
                .andReturn().getResponse());
        assertThat(longQuery.path("message").asString()).contains("at most 1000");

        JsonNode header = refused(mvc.perform(withToken(get("/api/campaigns").header("X-Trace", "a\u0000b"), marketer))
                .andReturn().getResponse());
        assertThat(header.path("field").asString()).isEqualTo("X-Trace");

        String farFuture = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("+294277-01-01T00:00:00Z|" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        JsonNode cursor = refused(mvc.perform(withToken(get("/api/campaigns").queryParam("after", farFuture), marketer))
                .andReturn().getResponse());
        assertThat(cursor.path("field").asString()).isEqualTo("after");
    }

    @Test
    void errorCalledDirectlyIsA404ProblemNotA500() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/error")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentType()).startsWith("application/problem+json");
    }

    /** A body over 1 MiB is refused before it is read, whatever its fields' own bounds. */
    @Test
    void anOversizedBodyIs413NamingTheBody() throws Exception {
        Account marketer = marketer();
        String body = "{\"name\":\"" + "x".repeat((int) BoundedBody.MAX_BYTES) + "\",\"budget\":1}";
        MockHttpServletResponse response = mvc.perform(withToken(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/campaigns"), marketer)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"field\":\"body\"");
    }

    /** Spring MVC's own refusals carry a type of ours, never about:blank. */
    @Test
    void springsOwnRefusalsHaveStableTypes() throws Exception {
        Account marketer = marketer();
        MockHttpServletResponse wrongMethod = mvc.perform(withToken(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch("/api/campaigns"), marketer))
                .andReturn().getResponse();
        assertThat(wrongMethod.getStatus()).isEqualTo(405);
        assertThat(wrongMethod.getContentAsString()).contains("\"type\":\"https://creatorcampaignpro.com/problems/method-not-allowed\"");
        MockHttpServletResponse wrongType = mvc.perform(withToken(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/campaigns"), marketer)
                .contentType(MediaType.TEXT_PLAIN).content("name=x")).andReturn().getResponse();
        assertThat(wrongType.getStatus()).isEqualTo(415);
        assertThat(wrongType.getContentType()).startsWith("application/problem+json");
        assertThat(wrongType.getContentAsString()).contains("\"type\":\"https://creatorcampaignpro.com/problems/unsupported-media-type\"");
    }

    private static MockHttpServletRequestBuilder withToken(MockHttpServletRequestBuilder request, Account account) {
        return request.header("Authorization", account.bearer());
    }
}
