package com.creatorcampaignpro.paging;

import com.creatorcampaignpro.error.ValidationException;

/** A keyset page request: how many rows, and after which one. */
public record PageRequest(int limit, KeysetCursor after) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static PageRequest of(Integer limit, String after) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new ValidationException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(size, after == null || after.isBlank() ? null : KeysetCursor.decode(after, "after"));
    }

    /** Rows to fetch: one extra tells whether a next page exists without a count query. */
    public int fetchSize() {
        return limit + 1;
    }
}
