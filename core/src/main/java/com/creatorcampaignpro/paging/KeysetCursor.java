package com.creatorcampaignpro.paging;

import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.validation.StorableValues;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * Position after the last row of a page ordered by (timestamp DESC, id DESC), encoded as an opaque
 * URL-safe token so clients don't build it themselves.
 */
public record KeysetCursor(Instant at, UUID id) {

    public String encode() {
        String raw = at.toString() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static KeysetCursor decode(String token, String field) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException("no separator");
            }
            Instant at = Instant.parse(raw.substring(0, bar));
            // A forged cursor may carry any instant; PostgreSQL refuses those outside its range.
            if (!StorableValues.isStorable(at)) {
                throw new IllegalArgumentException("out of range");
            }
            return new KeysetCursor(at, UUID.fromString(raw.substring(bar + 1)));
        } catch (IllegalArgumentException | DateTimeParseException malformed) {
            throw new ValidationException(field, "is not a cursor returned by this API");
        }
    }
}
