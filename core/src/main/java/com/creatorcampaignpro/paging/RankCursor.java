package com.creatorcampaignpro.paging;

import com.creatorcampaignpro.error.ValidationException;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Position after the last row of a page ordered by (numeric key DESC, id DESC), e.g. influencers by
 * followers. The key is not unique, so the id breaks ties. The cursor also names its sort: a cursor
 * from a page sorted by followers means nothing to a page sorted by rating, and is refused.
 */
public record RankCursor(String sort, BigDecimal value, UUID id) {

    public String encode() {
        String raw = sort + "|" + value.toPlainString() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a token for a page sorted by {@code expectedSort}; anything else is a 400 naming {@code field}. */
    public static RankCursor decode(String token, String field, String expectedSort) {
        RankCursor cursor;
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("not three parts");
            }
            cursor = new RankCursor(parts[0], new BigDecimal(parts[1]), UUID.fromString(parts[2]));
            // Sort keys are counts and ratings: a forged 1E+200000 would overflow PostgreSQL's numeric.
            if (cursor.value().precision() - cursor.value().scale() > 30 || cursor.value().scale() > 30) {
                throw new IllegalArgumentException("out of range");
            }
        } catch (IllegalArgumentException malformed) {   // NumberFormatException is one too
            throw new ValidationException(field, "is not a cursor returned by this API");
        }
        if (!cursor.sort().equals(expectedSort)) {
            throw new ValidationException(field, "belongs to a page sorted by " + cursor.sort()
                    + ", not " + expectedSort + "; start again without it");
        }
        return cursor;
    }
}
