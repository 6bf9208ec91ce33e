package com.creatorcampaignpro.platform;

import com.creatorcampaignpro.db.testing.PostgresExtension;
import com.creatorcampaignpro.db.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a TLS-terminating proxy: X-Forwarded-Proto counts (and HSTS follows) only when the request
 * comes from the configured proxy address; anyone else's forwarded headers are ignored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.forward-headers-strategy=native",
        "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1"})
@ExtendWith(PostgresExtension.class)
class ForwardedHeadersIntegrationTests {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase db = TestDatabase.shared();
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
    }

    @Test
    void theTrustedProxysForwardedProtoMakesTheRequestSecure() throws IOException {
        String answer = get("127.0.0.1", "X-Forwarded-Proto: https\r\nX-Forwarded-For: 203.0.113.7\r\n");

        assertThat(answer).startsWith("HTTP/1.1 200").containsIgnoringCase("Strict-Transport-Security: max-age=31536000");
    }

    @Test
    void plainHttpFromTheProxyGetsNoHsts() throws IOException {
        assertThat(get("127.0.0.1", "")).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("Strict-Transport-Security");
    }

    @Test
    void forwardedHeadersFromAnyOtherAddressAreIgnored() throws IOException {
        // 127.0.0.2 is a loopback address too (all of 127/8), but not the configured proxy.
        String answer = get("127.0.0.2", "X-Forwarded-Proto: https\r\nX-Forwarded-For: 203.0.113.7\r\n");

        assertThat(answer).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("Strict-Transport-Security");
    }

    /** Raw HTTP/1.1 from a chosen local address: the JDK's HttpClient cannot pick its source address. */
    private String get(String fromAddress, String extraHeaders) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(fromAddress), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /actuator/health HTTP/1.1\r\nHost: api.example.com\r\n" + extraHeaders
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
