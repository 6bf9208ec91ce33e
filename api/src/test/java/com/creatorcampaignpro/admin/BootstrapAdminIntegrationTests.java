package com.creatorcampaignpro.admin;

import com.creatorcampaignpro.audit.AuditLogDao;
import com.creatorcampaignpro.testing.ApiIntegrationTest;
import com.creatorcampaignpro.user.AccountDao;
import com.creatorcampaignpro.user.StaffRole;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bootstrap runs against a platform without admins: each test removes them inside a transaction it rolls back. */
class BootstrapAdminIntegrationTests extends ApiIntegrationTest {
    @Autowired
    AccountDao accounts;
    @Autowired
    AuditLogDao audit;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Jdbi jdbi;

    private BootstrapAdmin bootstrap(String email, String password) {
        return new BootstrapAdmin(new AdminProperties.Bootstrap(email, password), userDao, accounts, audit,
                passwordEncoder, transaction);
    }

    private void withoutAdmins(Consumer<Void> test) {
        transaction.executeWithoutResult(tx -> {
            jdbi.useHandle(h -> h.createUpdate("DELETE FROM staff_roles WHERE role = 'admin'").execute());
            try {
                test.accept(null);
            } finally {
                tx.setRollbackOnly();
            }
        });
    }

    @Test
    void createsTheAdminOnceAndThenLeavesItAlone() {
        String email = uniqueEmail("boot");
        withoutAdmins(v -> {
            assertThat(bootstrap(email, "a long bootstrap passphrase").bootstrap()).isEqualTo(BootstrapAdmin.Outcome.CREATED);
            var admin = userDao.findByEmail(email).orElseThrow();
            assertThat(admin.staffRoles()).contains(StaffRole.ADMIN);
            assertThat(passwordEncoder.matches("a long bootstrap passphrase", admin.passwordHash())).isTrue();
            // The next start (or a second instance) finds an admin and does nothing.
            assertThat(bootstrap(email, "a long bootstrap passphrase").bootstrap()).isEqualTo(BootstrapAdmin.Outcome.ADMIN_EXISTS);
        });
    }

    @Test
    void grantsAdminToAnExistingAccountWithoutAPassword() throws Exception {
        Account existing = marketer();
        withoutAdmins(v -> {
            assertThat(bootstrap(existing.email(), null).bootstrap()).isEqualTo(BootstrapAdmin.Outcome.GRANTED);
            assertThat(userDao.find(existing.id()).orElseThrow().staffRoles()).contains(StaffRole.ADMIN);
        });
    }

    @Test
    void refusesAWeakPasswordOrAMissingOne() {
        assertThatThrownBy(() -> bootstrap(uniqueEmail("boot"), "admin").bootstrap())
                .isInstanceOf(BootstrapAdminException.class)
                .hasMessageContaining("CCP_BOOTSTRAP_ADMIN_PASSWORD");
        String email = uniqueEmail("boot");
        withoutAdmins(v -> assertThatThrownBy(() -> bootstrap(email, null).bootstrap())
                .isInstanceOf(BootstrapAdminException.class)
                .hasMessageContaining("CCP_BOOTSTRAP_ADMIN_PASSWORD"));
        assertThat(userDao.findByEmail(email)).isEmpty();
    }

    @Test
    void doesNothingWhenNotConfigured() {
        assertThat(bootstrap(" ", null).bootstrap()).isEqualTo(BootstrapAdmin.Outcome.NOT_REQUESTED);
    }
}
