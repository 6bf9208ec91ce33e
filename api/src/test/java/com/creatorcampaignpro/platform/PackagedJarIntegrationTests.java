package com.creatorcampaignpro.platform;

import com.creatorcampaignpro.db.testing.PostgresExtension;
import com.creatorcampaignpro.db.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged ccp.jar as a user runs it: from a folder that is not the project root (no
 * ./config/application.yml of the project beside it). Runs after `package` (Failsafe), with the jar's
 * path in the system property ccp.jar.
 */
@ExtendWith(PostgresExtension.class)
class PackagedJarIntegrationTests {
    private static final Duration START = Duration.ofSeconds(180);

    @TempDir
    Path folder;

    @Test
    void theJarStartsFromAnyFolderWithItsPackedDefaultsAndAConfigFolderBesideItOverrides() throws Exception {
        // given: a ./config/application.yml in the working folder that only chooses the port
        int port = freePort();
        Files.createDirectories(folder.resolve("config"));
        Files.writeString(folder.resolve("config/application.yml"), "server:\n  port: " + port + "\n");
        TestDatabase db = TestDatabase.shared();
        Process app = start(List.of("-Dspring.datasource.url=" + db.jdbcUrl(),
                "-Dspring.datasource.username=" + db.username(), "-Dspring.datasource.password=" + db.password()),
                List.of("--ccp.scheduler.enabled=false"));
        try {
            // then: the packed defaults (one job platform, no job run at start-up) and the override (port) both hold
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build();
            await().atMost(START).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .failFast("the jar exited: see " + log(), () -> !app.isAlive())
                    .until(() -> http.send(health, HttpResponse.BodyHandlers.ofString()),
                            response -> response.statusCode() == 200 && response.body().contains("\"status\":\"UP\""));
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    @Test
    void underProdAMissingDatabaseUrlStopsStartUpWithATwoLineMessage() throws Exception {
        Process app = start(List.of(), List.of("--spring.profiles.active=prod"));
        assertThat(app.waitFor(START.toSeconds(), TimeUnit.SECONDS)).as("the jar exits by itself").isTrue();
        assertThat(app.exitValue()).isNotZero();
        String output = Files.readString(log());
        assertThat(output)
                .contains("The prod profile requires the environment variable CCP_DB_URL")
                .contains("Set CCP_DB_URL in the environment")
                .doesNotContain("embedded PostgreSQL under")
                .doesNotContain("Database: PostgreSQL");
    }

    private Process start(List<String> jvmOptions, List<String> args) throws IOException {
        Path jar = Path.of(System.getProperty("ccp.jar", "target/ccp.jar")).toAbsolutePath();
        assertThat(jar).as("built by `package` before this test runs").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                .redirectErrorStream(true).redirectOutput(log().toFile());
        // Only what the test passes chooses the database: never a CCP_DB_URL of the machine.
        builder.environment().keySet().removeIf(name -> name.startsWith("CCP_") || name.startsWith("SPRING_"));
        return builder.start();
    }

    private Path log() {
        return folder.resolve("ccp.log");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
