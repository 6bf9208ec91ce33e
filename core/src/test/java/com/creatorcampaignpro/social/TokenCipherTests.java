package com.creatorcampaignpro.social;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenCipherTests {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8);

    private final TokenCipher cipher = TokenCipher.withKey(KEY);

    @Test
    void roundTripsAndUsesAFreshNonceEachTime() {
        byte[] a = cipher.encrypt("EAAB-secret-token", "row-1/access");
        byte[] b = cipher.encrypt("EAAB-secret-token", "row-1/access");

        assertThat(cipher.decrypt(a, "row-1/access")).isEqualTo("EAAB-secret-token");
        assertThat(a).isNotEqualTo(b);
        assertThat(a[0]).isEqualTo((byte) 1);                  // key version first
        assertThat(a).hasSize(1 + 12 + "EAAB-secret-token".length() + 16);
        assertThat(new String(a, StandardCharsets.ISO_8859_1)).doesNotContain("secret-token");
    }

    @Test
    void detectsATamperedValue() {
        byte[] sealed = cipher.encrypt("token", "ctx");
        sealed[sealed.length - 1] ^= 0x01;

        assertThatThrownBy(() -> cipher.decrypt(sealed, "ctx")).isInstanceOf(UndecryptableTokenException.class);
    }

    @Test
    void refusesAValueMovedToAnotherRowOrColumn() {
        byte[] sealed = cipher.encrypt("token", "user-a/instagram/access");

        assertThatThrownBy(() -> cipher.decrypt(sealed, "user-b/instagram/access"))
                .isInstanceOf(UndecryptableTokenException.class);
    }

    @Test
    void refusesAValueWrittenUnderAnotherKey() {
        byte[] sealed = TokenCipher.withKey(OTHER_KEY).encrypt("token", "ctx");

        assertThatThrownBy(() -> cipher.decrypt(sealed, "ctx")).isInstanceOf(UndecryptableTokenException.class);
    }

    @Test
    void readsOldValuesAfterAKeyRotation() {
        byte[] old = cipher.encrypt("token", "ctx");
        TokenCipher rotated = new TokenCipher(2, Map.of(1, KEY, 2, OTHER_KEY));

        assertThat(rotated.decrypt(old, "ctx")).isEqualTo("token");
        assertThat(rotated.encrypt("token", "ctx")[0]).isEqualTo((byte) 2);
        assertThatThrownBy(() -> cipher.decrypt(rotated.encrypt("token", "ctx"), "ctx"))
                .isInstanceOf(UndecryptableTokenException.class)
                .hasMessageContaining("key version 2");
    }

    @Test
    void refusesShortKeysAndTruncatedValues() {
        assertThatThrownBy(() -> TokenCipher.withKey(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.decrypt(new byte[5], "ctx")).isInstanceOf(UndecryptableTokenException.class);
        assertThat(cipher.encrypt(null, "ctx")).isNull();
    }
}
