package com.creatorcampaignpro.auth;

import com.creatorcampaignpro.testing.FakeProvidersIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class GoogleSignInIntegrationTests extends FakeProvidersIntegrationTest {

    private ResultActions signIn(String idToken, String userType) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("idToken", idToken);
        if (userType != null) {
            body.put("userType", userType);
        }
        return mvc.perform(post("/api/auth/google").contentType(MediaType.APPLICATION_JSON).content(json(body)));
    }

    @Test
    void aNewGoogleUserGetsAnAccountAndTheSameOneNextTime() throws Exception {
        String subject = newGoogleSubject();
        String email = uniqueEmail("google");
        JsonNode first = readJson(signIn(googleIdToken(subject, email), "influencer")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.user.email").value(email))
                .andExpect(jsonPath("$.user.userType").value("influencer"))
                .andExpect(jsonPath("$.user.emailVerified").value(true))
                .andExpect(jsonPath("$.user.firstName").value("Gia")));
        mvc.perform(get("/api/users/profile").header("Authorization", "Bearer " + first.get("accessToken").asString()))
                .andExpect(status().isOk());

        // Next time: found by Google subject, even if the Google email changed meanwhile; no userType needed.
        JsonNode second = readJson(signIn(googleIdToken(subject, uniqueEmail("renamed")), null).andExpect(status().isOk()));
        assertThat(second.get("user").get("id").asString()).isEqualTo(first.get("user").get("id").asString());
    }

    @Test
    void aNewAccountNeedsAUserType() throws Exception {
        signIn(googleIdToken(newGoogleSubject(), uniqueEmail("google")), null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("userType"));
    }

    @Test
    void anExistingAccountWithTheSameEmailIsLinkedOnce() throws Exception {
        Account account = marketer();
        String subject = newGoogleSubject();
        JsonNode signedIn = readJson(signIn(googleIdToken(subject, account.email()), null).andExpect(status().isOk()));
        assertThat(signedIn.get("user").get("id").asString()).isEqualTo(account.id().toString());

        // Another Google account claiming the same email does not take the account over.
        signIn(googleIdToken(newGoogleSubject(), account.email()), null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://creatorcampaignpro.com/problems/google-account-mismatch"));
    }

    @Test
    void tokensGoogleDidNotIssueToUsAreRefused() throws Exception {
        String subject = newGoogleSubject();
        String email = uniqueEmail("google");
        Date past = Date.from(Instant.now().minusSeconds(3600));
        Map<String, String> refused = Map.of(
                "wrong audience", googleIdToken(GOOGLE_KEY, subject, email, Map.of("aud", "someone-elses-client")),
                "expired", googleIdToken(GOOGLE_KEY, subject, email, Map.of("exp", past, "iat", past)),
                "signed by another key", googleIdToken(OTHER_KEY, subject, email, Map.of()),
                "wrong issuer", googleIdToken(GOOGLE_KEY, subject, email, Map.of("iss", "https://evil.example")),
                "unverified email", googleIdToken(GOOGLE_KEY, subject, email, Map.of("email_verified", false)),
                "not a JWT", "definitely-not-a-jwt");
        for (var token : refused.entrySet()) {
            int status = signIn(token.getValue(), "marketer").andReturn().getResponse().getStatus();
            assertThat(status).as(token.getKey()).isEqualTo(401);
        }
        // None of them created the account.
        assertThat(userDao.findByEmail(email)).isEmpty();
    }
}
