package com.creatorcampaignpro.user;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * NIST SP 800-63B style: length over composition rules. At least 10 characters, at most 72 bytes
 * of UTF-8, and not the account's own email. 72 bytes is bcrypt's input limit: we limit rather than
 * pre-hash (a pre-hash would change every stored hash's meaning and feed raw digests, which may hold
 * NUL bytes, to bcrypt). 72 bytes is 72 ASCII characters, fewer with accents or emoji.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_BYTES = 72;

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
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("must be at most " + MAX_BYTES + " bytes in UTF-8 (72 plain ASCII characters,"
                    + " fewer with accented letters or emoji): bcrypt reads no further");
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
