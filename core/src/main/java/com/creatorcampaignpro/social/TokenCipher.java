package com.creatorcampaignpro.social;

import com.creatorcampaignpro.crypto.Sha256;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * AES-256-GCM for OAuth tokens at rest. A value is {@code version (1 byte) || nonce (12 bytes) ||
 * ciphertext+tag (16 bytes)}: the version names the key, so a new key can be added (with the old one
 * kept for reading) and rows re-encrypted lazily. A random 96-bit nonce per value; with one key this
 * stays far below GCM's 2^32 random-nonce limit for any plausible number of token writes.
 * The associated data binds a ciphertext to its row and column, so a value copied into another
 * account or column fails to decrypt instead of lending that account its token.
 */
public final class TokenCipher {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int currentVersion;
    private final Map<Integer, SecretKeySpec> keys;

    /** {@code keys} maps version (1..255) to a secret of at least 32 bytes; encryption uses {@code currentVersion}. */
    public TokenCipher(int currentVersion, Map<Integer, byte[]> keys) {
        if (!keys.containsKey(currentVersion)) {
            throw new IllegalArgumentException("no key for the current version " + currentVersion);
        }
        this.currentVersion = currentVersion;
        Map<Integer, SecretKeySpec> derived = new HashMap<>();
        keys.forEach((version, secret) -> {
            if (version < 1 || version > 255) {
                throw new IllegalArgumentException("key versions are 1..255");
            }
            derived.put(version, new SecretKeySpec(derive(secret), "AES"));
        });
        this.keys = Map.copyOf(derived);
    }

    public static TokenCipher withKey(byte[] secret) {
        return new TokenCipher(1, Map.of(1, secret));
    }

    /** Null in, null out: an absent token stays absent. */
    public byte[] encrypt(String plaintext, String associatedData) {
        if (plaintext == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentVersion), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[1 + NONCE_BYTES + sealed.length];
            out[0] = (byte) currentVersion;
            System.arraycopy(nonce, 0, out, 1, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, 1 + NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /**
     * The plaintext, or {@link UndecryptableTokenException} when the value was written under a key
     * this process does not hold (e.g. a development key that died with its process) or was altered.
     */
    public String decrypt(byte[] value, String associatedData) {
        if (value == null) {
            return null;
        }
        if (value.length < 1 + NONCE_BYTES + TAG_BITS / 8) {
            throw new UndecryptableTokenException("the stored token is truncated");
        }
        int version = Byte.toUnsignedInt(value[0]);
        SecretKeySpec key = keys.get(version);
        if (key == null) {
            throw new UndecryptableTokenException("the stored token was encrypted with key version " + version
                    + ", which is not configured");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, value, 1, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(value, 1 + NONCE_BYTES, value.length - 1 - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new UndecryptableTokenException("the stored token does not authenticate under the configured key"
                    + " (another key, or altered data)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    public int currentVersion() {
        return currentVersion;
    }

    /** The configured secret may be any length >= 32 bytes (text or base64): hash it to the AES-256 key. */
    private static byte[] derive(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < 32) {
            throw new IllegalArgumentException("a token key needs at least 32 bytes");
        }
        return Sha256.of("ccp-oauth-token-key".getBytes(StandardCharsets.UTF_8), secret);
    }
}
