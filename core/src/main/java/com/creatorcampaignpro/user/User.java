package com.creatorcampaignpro.user;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

public record User(
        UUID id,
        String email,
        String passwordHash,
        UserType userType,
        String firstName,
        String lastName,
        String companyName,
        String phone,
        String avatarUrl,
        boolean emailVerified,
        boolean active,
        Set<StaffRole> staffRoles,
        Instant lastLoginAt,
        Instant createdAt,
        Instant updatedAt) {

    /** What the access token's roles claim carries: the user type, then staff roles by name. */
    public List<String> roleNames() {
        List<String> names = new ArrayList<>();
        names.add(userType.dbValue());
        staffRoles.stream().map(StaffRole::dbValue).sorted().forEach(names::add);
        return List.copyOf(names);
    }
}
