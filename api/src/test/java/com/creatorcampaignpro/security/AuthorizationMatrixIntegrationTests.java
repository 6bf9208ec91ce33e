package com.creatorcampaignpro.security;

import com.creatorcampaignpro.testing.ApiIntegrationTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

import org.awaitility.Awaitility;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import static com.creatorcampaignpro.security.Expectation.anyUser;
import static com.creatorcampaignpro.security.Expectation.publicOperation;
import static com.creatorcampaignpro.security.Expectation.roles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Walks every operation of the OpenAPI document: without a token, with each role, and as a second
 * user of the same role against the first one's resource. Fails on a 2xx where a 401/403/404 is
 * due, on any 500, and on any operation nobody declared in {@link #expectations()}.
 * <p>
 * To add an endpoint: add one line to {@link #expectations()} keyed {@code "METHOD /path/{template}"}
 * exactly as in /v3/api-docs: who may call it ({@code publicOperation()}, {@code anyUser()},
 * {@code roles("marketer")}), for path variables a fixture that creates the resource for its owner
 * ({@code owned(...)}: strangers of the same role must not reach it; {@code shared(...)}: they may),
 * an example body when the operation takes one, and the status its owner gets ({@code expect(200)}).
 * Path variables without a fixture are random UUIDs, and then no caller may get a 2xx.
 */
class AuthorizationMatrixIntegrationTests extends ApiIntegrationTest {

    /** Callers, each as a fresh pair of users: A owns the fixture, B is the stranger of the same role. */
    private record Persona(String name, Set<String> roles) {
    }

    private static final List<Persona> PERSONAS = List.of(
            new Persona("marketer", Set.of("marketer")),
            new Persona("influencer", Set.of("influencer")),
            // Staff accounts are marketers underneath (see ApiIntegrationTest.staff).
            new Persona("operator", Set.of("marketer", "operator")),
            new Persona("finance", Set.of("marketer", "finance")),
            new Persona("admin", Set.of("marketer", "admin")));

    private record Operation(String method, String path, List<String> pathVariables, boolean hasBody, boolean multipart) {
        String key() {
            return method + " " + path;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The declarations: one per operation of the OpenAPI document.
    // ---------------------------------------------------------------------------------------------

    /** The declarations below, for tests that drive every operation another way (ApiFuzzIntegrationTests). */
    static Map<String, Expectation> expectations(ApiIntegrationTest running) {
        AuthorizationMatrixIntegrationTests matrix = new AuthorizationMatrixIntegrationTests();
        running.shareWith(matrix);
        return matrix.expectations();
    }

    private Map<String, Expectation> expectations() {
        Map<String, Expectation> e = new LinkedHashMap<>();
        // auth: how callers get tokens, so public by design
        e.put("POST /api/auth/register", publicOperation().expect(201)
                .body((caller, vars) -> Map.of("email", uniqueEmail("matrix"), "password", PASSWORD, "userType", "influencer")));
        e.put("POST /api/auth/login", publicOperation().expect(200)
                .body((caller, vars) -> Map.of("email", caller.email(), "password", PASSWORD)));
        e.put("POST /api/auth/refresh", publicOperation().expect(200)
                .body((caller, vars) -> Map.of("refreshToken", caller.refreshToken())));
        e.put("POST /api/auth/logout", publicOperation().expect(204)
                .body((caller, vars) -> Map.of("refreshToken", caller.refreshToken())));
        e.put("POST /api/auth/verify-email", publicOperation().expect(400)
                .body((caller, vars) -> Map.of("token", "not-a-token-anyone-was-sent")));
        e.put("POST /api/auth/forgot-password", publicOperation().expect(202)
                .body((caller, vars) -> Map.of("email", caller.email())));
        e.put("POST /api/auth/reset-password", publicOperation().expect(400)
                .body((caller, vars) -> Map.of("token", "not-a-token-anyone-was-sent", "password", "a new long password")));
        e.put("POST /api/auth/google", publicOperation().expect(401)
                .body((caller, vars) -> Map.of("idToken", "not.a.jwt")));

        // users: the caller's own account
        e.put("GET /api/users/profile", anyUser().expect(200));
        e.put("GET /api/notifications/stream", anyUser().expect(200));
        e.put("PUT /api/users/profile", anyUser().expect(200).body((caller, vars) -> Map.of("firstName", "Matrix")));
        e.put("DELETE /api/users/account", anyUser().expect(204).consumesCaller()
                .body((caller, vars) -> Map.of("password", PASSWORD)));
        e.put("POST /api/users/upload-avatar", anyUser().expect(200).multipart("file", (caller, vars) -> png()));
        e.put("GET /api/users/{id}/avatar", publicOperation().expect(200).shared(this::userWithAvatar));

        // campaigns: a marketer's own
        e.put("GET /api/campaigns", roles("marketer").expect(200));
        e.put("POST /api/campaigns", roles("marketer").expect(201).body((caller, vars) -> campaign()));
        e.put("GET /api/campaigns/{id}", roles("marketer").expect(200).owned(this::campaignOf));
        e.put("PUT /api/campaigns/{id}", roles("marketer").expect(200).owned(this::campaignOf).body((caller, vars) -> campaign()));
        e.put("DELETE /api/campaigns/{id}", roles("marketer").expect(204).owned(this::campaignOf));

        // admin: staff tools over every account
        e.put("GET /api/admin/users", roles("admin").expect(200));
        e.put("GET /api/admin/users/{id}", roles("admin").expect(200).shared(owner -> Map.of("id", marketer().id().toString())));
        e.put("PUT /api/admin/users/{id}/roles", roles("admin").expect(200)
                .shared(owner -> Map.of("id", marketer().id().toString()))
                .body((caller, vars) -> Map.of("roles", List.of("operator"))));

        // analytics: the owner's campaign only
        e.put("GET /api/campaigns/{id}/analytics", roles("marketer").expect(200).owned(this::campaignOf));

        // operators: jobs and schedules are platform-wide, so every operator reaches them
        Expectation.Fixture housekeeping = owner -> Map.of("name", "housekeepingJob");
        Expectation.Fixture housekeepingSchedule = owner -> Map.of("job", "housekeepingJob");
        e.put("GET /api/ops/jobs", roles("operator", "admin").expect(200));
        e.put("POST /api/ops/jobs/{name}/executions", roles("operator", "admin").shared(housekeeping)
                .body((caller, vars) -> Map.of("parameters", Map.of())));
        e.put("GET /api/ops/jobs/{name}/executions", roles("operator", "admin").expect(200).shared(housekeeping));
        e.put("GET /api/ops/executions/{id}", roles("operator", "admin").expect(200).shared(this::finishedExecution));
        // State-dependent answers (409 when the execution is not in the right state): only 5xx is a failure.
        e.put("POST /api/ops/executions/{id}/stop", roles("operator", "admin").shared(this::finishedExecution));
        e.put("POST /api/ops/executions/{id}/restart", roles("operator", "admin").shared(this::finishedExecution));
        e.put("POST /api/ops/executions/{id}/abandon", roles("operator", "admin").shared(this::finishedExecution));
        e.put("GET /api/ops/schedules", roles("operator", "admin").expect(200));
        e.put("PUT /api/ops/schedules/{job}", roles("operator", "admin").expect(200).shared(housekeepingSchedule)
                .body((caller, vars) -> Map.of("cron", "0 15 3 * * ?", "timeZone", "UTC")));
        e.put("POST /api/ops/schedules/{job}/pause", roles("operator", "admin").shared(housekeepingSchedule));
        e.put("POST /api/ops/schedules/{job}/resume", roles("operator", "admin").shared(housekeepingSchedule));
        e.put("POST /api/ops/schedules/{job}/trigger", roles("operator", "admin").shared(housekeepingSchedule));

        // social accounts: the influencer's own platforms ({platform} names the caller's own account)
        Expectation.Fixture instagram = owner -> Map.of("platform", "instagram");
        e.put("GET /api/social/accounts", roles("influencer").expect(200));
        // No platform credentials in the test configuration: connect answers 503 platform-not-configured.
        e.put("POST /api/social/{platform}/connect", roles("influencer").expect(503).shared(instagram)
                .body((caller, vars) -> Map.of("code", "matrix-code", "redirectUri", "https://app.example.com/oauth")));
        e.put("POST /api/social/{platform}/refresh", roles("influencer").shared(instagram));
        e.put("DELETE /api/social/{platform}/disconnect", roles("influencer").expect(404).shared(instagram));

        // payout methods: the influencer's own
        e.put("GET /api/payments/methods", roles("influencer").expect(200));
        e.put("POST /api/payments/methods", roles("influencer").expect(201)
                .body((caller, vars) -> Map.of("provider", "paypal", "paypalEmail", uniqueEmail("payee"))));
        e.put("PUT /api/payments/methods/{id}", roles("influencer").expect(200).owned(this::payPalMethodOf)
                .body((caller, vars) -> Map.of("isDefault", true)));
        e.put("DELETE /api/payments/methods/{id}", roles("influencer").expect(204).owned(this::payPalMethodOf));

        // payments: every caller sees their own side; finance sees all
        e.put("GET /api/payments", anyUser().expect(200));
        e.put("GET /api/payments/history", anyUser().expect(200));
        e.put("GET /api/payments/disputes", anyUser().expect(200));
        e.put("POST /api/payments/disputes", anyUser().expect(404)
                .body((caller, vars) -> Map.of("paymentId", UUID.randomUUID().toString(), "reason", "not delivered")));
        // Stripe authenticates with its signature, not a token: unsigned calls are 400 naming Stripe-Signature.
        e.put("POST /api/payments/webhooks/stripe", publicOperation().expect(400));
        e.put("POST /api/payments/disputes/{id}/resolve", roles("finance")
                .body((caller, vars) -> Map.of("outcome", "rejected", "note", "matrix")));
        // settlement (issue 9): marketers settle their own content; PayPal authenticates by PayPal's verification
        e.put("POST /api/payments/process", roles("marketer").expect(404)
                .body((caller, vars) -> Map.of("contentId", UUID.randomUUID().toString())));
        e.put("POST /api/payments/webhooks/paypal", publicOperation().expect(400));
        e.put("GET /api/finance/batches", roles("finance").expect(200));
        e.put("GET /api/finance/batches/{id}", roles("finance"));
        e.put("POST /api/finance/batches/{id}/approve", roles("finance"));
        e.put("GET /api/finance/payouts.csv", roles("finance").expect(200));

        // influencer directory: marketers search; any user reads a public profile; influencers edit their own
        Expectation.Fixture someInfluencer = owner -> Map.of("id", influencer().id().toString());
        e.put("GET /api/influencers", roles("marketer", "admin").expect(200));
        e.put("GET /api/influencers/search", roles("marketer", "admin").expect(200));
        e.put("GET /api/influencers/{id}", anyUser().expect(200).shared(someInfluencer));
        e.put("GET /api/influencers/{id}/rates", anyUser().expect(200).shared(someInfluencer));
        e.put("GET /api/influencers/profile", roles("influencer").expect(200));
        e.put("PUT /api/influencers/profile", roles("influencer").expect(200)
                .body((caller, vars) -> Map.of("displayName", "Matrix", "categories", List.of("food"))));
        e.put("POST /api/influencers/rates", roles("influencer").expect(200)
                .body((caller, vars) -> Map.of("rates", List.of(Map.of("platform", "instagram", "contentType", "reel",
                        "amount", 25_000, "currency", "EUR")))));

        // invitations: between a campaign's marketer and the invited influencer, nobody else
        e.put("POST /api/campaigns/{id}/invite-influencer", roles("marketer").expect(201).owned(this::campaignOf)
                .body((caller, vars) -> Map.of("influencerId", influencer().id().toString(), "rateAmount", 50_000)));
        e.put("GET /api/campaigns/{id}/invitations", roles("marketer").expect(200).owned(this::campaignOf));
        e.put("GET /api/invitations", roles("marketer", "influencer").expect(200));
        e.put("GET /api/invitations/{id}", roles("marketer", "influencer").expect(200).owned(this::invitationOf));
        e.put("POST /api/invitations/{id}/accept", roles("influencer").expect(200).owned(this::invitationOf));
        e.put("POST /api/invitations/{id}/decline", roles("influencer").expect(200).owned(this::invitationOf)
                .body((caller, vars) -> Map.of("reason", "busy")));
        e.put("POST /api/invitations/{id}/withdraw", roles("marketer").expect(200).owned(this::invitationOf));

        // ai (issue 10): marketers, on their own campaigns (in the body: AiIntegrationTests checks strangers get 404)
        e.put("POST /api/ai/match-influencers", roles("marketer").expect(200)
                .body((caller, vars) -> Map.of("brief", Map.of("productCategory", "food", "countries", List.of("PT")),
                        "limit", 5)));
        e.put("POST /api/ai/predict-performance", roles("marketer").expect(200)
                .body((caller, vars) -> Map.of("campaignId", aiCampaignOf(caller), "top", 2,
                        "deliverables", List.of(Map.of("platform", "instagram", "contentType", "reel")))));
        e.put("POST /api/ai/sentiment-analysis", roles("marketer").expect(200)
                .body((caller, vars) -> Map.of("text", "I really love this, not bad at all!")));
        e.put("POST /api/ai/optimize-campaign", roles("marketer").expect(200)
                .body((caller, vars) -> Map.of("campaignId", aiCampaignOf(caller), "candidates", 5)));

        // content: the submitting influencer and the campaign's marketer
        e.put("GET /api/content", roles("marketer", "influencer").expect(200));
        // A campaign the caller was never invited to: 404 (the content flow has its own tests).
        e.put("POST /api/content", roles("influencer").expect(404)
                .body((caller, vars) -> Map.of("campaignId", UUID.randomUUID().toString(), "platform", "instagram",
                        "contentType", "reel", "contentUrl", "https://cdn.example.com/draft.mp4")));
        e.put("GET /api/content/{id}", roles("marketer", "influencer").expect(200).owned(this::contentOf));
        e.put("PUT /api/content/{id}", roles("influencer").expect(200).owned(this::contentOf)
                .body((caller, vars) -> Map.of("platform", "instagram", "contentType", "reel",
                        "contentUrl", "https://cdn.example.com/draft-v2.mp4", "title", "v2")));
        e.put("POST /api/content/{id}/approve", roles("marketer").expect(200).owned(this::contentOf)
                .body((caller, vars) -> Map.of("feedback", "great")));
        e.put("POST /api/content/{id}/reject", roles("marketer").expect(200).owned(this::contentOf)
                .body((caller, vars) -> Map.of("feedback", "off brief")));
        e.put("POST /api/content/{id}/request-changes", roles("marketer").expect(200).owned(this::contentOf)
                .body((caller, vars) -> Map.of("feedback", "shorter please")));
        // Pending content cannot be published before approval.
        e.put("POST /api/content/{id}/publish", roles("influencer").expect(409).owned(this::contentOf)
                .body((caller, vars) -> Map.of("platformMediaId", "ig-" + UUID.randomUUID())));
        return e;
    }

    /**
     * Endpoints outside the OpenAPI document (actuator, the operators' console's static files): path ->
     * roles that may read it, empty = public. The console's files hold no data; its calls go to /api/ops.
     */
    private static final Map<String, Set<String>> NON_OPENAPI_ENDPOINTS = Map.of(
            "/console/", Set.of(),
            "/console/console.js", Set.of(),
            "/console/console.css", Set.of(),
            "/actuator/health", Set.of(),
            "/actuator/info", Set.of(),
            "/actuator/metrics", Set.of("operator", "admin"),
            "/actuator/prometheus", Set.of("operator", "admin"));

    // ---------------------------------------------------------------------------------------------
    // Fixtures
    // ---------------------------------------------------------------------------------------------

    private static Map<String, Object> campaign() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Matrix campaign");
        body.put("budget", 100_000);
        body.put("currency", "EUR");
        body.put("startDate", "2026-03-01");
        body.put("endDate", "2026-04-30");
        body.put("deliverables", List.of(Map.of("platform", "instagram", "contentType", "reel", "quantity", 1)));
        return body;
    }

    private Map<String, String> campaignOf(Account owner) throws Exception {
        JsonNode created = readJson(mvc.perform(post("/api/campaigns").header("Authorization", owner.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json(campaign()))).andExpect(status().isCreated()));
        return Map.of("id", created.get("id").asString());
    }

    /** A campaign of the caller with a deliverable: through the API for marketers, straight in the database for others. */
    private String aiCampaignOf(Account caller) throws Exception {
        return isInfluencer(caller) ? fixtures.campaign(caller.id()).create().toString() : campaignOf(caller).get("id");
    }

    private Map<String, String> userWithAvatar(Account owner) throws Exception {
        mvc.perform(multipart("/api/users/upload-avatar").file(new MockMultipartFile("file", "a.png", "image/png", png()))
                .header("Authorization", owner.bearer())).andExpect(status().isOk());
        return Map.of("id", owner.id().toString());
    }

    private Map<String, String> payPalMethodOf(Account owner) throws Exception {
        JsonNode created = readJson(mvc.perform(post("/api/payments/methods").header("Authorization", owner.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of("provider", "paypal", "paypalEmail", uniqueEmail("payee"))))));
        return Map.of("id", created.get("method").get("id").asString());
    }

    private boolean isInfluencer(Account account) throws Exception {
        return "influencer".equals(readJson(mvc.perform(get("/api/users/profile").header("Authorization", account.bearer())))
                .get("userType").asString());
    }

    /** The owner's side of an invitation: the invited influencer, or the campaign's marketer. */
    private record Collaboration(Account marketer, Account influencer, String campaignId, String invitationId) {
    }

    private Collaboration collaboration(Account owner, boolean accepted) throws Exception {
        boolean ownerIsInfluencer = isInfluencer(owner);
        Account marketer = ownerIsInfluencer ? marketer() : owner;
        Account influencer = ownerIsInfluencer ? owner : influencer();
        UUID campaignId = fixtures.campaign(marketer.id()).create();
        UUID invitationId = accepted ? fixtures.acceptedInvitation(campaignId, influencer.id(), 50_000)
                : fixtures.pendingInvitation(campaignId, influencer.id(), 50_000);
        return new Collaboration(marketer, influencer, campaignId.toString(), invitationId.toString());
    }

    private Map<String, String> invitationOf(Account owner) throws Exception {
        return Map.of("id", collaboration(owner, false).invitationId());
    }

    private Map<String, String> contentOf(Account owner) throws Exception {
        Collaboration c = collaboration(owner, true);
        String contentId = readJson(mvc.perform(post("/api/content").header("Authorization", c.influencer().bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of("campaignId", c.campaignId(), "platform", "instagram", "contentType", "reel",
                                "contentUrl", "https://cdn.example.com/" + UUID.randomUUID() + ".mp4"))))
                .andExpect(status().isCreated())).get("id").asString();
        return Map.of("id", contentId);
    }

    /** The id of a finished housekeepingJob execution, launched once for the whole matrix. */
    private Map<String, String> finishedExecution(Account owner) throws Exception {
        if (finishedExecutionId == null) {
            Account operator = staff("operator");
            JsonNode launched = readJson(mvc.perform(post("/api/ops/jobs/housekeepingJob/executions")
                            .header("Authorization", operator.bearer()).contentType(MediaType.APPLICATION_JSON)
                            .content(json(Map.of("parameters", Map.of("batchSize", "100")))))
                    .andExpect(status().isAccepted()));
            String id = launched.get("executionId").asString();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                JsonNode execution = readJson(mvc.perform(get("/api/ops/executions/" + id)
                        .header("Authorization", operator.bearer())));
                return !Set.of("STARTING", "STARTED", "STOPPING").contains(execution.get("status").asString());
            });
            finishedExecutionId = id;
        }
        return Map.of("id", finishedExecutionId);
    }

    private static String finishedExecutionId;

    static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    // ---------------------------------------------------------------------------------------------
    // The matrix
    // ---------------------------------------------------------------------------------------------

    @Test
    void everyOperationHasADeclaredExpectation() throws Exception {
        Set<String> documented = new TreeSet<>(operations().keySet());
        Set<String> declared = expectations().keySet();
        Set<String> undeclared = new TreeSet<>(documented);
        undeclared.removeAll(declared);
        assertThat(undeclared)
                .as("operations without an expectation: add each to AuthorizationMatrixIntegrationTests.expectations()"
                        + " with who may call it (publicOperation/anyUser/roles), a fixture for its path variables"
                        + " (owned/shared), an example body and the owner's status (expect)")
                .isEmpty();
        Set<String> stale = new TreeSet<>(declared);
        stale.removeAll(documented);
        assertThat(stale).as("declared expectations for operations the API no longer has").isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyOperationEnforcesItsExpectation() throws Exception {
        Map<String, Expectation> expectations = expectations();
        return operations().values().stream()
                .filter(op -> expectations.containsKey(op.key()))
                .map(op -> DynamicTest.dynamicTest(op.key(), () -> check(op, expectations.get(op.key()))));
    }

    @Test
    void endpointsOutsideTheOpenApiDocumentAreGuardedToo() throws Exception {
        List<String> failures = new ArrayList<>();
        for (var endpoint : new TreeMap<>(NON_OPENAPI_ENDPOINTS).entrySet()) {
            String path = endpoint.getKey();
            Set<String> allowed = endpoint.getValue();
            int anonymous = mvc.perform(get(path)).andReturn().getResponse().getStatus();
            if (allowed.isEmpty() ? anonymous != 200 : anonymous != 401) {
                failures.add("GET " + path + " without a token: " + anonymous);
            }
            if (allowed.isEmpty()) {
                continue;
            }
            for (Persona persona : PERSONAS) {
                Account caller = userA(persona);
                int status = mvc.perform(get(path).header("Authorization", caller.bearer())).andReturn().getResponse().getStatus();
                boolean mayRead = persona.roles().stream().anyMatch(allowed::contains);
                if (mayRead ? status == 401 || status == 403 || status >= 500 : status != 403) {
                    failures.add("GET " + path + " as " + persona.name() + ": " + status);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private void check(Operation op, Expectation e) throws Exception {
        List<String> failures = new ArrayList<>();

        // 1. Without a token: 401, unless the operation is public.
        Account someone = marketer();
        Map<String, String> vars = e.fixture != null ? e.fixture.create(firstAllowedOwner(e)) : randomIds(op);
        int anonymous = call(op, e, vars, someone, false);
        if (e.audience == Expectation.Audience.PUBLIC) {
            if (e.ownerStatus != null && anonymous != e.ownerStatus) {
                failures.add("anonymous caller of a public operation got " + anonymous + ", declared " + e.ownerStatus);
            }
            if (op.pathVariables().isEmpty() || e.fixture != null) {
                assertThat(failures).as(op.key()).isEmpty();
                return;
            }
        } else if (anonymous != 401) {
            failures.add("without a token: " + anonymous + " instead of 401");
        }

        // 2. Each role; 3. a second user of the same role against the first one's resource.
        for (Persona persona : PERSONAS) {
            Account a = e.consumesCaller ? create(persona) : userA(persona);
            String who = persona.name();
            if (!e.allows(persona.roles())) {
                Map<String, String> foreign = e.fixture != null ? e.fixture.create(firstAllowedOwner(e)) : randomIds(op);
                int status = call(op, e, foreign, a, true);
                if (is2xx(status) || status >= 500) {
                    failures.add(who + " (role not allowed): " + status + " instead of 403");
                }
                continue;
            }
            if (!op.pathVariables().isEmpty()) {
                Account b = e.consumesCaller ? create(persona) : userB(persona);
                Map<String, String> ofA = e.fixture != null ? e.fixture.create(a) : randomIds(op);
                int stranger = call(op, e, ofA, b, true);
                if (e.fixture == null && is2xx(stranger)) {
                    failures.add(who + ": " + stranger + " on random ids " + ofA + " (no fixture declared, so nothing exists)");
                } else if (!e.shared && is2xx(stranger)) {
                    failures.add(who + " B reached A's resource " + ofA + ": " + stranger + " instead of 404");
                } else if (stranger >= 500 && !Integer.valueOf(stranger).equals(e.ownerStatus)) {
                    // (A declared 5xx such as 503 platform-not-configured is what everyone gets, strangers too.)
                    failures.add(who + " B: " + stranger);
                }
                if (e.fixture == null) {
                    continue;
                }
                vars = ofA;
            } else {
                vars = Map.of();
            }
            int owner = call(op, e, vars, a, true);
            if (e.ownerStatus != null ? owner != e.ownerStatus : owner >= 500) {
                failures.add(who + " as owner: " + owner + (e.ownerStatus == null ? "" : ", declared " + e.ownerStatus));
            }
        }
        assertThat(failures).as(op.key()).isEmpty();
    }

    /** A's resource for a caller whose role may not call the operation: owned by someone who could. */
    private Account firstAllowedOwner(Expectation e) throws Exception {
        for (Persona persona : PERSONAS) {
            if (e.allows(persona.roles())) {
                return userA(persona);
            }
        }
        throw new IllegalStateException("no persona may call this operation");
    }

    private int call(Operation op, Expectation e, Map<String, String> vars, Account caller, boolean withToken) throws Exception {
        String uri = op.path();
        for (String name : op.pathVariables()) {
            String value = vars.get(name);
            if (value == null) {
                throw new IllegalStateException(op.key() + ": the fixture gave no value for path variable " + name);
            }
            uri = uri.replace("{" + name + "}", value);
        }
        HttpMethod method = HttpMethod.valueOf(op.method());
        AbstractMockHttpServletRequestBuilder<?> request;
        Object body = e.body.build(caller, vars);
        if (op.multipart()) {
            request = multipart(method, uri).file(new MockMultipartFile(
                    e.multipartField == null ? "file" : e.multipartField, "upload.bin", "application/octet-stream",
                    body instanceof byte[] bytes ? bytes : new byte[0]));
        } else {
            request = request(method, uri);
            if (op.hasBody()) {
                request.contentType(MediaType.APPLICATION_JSON).content(json(body));
            }
        }
        if (withToken) {
            request.header("Authorization", caller.bearer());
        }
        // Each call from its own address: per-client login limits must not couple the calls.
        String address = "10.9." + (int) (Math.random() * 256) + "." + (1 + (int) (Math.random() * 254));
        request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    // Users A and B of each persona, shared by every operation that does not use its caller up.
    private static final Map<String, Account> USERS_A = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, Account> USERS_B = new java.util.concurrent.ConcurrentHashMap<>();

    private Account userA(Persona persona) throws Exception {
        Account a = USERS_A.get(persona.name());
        if (a == null) {
            a = create(persona);
            USERS_A.put(persona.name(), a);
        }
        return a;
    }

    private Account userB(Persona persona) throws Exception {
        Account b = USERS_B.get(persona.name());
        if (b == null) {
            b = create(persona);
            USERS_B.put(persona.name(), b);
        }
        return b;
    }

    private Account create(Persona persona) throws Exception {
        return switch (persona.name()) {
            case "marketer" -> marketer();
            case "influencer" -> influencer();
            default -> staff(persona.name());
        };
    }

    private static Map<String, String> randomIds(Operation op) {
        Map<String, String> ids = new HashMap<>();
        op.pathVariables().forEach(name -> ids.put(name, UUID.randomUUID().toString()));
        return ids;
    }

    private static boolean is2xx(int status) {
        return status >= 200 && status < 300;
    }

    private Map<String, Operation> operations() throws Exception {
        JsonNode doc = readJson(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()));
        Map<String, Operation> operations = new TreeMap<>();
        for (var path : doc.get("paths").properties()) {
            for (var method : path.getValue().properties()) {
                if (!Set.of("get", "put", "post", "delete", "patch").contains(method.getKey())) {
                    continue;
                }
                JsonNode operation = method.getValue();
                List<String> pathVariables = new ArrayList<>();
                JsonNode parameters = operation.get("parameters");
                if (parameters != null) {
                    for (JsonNode parameter : parameters) {
                        if ("path".equals(parameter.get("in").asString())) {
                            pathVariables.add(parameter.get("name").asString());
                        }
                    }
                }
                JsonNode content = operation.path("requestBody").path("content");
                boolean multipartBody = content.has(MediaType.MULTIPART_FORM_DATA_VALUE);
                Operation op = new Operation(method.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
                        List.copyOf(pathVariables), !content.isMissingNode() && content.size() > 0, multipartBody);
                operations.put(op.key(), op);
            }
        }
        return operations;
    }
}
