package com.creatorcampaignpro.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

    @Test
    void refusesShortRepetitiveAndEmailPasswords() {
        assertThat(PasswordPolicy.violation("short", "a@b.co")).contains("must be at least 10 characters");
        assertThat(PasswordPolicy.violation("aaaaaaaaaaaa", "a@b.co")).isPresent();
        assertThat(PasswordPolicy.violation("Someone@Example.com", "someone@example.com")).isPresent();
        assertThat(PasswordPolicy.violation("x".repeat(129), "a@b.co")).isPresent();
    }

    @Test
    void limitsBytesAsBcryptDoesNotCharacters() {
        assertThat(PasswordPolicy.violation("ab1-".repeat(18), "a@b.co")).isEmpty();              // 72 bytes
        assertThat(PasswordPolicy.violation("ab1-".repeat(18) + "x", "a@b.co")).get().asString()  // 73 bytes
                .contains("at most 72 bytes");
        // 40 characters, 80 bytes: within any character limit, past bcrypt's.
        assertThat(PasswordPolicy.violation("é".repeat(36) + "abcd", "a@b.co")).isPresent();
    }

    @Test
    void acceptsALongPassphrase() {
        assertThat(PasswordPolicy.violation("correct horse battery", "a@b.co")).isEmpty();
    }
}
