package com.creatorcampaignpro.user;

import com.creatorcampaignpro.testing.FakeProvidersIntegrationTest;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class AccountDeletionIntegrationTests extends FakeProvidersIntegrationTest {
    @Autowired
    Jdbi jdbi;

    private org.springframework.test.web.servlet.ResultActions deleteAccount(Account account, Map<String, ?> body) throws Exception {
        return mvc.perform(fromRandomClient(delete("/api/users/account")).header("Authorization", account.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json(body)));
    }

    @Test
    void aWrongPasswordDeletesNothing() throws Exception {
        Account account = marketer();
        deleteAccount(account, Map.of("password", "not my password"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"));
        deleteAccount(account, Map.of())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"));
        mvc.perform(fromRandomClient(post("/api/auth/login")).contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("email", account.email(), "password", PASSWORD)))).andExpect(status().isOk());
    }

    @Test
    void deletionAnonymizesThePersonAndKeepsTheBusinessRecords() throws Exception {
        Account marketer = marketer();
        JsonNode campaign = readJson(mvc.perform(post("/api/campaigns").header("Authorization", marketer.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("name", "Kept for finance", "budget", 5000, "currency", "EUR",
                        "startDate", "2026-03-01", "endDate", "2026-04-30",
                        "deliverables", List.of(Map.of("platform", "instagram", "contentType", "reel", "quantity", 1))))))
                .andExpect(status().isCreated()));
        mvc.perform(multipart("/api/users/upload-avatar").file(new MockMultipartFile("file", "a.png", "image/png",
                AvatarIntegrationTests.png())).header("Authorization", marketer.bearer())).andExpect(status().isOk());

        deleteAccount(marketer, Map.of("password", PASSWORD)).andExpect(status().isNoContent());

        // The person is gone...
        mvc.perform(fromRandomClient(post("/api/auth/login")).contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("email", marketer.email(), "password", PASSWORD)))).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("refreshToken", marketer.refreshToken())))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/users/" + marketer.id() + "/avatar")).andExpect(status().isNotFound());
        User row = userDao.find(marketer.id()).orElseThrow();
        assertThat(row.email()).isEqualTo("deleted-" + marketer.id() + "@deleted.invalid");
        assertThat(row.firstName()).isEmpty();
        assertThat(row.passwordHash()).isNull();
        assertThat(row.avatarUrl()).isNull();
        assertThat(row.active()).isFalse();
        assertThat(userDao.findByEmail(marketer.email())).isEmpty();
        // ...and the email can be used for a new account.
        mvc.perform(post("/api/auth/register").contentType(MediaType.APPLICATION_JSON).content(json(Map.of(
                "email", marketer.email(), "password", PASSWORD, "userType", "marketer")))).andExpect(status().isCreated());

        // The campaign stays for finance.
        List<String> campaigns = jdbi.withHandle(h -> h.createQuery("SELECT name FROM campaigns WHERE marketer_id = :id")
                .bind("id", marketer.id()).mapTo(String.class).list());
        assertThat(campaigns).containsExactly(campaign.get("name").asString());

        // The access token, though not expired, is refused from the moment of deletion (RevokedAccounts).
        deleteAccount(marketer, Map.of("password", PASSWORD)).andExpect(status().isUnauthorized());
    }

    @Test
    void anInfluencersProfileTextGoes() throws Exception {
        Account influencer = influencer();
        deleteAccount(influencer, Map.of("password", PASSWORD)).andExpect(status().isNoContent());
        String displayName = jdbi.withHandle(h -> h.createQuery("SELECT display_name FROM influencer_profiles WHERE user_id = :id")
                .bind("id", influencer.id()).mapTo(String.class).one());
        assertThat(displayName).isEmpty();
    }

    @Test
    void aGoogleOnlyAccountConfirmsWithAFreshGoogleToken() throws Exception {
        String subject = newGoogleSubject();
        String email = uniqueEmail("google");
        JsonNode signedIn = readJson(mvc.perform(post("/api/auth/google").contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("idToken", googleIdToken(subject, email), "userType", "marketer")))).andExpect(status().isOk()));
        Account account = new Account(java.util.UUID.fromString(signedIn.get("user").get("id").asString()), email,
                signedIn.get("accessToken").asString(), signedIn.get("refreshToken").asString());

        deleteAccount(account, Map.of()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("googleIdToken"));
        deleteAccount(account, Map.of("googleIdToken", googleIdToken(newGoogleSubject(), email)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("googleIdToken"));
        deleteAccount(account, Map.of("googleIdToken", googleIdToken(subject, email))).andExpect(status().isNoContent());

        // Signing in with Google again makes a new, separate account: the old one keeps no link.
        mvc.perform(post("/api/auth/google").contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of("idToken", googleIdToken(subject, email)))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("userType"));
    }
}
