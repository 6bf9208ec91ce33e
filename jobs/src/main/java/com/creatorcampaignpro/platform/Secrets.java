package com.creatorcampaignpro.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Hands out secrets from configuration (which reads them from the environment). In the prod
 * profile a missing one stops start-up; elsewhere a random one is made for this process only.
 */
@Component
public class Secrets {
    private static final Logger log = LoggerFactory.getLogger(Secrets.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final boolean prod;

    public Secrets(Environment environment) {
        this.prod = environment.acceptsProfiles(Profiles.of("prod"));
    }

    /** The secret's bytes; {@code configured} is what configuration holds (possibly blank). */
    public byte[] require(String variable, String configured, String purpose, int minBytes) {
        if (configured != null && !configured.isBlank()) {
            byte[] bytes = decode(configured);
            if (bytes.length < minBytes) {
                throw new IllegalStateException(variable + " must hold at least " + minBytes
                        + " bytes (plain text, or base64:<value>); it holds " + bytes.length);
            }
            return bytes;
        }
        if (prod) {
            throw new MissingSecretException(variable, purpose);
        }
        log.warn("{} is not set: {} uses a random development secret that dies with this process."
                + " Set {} (see config/.env.example) to keep it stable across restarts and instances.", variable, purpose, variable);
        byte[] random = new byte[Math.max(32, minBytes)];
        RANDOM.nextBytes(random);
        return random;
    }

    /** {@code base64:...} is decoded; anything else is taken as its UTF-8 bytes (guessing would misread text). */
    private static byte[] decode(String value) {
        String trimmed = value.trim();
        if (trimmed.startsWith("base64:")) {
            return Base64.getDecoder().decode(trimmed.substring("base64:".length()));
        }
        return trimmed.getBytes(StandardCharsets.UTF_8);
    }
}
