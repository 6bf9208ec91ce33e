package com.creatorcampaignpro.admin;

import com.creatorcampaignpro.audit.AuditLogDao;
import com.creatorcampaignpro.error.ConflictException;
import com.creatorcampaignpro.error.NotFoundException;
import com.creatorcampaignpro.user.AccountDao;
import com.creatorcampaignpro.user.StaffRole;
import com.creatorcampaignpro.user.StaffRoles;
import com.creatorcampaignpro.user.User;
import com.creatorcampaignpro.user.UserDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Replaces a user's staff roles. Roles travel in access tokens, so a change reaches the user at
 * their next token refresh (at most the access-token lifetime, 15 minutes by default).
 */
@Service
public class RoleAdministration {
    private static final Logger log = LoggerFactory.getLogger(RoleAdministration.class);

    private final AccountDao accounts;
    private final UserDao users;
    private final AuditLogDao audit;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    RoleAdministration(AccountDao accounts, UserDao users, AuditLogDao audit, TransactionTemplate transaction,
                       JsonMapper json) {
        this.accounts = accounts;
        this.users = users;
        this.audit = audit;
        this.transaction = transaction;
        this.json = json;
    }

    /** Idempotent: the same set twice changes nothing and writes one audit entry. */
    public User replaceRoles(UUID actor, UUID target, List<String> requested) {
        Set<StaffRole> after = StaffRoles.parse(requested);
        return transaction.execute(tx -> {
            // Lock order: admins' role rows first, then the target, the same in every caller.
            List<UUID> admins = accounts.lockAdmins();
            User user = accounts.lock(target).orElseThrow(() -> new NotFoundException("user", target));
            if (!user.active()) {
                throw new ConflictException("account-inactive", "the account is disabled or deleted; it cannot hold roles");
            }
            Set<StaffRole> before = user.staffRoles().isEmpty() ? EnumSet.noneOf(StaffRole.class) : EnumSet.copyOf(user.staffRoles());
            if (before.equals(after)) {
                return user;
            }
            StaffRoles.requireAnAdminRemains(target, before, after, admins);
            accounts.revokeRolesExcept(target, after.stream().map(StaffRole::dbValue).toArray(String[]::new));
            after.forEach(role -> accounts.grantRole(target, role.dbValue(), actor));
            audit.record(actor, "user.roles.replaced", "user", target.toString(), json.writeValueAsString(Map.of(
                    "before", before.stream().map(StaffRole::dbValue).sorted().toList(),
                    "after", after.stream().map(StaffRole::dbValue).sorted().toList())));
            log.info("Admin {} set the staff roles of user {} to {}", actor, target, after);
            return users.find(target).orElseThrow();
        });
    }
}
