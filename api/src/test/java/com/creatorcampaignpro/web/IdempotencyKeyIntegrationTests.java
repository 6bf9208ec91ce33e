package com.creatorcampaignpro.web;

import com.creatorcampaignpro.db.testing.TestDatabase;
import com.creatorcampaignpro.jobs.JobOperations;
import com.creatorcampaignpro.testing.ApiIntegrationTest;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every creating POST honours Idempotency-Key through the one mechanism (IdempotentRequests): the
 * same key and request answer the first answer again, with its status, body and Location; the same
 * key with another request is a 409; a request that failed gives its key up.
 */
class IdempotencyKeyIntegrationTests extends ApiIntegrationTest {
    private final Jdbi jdbi = TestDatabase.shared().jdbi();

    @Autowired
    JobOperations operations;

    private MockHttpServletResponse send(Account who, String path, Object body, String key) throws Exception {
        var request = fromRandomClient(post(path)).contentType(MediaType.APPLICATION_JSON).content(json(body));
        if (who != null) {
            request.header("Authorization", who.bearer());
        }
        if (key != null) {
            request.header(IdempotentRequests.HEADER, key);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    /** Sends twice with one key; checks the second answer is the first one, replayed. Returns the first body. */
    private JsonNode sentTwice(Account who, String path, Object body, int expectedStatus, String idField) throws Exception {
        String key = "key-" + UUID.randomUUID();
        MockHttpServletResponse first = send(who, path, body, key);
        assertThat(first.getStatus()).as("%s: %s", path, first.getContentAsString()).isEqualTo(expectedStatus);
        assertThat(first.getHeader("Idempotent-Replayed")).isNull();
        MockHttpServletResponse again = send(who, path, body, key);
        assertThat(again.getStatus()).isEqualTo(expectedStatus);
        assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getHeader(HttpHeaders.LOCATION)).isEqualTo(first.getHeader(HttpHeaders.LOCATION));
        JsonNode firstBody = json.readTree(first.getContentAsString());
        assertThat(json.readTree(again.getContentAsString()).at(idField)).isEqualTo(firstBody.at(idField));
        return firstBody;
    }

    @Test
    void invitationsContentMethodsDisputesAndLaunchesReplayTheirFirstAnswer() throws Exception {
        Account marketer = marketer();
        Account influencer = influencer();
        UUID campaign = fixtures.campaign(marketer.id()).create();

        JsonNode invitation = sentTwice(marketer, "/api/campaigns/" + campaign + "/invite-influencer",
                Map.of("influencerId", influencer.id().toString(), "rateAmount", 40_000), 201, "/id");
        assertThat(count("campaign_invitations", "campaign_id", campaign)).isEqualTo(1);

        // the influencer accepts, then submits content twice with one key
        mvc.perform(post("/api/invitations/" + invitation.get("id").asString() + "/accept")
                .header("Authorization", influencer.bearer()));
        Map<String, Object> submission = Map.of("campaignId", campaign.toString(), "platform", "instagram",
                "contentType", "reel", "contentUrl", "https://drafts.example.com/" + UUID.randomUUID());
        sentTwice(influencer, "/api/content", submission, 201, "/id");
        assertThat(count("content", "campaign_id", campaign)).isEqualTo(1);

        JsonNode method = sentTwice(influencer, "/api/payments/methods",
                Map.of("provider", "paypal", "paypalEmail", "payee-" + UUID.randomUUID() + "@example.com"), 201, "/method/id");
        assertThat(count("payment_methods", "user_id", influencer.id())).isEqualTo(1);

        UUID content = fixtures.content(campaign, influencer.id()).status("approved").create();
        UUID payment = fixtures.payment(content, UUID.fromString(method.at("/method/id").asString()), 40_000, 1_200, 0, "pending");
        sentTwice(influencer, "/api/payments/disputes", Map.of("paymentId", payment.toString(), "reason", "wrong amount"),
                201, "/id");
        assertThat(count("payment_disputes", "payment_id", payment)).isEqualTo(1);
    }

    @Test
    void aRetriedLaunchNeverStartsASecondRunEvenAfterTheFirstFinished() throws Exception {
        Account operator = staff("operator");
        String key = "launch-" + UUID.randomUUID();
        String path = "/api/ops/jobs/housekeepingJob/executions";
        Map<String, Object> body = Map.of("parameters", Map.of("batchSize", "100"));
        await().atMost(Duration.ofSeconds(20)).until(() -> operations.runningExecution("housekeepingJob").isEmpty());

        long first = json.readTree(send(operator, path, body, key).getContentAsString()).get("executionId").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> operations.find(first).status(), "COMPLETED"::equals);
        MockHttpServletResponse retried = send(operator, path, body, key);

        assertThat(retried.getStatus()).isEqualTo(202);
        assertThat(retried.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(json.readTree(retried.getContentAsString()).get("executionId").asLong()).isEqualTo(first);
        assertThat(operations.lastExecution("housekeepingJob").orElseThrow().jobExecutionId()).isEqualTo(first);
    }

    @Test
    void theSameKeyWithAnotherRequestIsAConflictAndAFailedRequestGivesItsKeyUp() throws Exception {
        Account marketer = marketer();
        Account influencer = influencer();
        UUID campaign = fixtures.campaign(marketer.id()).create();
        String key = "key-" + UUID.randomUUID();
        String path = "/api/campaigns/" + campaign + "/invite-influencer";
        assertThat(send(marketer, path, Map.of("influencerId", influencer.id().toString(), "rateAmount", 40_000), key)
                .getStatus()).isEqualTo(201);

        MockHttpServletResponse other = send(marketer, path,
                Map.of("influencerId", influencer.id().toString(), "rateAmount", 45_000), key);
        assertThat(other.getStatus()).isEqualTo(409);
        assertThat(other.getContentAsString()).contains("idempotency-key-reused");

        // a launch of an unknown job fails (404) and leaves no claim behind: its retry is answered the same way
        Account operator = staff("operator");
        String launchKey = "launch-" + UUID.randomUUID();
        assertThat(send(operator, "/api/ops/jobs/noSuchJob/executions", Map.of(), launchKey).getStatus()).isEqualTo(404);
        assertThat(send(operator, "/api/ops/jobs/noSuchJob/executions", Map.of(), launchKey).getStatus()).isEqualTo(404);
        assertThat(count("idempotency_keys", "idempotency_key", launchKey)).isZero();
    }

    @Test
    void aRetriedRegistrationAnswersAgainWithFreshTokensOnlyForTheSamePassword() throws Exception {
        String email = uniqueEmail("retry");
        Map<String, Object> body = Map.of("email", email, "password", PASSWORD, "userType", "influencer",
                "firstName", "Rae", "lastName", "Tried");
        String key = "register-" + UUID.randomUUID();

        MockHttpServletResponse first = send(null, "/api/auth/register", body, key);
        assertThat(first.getStatus()).isEqualTo(201);
        JsonNode created = json.readTree(first.getContentAsString());
        MockHttpServletResponse again = send(null, "/api/auth/register", body, key);

        assertThat(again.getStatus()).isEqualTo(201);
        assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
        JsonNode replayed = json.readTree(again.getContentAsString());
        assertThat(replayed.at("/user/id")).isEqualTo(created.at("/user/id"));
        assertThat(replayed.get("refreshToken").asString()).isNotEqualTo(created.get("refreshToken").asString());
        mvc.perform(get("/api/users/profile").header("Authorization", "Bearer " + replayed.get("accessToken").asString()))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isEqualTo(200));
        // nothing secret is kept with the key: neither the tokens nor anything derived from the password alone
        String stored = jdbi.withHandle(h -> h.createQuery("SELECT response_body FROM idempotency_keys WHERE idempotency_key = :k")
                .bind("k", key).mapTo(String.class).one());
        assertThat(stored).doesNotContain(created.get("refreshToken").asString()).doesNotContain(created.get("accessToken").asString());

        Map<String, Object> wrongPassword = new HashMap<>(body);
        wrongPassword.put("password", "another horse battery staple");
        assertThat(send(null, "/api/auth/register", wrongPassword, key).getStatus()).isEqualTo(401);
        Map<String, Object> otherName = new HashMap<>(body);
        otherName.put("firstName", "Ray");
        assertThat(send(null, "/api/auth/register", otherName, key).getStatus()).isEqualTo(409);
        MockHttpServletResponse withoutKey = send(null, "/api/auth/register", body, null);
        assertThat(withoutKey.getStatus()).isEqualTo(409);
        assertThat(withoutKey.getContentAsString()).contains("email-taken");
        assertThat(count("users", "lower(email)", email.toLowerCase())).isEqualTo(1);
    }

    private long count(String table, String column, Object value) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM " + table + " WHERE " + column + " = :v")
                .bind("v", value).mapTo(Long.class).one());
    }
}
