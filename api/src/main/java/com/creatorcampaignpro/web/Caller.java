package com.creatorcampaignpro.web;

import java.util.Set;
import java.util.UUID;

/** The authenticated user behind a request, taken from the verified access token. */
public record Caller(UUID id, Set<String> roles) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
