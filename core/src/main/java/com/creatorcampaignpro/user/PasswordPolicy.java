package com.creatorcampaignpro.user;

import java.util.Optional;

/**
 * NIST SP 800-63B style: length over composition rules. At least 10 characters, at most 128
 * (bcrypt reads only 72 bytes, so longer passphrases add nothing and cost hashing time), and not
 * the account's own email.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /** Why the password is refused, or empty when it is acceptable. */
    public static Optional<String> violation(String password, String email) {
        if (password == null || password.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (password.length() < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        if (email != null && password.equalsIgnoreCase(email)) {
            return Optional.of("must not be the email address");
        }
        if (password.chars().distinct().count() < 4) {
            return Optional.of("must use at least 4 different characters");
        }
        return Optional.empty();
    }
}
