package com.creatorcampaignpro.user;

import com.creatorcampaignpro.error.ConflictException;
import com.creatorcampaignpro.error.ValidationException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Rules for granting staff roles. */
public final class StaffRoles {

    private StaffRoles() {
    }

    /** Parses a requested role set; an unknown or missing name is a 400 naming its position. */
    public static Set<StaffRole> parse(List<String> names) {
        if (names == null) {
            throw new ValidationException("roles", "is required (an empty list removes every staff role)");
        }
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        List<ValidationException.FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            var role = names.get(i) == null ? java.util.Optional.<StaffRole>empty() : StaffRole.parse(names.get(i));
            if (role.isPresent()) {
                roles.add(role.get());
            } else {
                violations.add(new ValidationException.FieldViolation("roles[" + i + "]", "must be operator, finance or admin"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return roles;
    }

    /**
     * The platform must keep at least one admin: nobody could grant roles again. Refuses a change
     * that takes the admin role away from the last active admin.
     */
    public static void requireAnAdminRemains(UUID target, Set<StaffRole> before, Set<StaffRole> after,
                                             List<UUID> activeAdmins) {
        boolean losesAdmin = before.contains(StaffRole.ADMIN) && !after.contains(StaffRole.ADMIN);
        if (losesAdmin && activeAdmins.stream().allMatch(target::equals)) {
            throw new ConflictException("last-admin", "this is the last admin; grant admin to someone else first");
        }
    }
}
