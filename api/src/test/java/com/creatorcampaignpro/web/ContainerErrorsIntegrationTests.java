package com.creatorcampaignpro.web;

import com.creatorcampaignpro.db.testing.PostgresExtension;
import com.creatorcampaignpro.db.testing.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests refused before any controller runs, through a real Tomcat (MockMvc has no container):
 * Tomcat's own refusals, Spring Security's firewall, methods Tomcat turns away and {@code /error}
 * itself all answer problem+json, never an HTML page or Spring's plain JSON, never a 500.
 * Sent over a raw socket: HTTP clients refuse to send most of these.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(PostgresExtension.class)
class ContainerErrorsIntegrationTests {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase db = TestDatabase.shared();
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
    }

    static Stream<Arguments> refusedRequests() {
        return Stream.of(
                Arguments.of("encoded slash", "GET /api/campaigns/a%2Fb HTTP/1.1\r\n", 400),
                Arguments.of("encoded NUL", "GET /api/campaigns/a%00b HTTP/1.1\r\n", 400),
                Arguments.of("20 KB header", "GET /api/campaigns HTTP/1.1\r\nX-Big: " + "h".repeat(20_000) + "\r\n", 400),
                Arguments.of("10 KB query", "GET /api/campaigns?q=" + "q".repeat(10_000) + " HTTP/1.1\r\n", 400),
                Arguments.of("path parameter", "GET /api/campaigns;x=1 HTTP/1.1\r\n", 400),
                Arguments.of("encoded percent", "GET /api/campaigns/%25 HTTP/1.1\r\n", 400),
                Arguments.of("double slash", "GET //api/campaigns HTTP/1.1\r\n", 400),
                Arguments.of("TRACE", "TRACE /api/campaigns HTTP/1.1\r\n", 405),
                Arguments.of("/error without a token", "GET /error HTTP/1.1\r\n", 404),
                Arguments.of("no such path", "GET /api/nothing-here HTTP/1.1\r\n", 401));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedRequests")
    void refusalsAreProblemJson(String name, String requestHead, int expectedStatus) throws IOException {
        String response = exchange(requestHead + "Host: localhost\r\nConnection: close\r\n\r\n");
        String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
        assertThat(head).as(name).startsWith("HTTP/1.1 " + expectedStatus);
        assertThat(head.toLowerCase()).as(name).contains("content-type: application/problem+json");
        assertThat(response.substring(head.length())).as(name).contains("\"status\":" + expectedStatus);
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                received.write(buffer, 0, n);
            }
            return received.toString(StandardCharsets.UTF_8);
        }
    }
}
