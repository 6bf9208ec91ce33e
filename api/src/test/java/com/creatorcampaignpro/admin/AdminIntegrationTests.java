package com.creatorcampaignpro.admin;

import com.creatorcampaignpro.audit.AuditLogDao;
import com.creatorcampaignpro.error.ConflictException;
import com.creatorcampaignpro.testing.ApiIntegrationTest;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class AdminIntegrationTests extends ApiIntegrationTest {
    @Autowired
    AuditLogDao audit;
    @Autowired
    RoleAdministration roles;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Jdbi jdbi;

    private ResultActions putRoles(Account admin, UUID target, Object roles) throws Exception {
        return mvc.perform(put("/api/admin/users/" + target + "/roles").header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("roles", roles))));
    }

    @Test
    void anAdminReplacesStaffRolesAndTheyArriveWithTheNextRefresh() throws Exception {
        Account admin = staff("admin");
        Account user = influencer();

        putRoles(admin, user.id(), List.of("finance", "operator"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles", contains("influencer", "finance", "operator")));
        // Replace, not add; and the same request again changes nothing.
        putRoles(admin, user.id(), List.of("finance")).andExpect(jsonPath("$.roles", contains("influencer", "finance")));
        putRoles(admin, user.id(), List.of("finance")).andExpect(status().isOk());
        assertThat(audit.actionsOn("user", user.id().toString())).containsExactly("user.roles.replaced", "user.roles.replaced");

        JsonNode refreshed = readJson(mvc.perform(post("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("refreshToken", user.refreshToken())))).andExpect(status().isOk()));
        assertThat(refreshed.get("user").get("roles").toString()).contains("finance");
        mvc.perform(get("/api/admin/users").header("Authorization", "Bearer " + refreshed.get("accessToken").asString()))
                .andExpect(status().isForbidden());
    }

    @Test
    void badRolesAreNamedAndUnknownUsersAreNotFound() throws Exception {
        Account admin = staff("admin");
        Account user = marketer();
        putRoles(admin, user.id(), List.of("operator", "superuser"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roles[1]"));
        putRoles(admin, UUID.randomUUID(), List.of("operator")).andExpect(status().isNotFound());
        mvc.perform(put("/api/admin/users/" + user.id() + "/roles").header("Authorization", admin.bearer())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roles"));
        assertThat(audit.actionsOn("user", user.id().toString())).isEmpty();
    }

    @Test
    void onlyAdminsManageRoles() throws Exception {
        Account operator = staff("operator");
        putRoles(operator, operator.id(), List.of("admin")).andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/users").header("Authorization", operator.bearer())).andExpect(status().isForbidden());
    }

    @Test
    void adminsListAccountsFilteredByEmailAndRole() throws Exception {
        Account admin = staff("admin");
        Account finance = staff("finance");
        mvc.perform(get("/api/admin/users").param("email", finance.email().toUpperCase()).header("Authorization", admin.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(finance.id().toString()))
                .andExpect(jsonPath("$.items.length()").value(1));
        mvc.perform(get("/api/admin/users").param("role", "finance").param("limit", "100").header("Authorization", admin.bearer()))
                .andExpect(jsonPath("$.items[*].id", hasItem(finance.id().toString())));
        mvc.perform(get("/api/admin/users").param("role", "wizard").header("Authorization", admin.bearer()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("role"));

        // Keyset pages: two pages of one never repeat an account.
        JsonNode first = readJson(mvc.perform(get("/api/admin/users").param("limit", "1").header("Authorization", admin.bearer())));
        JsonNode second = readJson(mvc.perform(get("/api/admin/users").param("limit", "1")
                .param("after", first.get("nextCursor").asString()).header("Authorization", admin.bearer())));
        assertThat(second.get("items").get(0).get("id").asString()).isNotEqualTo(first.get("items").get(0).get("id").asString());
    }

    @Test
    void theLastAdminCannotLoseTheRole() throws Exception {
        Account admin = staff("admin");
        transaction.executeWithoutResult(tx -> {
            // given every other admin is gone (rolled back below, so other tests keep theirs)
            jdbi.useHandle(h -> h.createUpdate("DELETE FROM staff_roles WHERE role = 'admin' AND user_id <> :id")
                    .bind("id", admin.id()).execute());
            assertThatThrownBy(() -> roles.replaceRoles(admin.id(), admin.id(), List.of("operator")))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("last-admin"));
            tx.setRollbackOnly();
        });
        // With other admins around, giving it up is fine.
        staff("admin");
        putRoles(admin, admin.id(), List.of("operator")).andExpect(status().isOk());
    }
}
