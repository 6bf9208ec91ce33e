package com.creatorcampaignpro.user;

import com.creatorcampaignpro.db.testing.PostgresExtension;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(PostgresExtension.class)
class UserDaoIntegrationTests {
    private final UserDao users;

    UserDaoIntegrationTests(Jdbi jdbi) {
        this.users = jdbi.onDemand(UserDao.class);
    }

    @Test
    void emailsAreUniqueAndFoundWhateverTheirCase() {
        String email = "Case-" + UUID.randomUUID() + "@Example.com";
        User created = users.insert(email, "hash", "influencer", "", "", null, null).orElseThrow();

        assertThat(users.insert(email.toLowerCase(), "hash", "marketer", "", "", null, null)).isEmpty();
        assertThat(users.findByEmail(email.toUpperCase())).map(User::id).contains(created.id());
    }

    @Test
    void staffRolesAreLoadedWithTheUser() {
        User created = users.insert("staff-" + UUID.randomUUID() + "@example.com", "hash", "marketer", "", "", null, null)
                .orElseThrow();
        assertThat(users.grantRole(created.id(), "finance", null)).isEqualTo(1);
        assertThat(users.grantRole(created.id(), "finance", null)).isZero();
        assertThat(users.grantRole(created.id(), "admin", null)).isEqualTo(1);

        User loaded = users.find(created.id()).orElseThrow();
        assertThat(loaded.staffRoles()).containsExactlyInAnyOrder(StaffRole.FINANCE, StaffRole.ADMIN);
        assertThat(loaded.roleNames()).containsExactly("marketer", "admin", "finance");
    }
}
