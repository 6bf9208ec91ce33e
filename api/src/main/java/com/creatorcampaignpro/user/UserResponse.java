package com.creatorcampaignpro.user;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record UserResponse(UUID id, String email, String userType, List<String> roles, String firstName,
                           String lastName, String companyName, String phone, String avatarUrl,
                           boolean emailVerified, Instant createdAt) {

    public static UserResponse of(User u) {
        return new UserResponse(u.id(), u.email(), u.userType().dbValue(), u.roleNames(), u.firstName(),
                u.lastName(), u.companyName(), u.phone(), u.avatarUrl(), u.emailVerified(), u.createdAt());
    }
}
