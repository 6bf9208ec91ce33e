package com.creatorcampaignpro.auth;

import com.creatorcampaignpro.testing.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class AuthIntegrationTests extends ApiIntegrationTest {

    private ResultActions postJson(MockHttpServletRequestBuilder request, Object body) throws Exception {
        return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(json(body)));
    }

    private ResultActions login(String email, String password, String client) throws Exception {
        return postJson(post("/api/auth/login").with(r -> {
            r.setRemoteAddr(client);
            return r;
        }), Map.of("email", email, "password", password));
    }

    @Test
    void registeredUserCanLogInAndCallTheApi() throws Exception {
        Account account = marketer();

        JsonNode tokens = readJson(login(account.email().toUpperCase(), PASSWORD, "10.0.0.1")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tokenType").value("Bearer"))
                .andExpect(jsonPath("$.user.roles", hasItem("marketer"))));
        assertThat(tokens.get("expiresIn").asLong()).isBetween(1L, 15 * 60L);

        mvc.perform(get("/api/users/profile").header("Authorization", "Bearer " + tokens.get("accessToken").asString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(account.email()))
                .andExpect(jsonPath("$.userType").value("marketer"));
    }

    @Test
    void registrationValidatesEveryFieldAndNamesIt() throws Exception {
        postJson(post("/api/auth/register"), Map.of("email", "not-an-email", "password", "short", "userType", "admin"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://creatorcampaignpro.com/problems/validation-error"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("email")));

        postJson(post("/api/auth/register"), Map.of("email", uniqueEmail("weak"), "password", "short", "userType", "marketer"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("at least 10")));

        postJson(post("/api/auth/register"), Map.of("email", uniqueEmail("role"), "password", PASSWORD, "userType", "admin"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("userType"));

        postJson(post("/api/auth/register"), Map.of("email", uniqueEmail("extra"), "password", PASSWORD,
                "userType", "marketer", "isAdmin", true))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("isAdmin"));
    }

    @Test
    void emailIsUniqueWhateverItsCase() throws Exception {
        Account first = influencer();
        postJson(post("/api/auth/register"), Map.of("email", first.email().toUpperCase(), "password", PASSWORD,
                "userType", "marketer"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://creatorcampaignpro.com/problems/email-taken"));
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() throws Exception {
        Account account = marketer();
        String wrongPassword = readJson(login(account.email(), "wrong password!!", "10.0.1.1")
                .andExpect(status().isUnauthorized())).get("detail").asString();
        String unknownEmail = readJson(login(uniqueEmail("nobody"), "wrong password!!", "10.0.1.1")
                .andExpect(status().isUnauthorized())).get("detail").asString();
        assertThat(wrongPassword).isEqualTo(unknownEmail);
    }

    @Test
    void refreshRotatesAndTheOldTokenIsSpent() throws Exception {
        Account account = marketer();
        JsonNode rotated = readJson(postJson(post("/api/auth/refresh"), Map.of("refreshToken", account.refreshToken()))
                .andExpect(status().isOk()));
        String next = rotated.get("refreshToken").asString();
        assertThat(next).isNotEqualTo(account.refreshToken());
        mvc.perform(get("/api/users/profile").header("Authorization", "Bearer " + rotated.get("accessToken").asString()))
                .andExpect(status().isOk());

        // Rotating the next token again works: the chain goes on.
        postJson(post("/api/auth/refresh"), Map.of("refreshToken", next)).andExpect(status().isOk());
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeFamily() throws Exception {
        Account account = marketer();
        String second = readJson(postJson(post("/api/auth/refresh"), Map.of("refreshToken", account.refreshToken()))
                .andExpect(status().isOk())).get("refreshToken").asString();

        // given an attacker replays the first (already rotated) token
        postJson(post("/api/auth/refresh"), Map.of("refreshToken", account.refreshToken()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://creatorcampaignpro.com/problems/refresh-token-reused"));

        // then the legitimate holder's newer token is dead too
        postJson(post("/api/auth/refresh"), Map.of("refreshToken", second))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://creatorcampaignpro.com/problems/refresh-token-reused"));
    }

    @Test
    void anotherLoginIsNotRevokedByReuseInTheFirst() throws Exception {
        Account account = marketer();
        String otherSession = readJson(login(account.email(), PASSWORD, "10.0.2.1").andExpect(status().isOk()))
                .get("refreshToken").asString();
        postJson(post("/api/auth/refresh"), Map.of("refreshToken", account.refreshToken())).andExpect(status().isOk());
        postJson(post("/api/auth/refresh"), Map.of("refreshToken", account.refreshToken())).andExpect(status().isUnauthorized());

        postJson(post("/api/auth/refresh"), Map.of("refreshToken", otherSession)).andExpect(status().isOk());
    }

    @Test
    void logoutRevokesTheRefreshTokenAndIsIdempotent() throws Exception {
        Account account = marketer();
        postJson(post("/api/auth/logout"), Map.of("refreshToken", account.refreshToken())).andExpect(status().isNoContent());
        postJson(post("/api/auth/logout"), Map.of("refreshToken", account.refreshToken())).andExpect(status().isNoContent());
        postJson(post("/api/auth/refresh"), Map.of("refreshToken", account.refreshToken()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void unknownRefreshTokenIsUnauthorized() throws Exception {
        postJson(post("/api/auth/refresh"), Map.of("refreshToken", "made-up-token"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://creatorcampaignpro.com/problems/invalid-refresh-token"));
    }

    @Test
    void repeatedFailuresLockTheAccountWithRetryAfter() throws Exception {
        Account account = marketer();
        for (int i = 0; i < 5; i++) {
            login(account.email(), "wrong password " + i, "10.1." + i + ".1").andExpect(status().isUnauthorized());
        }
        // Even the right password, from yet another address, waits until the window passes.
        login(account.email(), PASSWORD, "10.2.0.1")
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://creatorcampaignpro.com/problems/rate-limited"));
        long retryAfter = Long.parseLong(login(account.email(), PASSWORD, "10.2.0.2").andReturn().getResponse()
                .getHeader("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 15 * 60L);
    }

    @Test
    void oneClientAddressIsLimitedAcrossAccounts() throws Exception {
        String client = "10.3.3.3";
        int limit = 30;
        for (int i = 0; i < limit; i++) {
            login(uniqueEmail("spray"), "password spray " + i, client).andExpect(status().isUnauthorized());
        }
        login(uniqueEmail("spray"), "password spray", client)
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
        // Another address is unaffected.
        login(uniqueEmail("spray"), "password spray", "10.3.3.4").andExpect(status().isUnauthorized());
    }

    @Test
    void forgedOrExpiredAccessTokensAreRejected() throws Exception {
        mvc.perform(get("/api/users/profile").header("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("invalid_token")))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/users/profile"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://creatorcampaignpro.com/problems/unauthenticated"));
    }
}
