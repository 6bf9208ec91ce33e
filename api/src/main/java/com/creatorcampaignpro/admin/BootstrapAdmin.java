package com.creatorcampaignpro.admin;

import com.creatorcampaignpro.audit.AuditLogDao;
import com.creatorcampaignpro.user.AccountDao;
import com.creatorcampaignpro.user.PasswordPolicy;
import com.creatorcampaignpro.user.StaffRole;
import com.creatorcampaignpro.user.User;
import com.creatorcampaignpro.user.UserDao;
import com.creatorcampaignpro.user.UserType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;

/**
 * Makes the configured user admin at start-up while the platform has no admin. Idempotent: once
 * any admin exists it does nothing. Instances starting together serialize on an advisory lock, so
 * the check and the grant happen once.
 */
@Component
public class BootstrapAdmin implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
    // Any fixed number: the key of the advisory lock that serializes bootstrap across instances.
    private static final long LOCK_KEY = 0x63637062_6f6f7473L;

    private final AdminProperties.Bootstrap settings;
    private final UserDao users;
    private final AccountDao accounts;
    private final AuditLogDao audit;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate transaction;

    @Autowired
    public BootstrapAdmin(AdminProperties properties, UserDao users, AccountDao accounts, AuditLogDao audit,
                          PasswordEncoder passwordEncoder, TransactionTemplate transaction) {
        this(properties.bootstrap(), users, accounts, audit, passwordEncoder, transaction);
    }

    BootstrapAdmin(AdminProperties.Bootstrap settings, UserDao users, AccountDao accounts, AuditLogDao audit,
                   PasswordEncoder passwordEncoder, TransactionTemplate transaction) {
        this.settings = settings;
        this.users = users;
        this.accounts = accounts;
        this.audit = audit;
        this.passwordEncoder = passwordEncoder;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        bootstrap();
    }

    /** What happened: for the log and for tests. */
    public enum Outcome { NOT_REQUESTED, ADMIN_EXISTS, GRANTED, CREATED }

    public Outcome bootstrap() {
        if (!settings.requested()) {
            return Outcome.NOT_REQUESTED;
        }
        String email = settings.email().trim();
        String password = settings.password();
        // A weak password is refused whether or not it is needed today: a configuration that would
        // create a weak admin on some other database must not look fine here.
        if (password != null && !password.isEmpty()) {
            PasswordPolicy.violation(password, email).ifPresent(v -> {
                throw new BootstrapAdminException("CCP_BOOTSTRAP_ADMIN_PASSWORD is refused: it " + v + ".");
            });
        }
        Outcome outcome = transaction.execute(tx -> {
            accounts.advisoryLock(LOCK_KEY);
            if (accounts.anyActiveAdmin()) {
                return Outcome.ADMIN_EXISTS;
            }
            Optional<User> existing = users.findByEmail(email);
            User user;
            Outcome result;
            if (existing.isPresent()) {
                user = existing.get();
                if (!user.active()) {
                    throw new BootstrapAdminException("the account of " + email + " is disabled or deleted.");
                }
                result = Outcome.GRANTED;
            } else {
                if (password == null || password.isEmpty()) {
                    throw new BootstrapAdminException("no account exists for " + email
                            + "; set CCP_BOOTSTRAP_ADMIN_PASSWORD to create it.");
                }
                user = users.insert(email, passwordEncoder.encode(password), UserType.MARKETER.dbValue(), "", "", null, null)
                        .orElseThrow(() -> new BootstrapAdminException("the account of " + email + " could not be created."));
                result = Outcome.CREATED;
            }
            accounts.grantRole(user.id(), StaffRole.ADMIN.dbValue(), null);
            audit.record(null, "admin.bootstrapped", "user", user.id().toString(),
                    "{\"created\": " + (result == Outcome.CREATED) + "}");
            log.info("Bootstrap admin: {} user {} is now admin", result == Outcome.CREATED ? "created" : "existing", user.id());
            return result;
        });
        if (outcome == Outcome.ADMIN_EXISTS) {
            log.info("Bootstrap admin: an admin already exists; nothing to do (CCP_BOOTSTRAP_ADMIN_EMAIL can be unset)");
        }
        return outcome;
    }
}
