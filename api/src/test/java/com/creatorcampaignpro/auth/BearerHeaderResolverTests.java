package com.creatorcampaignpro.auth;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BearerHeaderResolverTests {
    private static final BearerTokenResolver SPRING = new DefaultBearerTokenResolver();
    private static final BearerTokenResolver OURS = new BearerHeaderResolver();
    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

    @Test
    void resolvesAWellFormedTokenInAnyCaseOfTheScheme() {
        for (String scheme : List.of("Bearer", "bearer", "BEARER", "bEaReR")) {
            assertThat(OURS.resolve(request(scheme + " " + JWT))).isEqualTo(JWT);
            assertSame(scheme + " " + JWT);
        }
        assertThat(OURS.resolve(request("Bearer a-._~+/9Z=="))).isEqualTo("a-._~+/9Z==");
    }

    @Test
    void noTokenWithoutAnAuthorizationHeaderOrWithAnotherScheme() {
        assertThat(OURS.resolve(new MockHttpServletRequest("GET", "/api/campaigns"))).isNull();
        for (String header : List.of("", "Basic dXNlcjpwYXNz", "Token abc", "Bear abc", "DPoP abc", " Bearer abc")) {
            assertThat(OURS.resolve(request(header))).as(header).isNull();
            assertSame(header);
        }
    }

    @Test
    void refusesMalformedTokensWithTheDefaultsError() {
        List<String> malformed = List.of("Bearer", "Bearer ", "Bearer  " + JWT, "Bearer\t" + JWT, "Bearer " + JWT + " ",
                "Bearer " + JWT + "\n", "Bearer =abc", "Bearer abc=d", "Bearer abc==x", "Bearer a b", "Bearer a,b",
                "Bearer é", "Bearerabc", "Bearer_abc", "BearerX abc", "Bearer " + JWT + "%", "Bearer a\u0000");
        for (String header : malformed) {
            OAuth2Error error = refusal(OURS, header);
            assertThat(error).as(header).isNotNull();
            assertThat(error.getErrorCode()).isEqualTo("invalid_token");
            assertThat(error.getDescription()).isEqualTo("Bearer token is malformed");
            assertThat(((BearerTokenError) error).getHttpStatus()).isEqualTo(((BearerTokenError) refusal(SPRING, header))
                    .getHttpStatus());
            assertSame(header);
        }
    }

    @Test
    void agreesWithSpringsResolverOnEveryCharacterAndOnRandomHeaders() {
        List<String> headers = new ArrayList<>();
        for (char c = 0; c < 0x3000; c++) {
            headers.add("Bearer abc" + c);
            headers.add("Bearer " + c + "abc");
            headers.add("Bearer abc=" + c);
            headers.add(c + "earer abc");
            headers.add("Bea" + c + "er abc");
            headers.add("Bearer" + c + "abc");
        }
        Random random = new Random(13);
        String alphabet = "Bbearer =-._~+/aZ09\t,;\"é\u212A\u017F";
        for (int n = 0; n < 50_000; n++) {
            StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : "");
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            headers.add(header.toString());
        }
        for (String header : headers) {
            assertSame(header);
        }
    }

    /** Both resolvers give the same token, or both refuse with the same error. */
    private static void assertSame(String header) {
        OAuth2Error springError = refusal(SPRING, header);
        OAuth2Error ourError = refusal(OURS, header);
        if (springError == null) {
            assertThat(ourError).as("refused by us only: [%s]", header).isNull();
            assertThat(OURS.resolve(request(header))).as(header).isEqualTo(SPRING.resolve(request(header)));
        } else {
            assertThat(ourError).as("refused by Spring only: [%s]", header).isNotNull();
            assertThat(ourError.getErrorCode()).isEqualTo(springError.getErrorCode());
            assertThat(ourError.getDescription()).isEqualTo(springError.getDescription());
            assertThat(ourError.getUri()).isEqualTo(springError.getUri());
        }
    }

    private static OAuth2Error refusal(BearerTokenResolver resolver, String header) {
        try {
            resolver.resolve(request(header));
            return null;
        } catch (OAuth2AuthenticationException e) {
            return e.getError();
        }
    }

    private static MockHttpServletRequest request(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/campaigns");
        request.addHeader("Authorization", authorization);
        return request;
    }
}
