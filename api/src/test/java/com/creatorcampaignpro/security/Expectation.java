package com.creatorcampaignpro.security;

import com.creatorcampaignpro.testing.ApiIntegrationTest.Account;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one operation of the API allows, declared in {@link AuthorizationMatrixIntegrationTests}:
 * who may call it, which resource its path variables point at, an example body, and what its
 * owner gets back. The matrix derives every check from this.
 */
final class Expectation {

    enum Audience { PUBLIC, AUTHENTICATED, ROLES }

    /** Path variables (name -> value) of a resource owned by {@code owner}, created for the test. */
    @FunctionalInterface
    interface Fixture {
        Map<String, String> create(Account owner) throws Exception;
    }

    /** An example body for a call by {@code caller} with these path variables: a JSON value, or byte[] for multipart. */
    @FunctionalInterface
    interface Body {
        Object build(Account caller, Map<String, String> pathVariables) throws Exception;
    }

    final Audience audience;
    final Set<String> roles;
    Fixture fixture;
    boolean shared;
    Body body = (caller, vars) -> Map.of();
    String multipartField;
    Integer ownerStatus;
    boolean consumesCaller;

    private Expectation(Audience audience, Set<String> roles) {
        this.audience = audience;
        this.roles = roles;
    }

    /** Anyone, without a token (login, register, ...). */
    static Expectation publicOperation() {
        return new Expectation(Audience.PUBLIC, Set.of());
    }

    /** Any authenticated user, whatever the role: the operation acts on the caller's own account. */
    static Expectation anyUser() {
        return new Expectation(Audience.AUTHENTICATED, Set.of());
    }

    /** Only callers holding one of these roles (marketer, influencer, operator, finance, admin). */
    static Expectation roles(String... roles) {
        return new Expectation(Audience.ROLES, new LinkedHashSet<>(List.of(roles)));
    }

    /** The path variables point at a resource of the caller; another user of the same role must not reach it. */
    Expectation owned(Fixture fixture) {
        this.fixture = fixture;
        this.shared = false;
        return this;
    }

    /** The path variables point at a resource every allowed caller may reach (staff tools, public pictures). */
    Expectation shared(Fixture fixture) {
        this.fixture = fixture;
        this.shared = true;
        return this;
    }

    Expectation body(Body body) {
        this.body = body;
        return this;
    }

    /** A multipart request whose {@code field} carries the bytes the body returns. */
    Expectation multipart(String field, Body bytes) {
        this.multipartField = field;
        this.body = bytes;
        return this;
    }

    /** The status the owner (or, for public operations, an anonymous caller) gets with the example body. */
    Expectation expect(int status) {
        this.ownerStatus = status;
        return this;
    }

    /** The call uses up its caller (deletes the account): run it with fresh users instead of the shared ones. */
    Expectation consumesCaller() {
        this.consumesCaller = true;
        return this;
    }

    boolean allows(Set<String> callerRoles) {
        return switch (audience) {
            case PUBLIC, AUTHENTICATED -> true;
            case ROLES -> callerRoles.stream().anyMatch(roles::contains);
        };
    }
}
