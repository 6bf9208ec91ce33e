package com.creatorcampaignpro.user;

import com.creatorcampaignpro.testing.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.Map;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class UserProfileIntegrationTests extends ApiIntegrationTest {

    @Test
    void userReadsAndUpdatesOwnProfile() throws Exception {
        Account account = influencer();
        mvc.perform(put("/api/users/profile").header("Authorization", account.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of("firstName", "  Ada ", "lastName", "Lovelace", "phone", "+351 900 000 000"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.firstName").value("Ada"));
        mvc.perform(get("/api/users/profile").header("Authorization", account.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(account.id().toString()))
                .andExpect(jsonPath("$.lastName").value("Lovelace"))
                .andExpect(jsonPath("$.phone").value("+351 900 000 000"));
    }

    @Test
    void staffRolesTravelInTheAccessToken() throws Exception {
        Account operator = staff("operator");
        mvc.perform(get("/api/users/profile").header("Authorization", operator.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles[0]").value("marketer"))
                .andExpect(jsonPath("$.roles[1]").value("operator"));
    }

    @Test
    void tooLongNameIsRefusedByField() throws Exception {
        Account account = marketer();
        mvc.perform(put("/api/users/profile").header("Authorization", account.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of("firstName", "x".repeat(101)))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("firstName"));
    }

    @Test
    void profileNeedsAToken() throws Exception {
        mvc.perform(get("/api/users/profile")).andExpect(status().isUnauthorized());
        mvc.perform(put("/api/users/profile").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
    }
}
