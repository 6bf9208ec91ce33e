package com.creatorcampaignpro.testing;

import com.creatorcampaignpro.CcpApplication;
import com.creatorcampaignpro.db.testing.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A whole platform instance started in this JVM on a random port, on the run's test database, so a
 * test can drive two instances of one cluster over real HTTP. Instances started with the same
 * {@code ccp.auth.jwt-secret} accept each other's tokens, as in production.
 */
public final class PlatformInstance implements AutoCloseable {
    public static final String SHARED_JWT_SECRET = "ccp-test-cluster-secret-0123456789abcdef";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    private PlatformInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** Starts an instance; {@code properties} override the test configuration. */
    public static PlatformInstance start(Map<String, Object> properties) {
        TestDatabase db = TestDatabase.shared();
        Map<String, Object> all = new HashMap<>();
        all.put("spring.datasource.url", db.jdbcUrl());
        all.put("spring.datasource.username", db.username());
        all.put("spring.datasource.password", db.password());
        all.put("server.port", "0");
        all.put("ccp.auth.jwt-secret", SHARED_JWT_SECRET);
        all.put("spring.datasource.hikari.maximum-pool-size", "4");
        // Quartz keeps a JVM-wide registry of data sources by scheduler name: under the main test
        // contexts' name ("ccp") closing this instance would close theirs. Instances started here form
        // their own cluster under another name.
        all.put("spring.quartz.properties.org.quartz.scheduler.instanceName", "ccp-instances");
        all.putAll(properties);
        // As command-line arguments: they outrank the configuration files (builder properties would not).
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new PlatformInstance(new SpringApplicationBuilder(CcpApplication.class).run(args));
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public String baseUrl() {
        return base;
    }

    public record Answer(int status, java.net.http.HttpHeaders headers, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public Answer get(String path, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.GET().build());
    }

    public Answer post(String path, String bearer, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "{}" : JSON.writeValueAsString(body)));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    public Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers(), response.body());
    }

    public record User(UUID id, String email, String token) {
    }

    /** Registers a new user of {@code userType} here and returns its access token. */
    public String registerAndGetToken(String userType) throws IOException, InterruptedException {
        return register(userType).token();
    }

    /** Registers a new user of {@code userType} here. */
    public User register(String userType) throws IOException, InterruptedException {
        String email = userType + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Answer answer = post("/api/auth/register", null, Map.of("email", email, "password", "correct horse battery",
                "userType", userType, "firstName", "Test", "lastName", userType));
        if (answer.status() != 201) {
            throw new IllegalStateException("registration failed: " + answer.status() + " " + answer.body());
        }
        JsonNode body = answer.json();
        return new User(UUID.fromString(body.get("user").get("id").asString()), email, body.get("accessToken").asString());
    }

    /** Logs a user in again (e.g. after a staff role was granted in the database). */
    public User login(User user) throws IOException, InterruptedException {
        Answer answer = post("/api/auth/login", null, Map.of("email", user.email(), "password", "correct horse battery"));
        if (answer.status() != 200) {
            throw new IllegalStateException("login failed: " + answer.status() + " " + answer.body());
        }
        return new User(user.id(), user.email(), answer.json().get("accessToken").asString());
    }

    /** Opens GET /api/notifications/stream here (with the header, as the console does). */
    public EventStream openStream(String token, Long lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/notifications/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", Long.toString(lastEventId));
        }
        return EventStream.open(http, request.GET().build());
    }

    @Override
    public void close() {
        context.close();
    }
}
