package com.creatorcampaignpro.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.mail.internet.MimeMessage;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import com.creatorcampaignpro.mail.OutboxMailer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * The application wired to local fakes of its third parties: a GreenMail SMTP server (so the outbox
 * really sends) and a MockWebServer serving a Google-style JWKS of an RSA key made here, with which
 * tests sign Google ID tokens. Started once per test JVM; every subclass shares one context.
 */
public abstract class FakeProvidersIntegrationTest extends ApiIntegrationTest {
    protected static final String GOOGLE_CLIENT_ID = "ccp-test-client.apps.googleusercontent.com";
    protected static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    protected static final MockWebServer GOOGLE = new MockWebServer();
    protected static final RSAKey GOOGLE_KEY;
    protected static final RSAKey OTHER_KEY;

    @Autowired
    protected OutboxMailer mailer;

    static {
        try {
            GOOGLE_KEY = new RSAKeyGenerator(2048).keyID("google-key-1").generate();
            OTHER_KEY = new RSAKeyGenerator(2048).keyID("google-key-1").generate();
            String jwks = new JWKSet(GOOGLE_KEY.toPublicJWK()).toString();
            GOOGLE.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                            .body(jwks).build();
                }
            });
            GOOGLE.start();
            SMTP.start();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void fakeProviders(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("ccp.google.jwk-set-uri", () -> GOOGLE.url("/oauth2/v3/certs").toString());
        registry.add("ccp.google.client-ids", () -> GOOGLE_CLIENT_ID);
    }

    /** A Google ID token signed with {@code key}; {@code overrides} replace or add claims (null removes). */
    protected static String googleIdToken(RSAKey key, String subject, String email, Map<String, Object> overrides) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer("https://accounts.google.com")
                .audience(GOOGLE_CLIENT_ID)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(30))))
                .claim("email", email)
                .claim("email_verified", true)
                .claim("given_name", "Gia")
                .claim("family_name", "Google");
        overrides.forEach(claims::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    protected static String googleIdToken(String subject, String email) throws Exception {
        return googleIdToken(GOOGLE_KEY, subject, email, Map.of());
    }

    protected static String newGoogleSubject() {
        return "1" + Math.abs(UUID.randomUUID().getMostSignificantBits());
    }

    /** The emails GreenMail received for this address. */
    protected static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Waits for the n-th email to this address with a link to {@code linkPath}, and returns the link's token. */
    protected String awaitTokenInMail(String address, String linkPath, int nth) {
        Pattern pattern = Pattern.compile(Pattern.quote(linkPath) + "\\?token=([A-Za-z0-9_-]+)");
        // The test drives the sender (no poller runs in tests); earlier tests' emails go out first.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            mailer.deliverDue();
            return tokensInMails(address, pattern).size() >= nth;
        });
        return tokensInMails(address, pattern).get(nth - 1);
    }

    private static List<String> tokensInMails(String address, Pattern pattern) {
        return mailsTo(address).stream().map(m -> {
            try {
                Matcher link = pattern.matcher(((String) m.getContent()).replace("\r", ""));
                return link.find() ? link.group(1) : null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).filter(java.util.Objects::nonNull).toList();
    }
}
