package com.creatorcampaignpro.paging;

import com.creatorcampaignpro.error.ValidationException;

/** A keyset page request: how many rows, and after which one. */
public record PageRequest(int limit, KeysetCursor after) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static PageRequest of(Integer limit, String after) {
        return new PageRequest(checkedLimit(limit), after == null || after.isBlank() ? null : KeysetCursor.decode(after, "after"));
    }

    /** The page size asked for, or the default; outside 1..MAX_LIMIT is a 400 naming {@code limit}. */
    public static int checkedLimit(Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new ValidationException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return size;
    }

    /** Rows to fetch: one extra tells whether a next page exists without a count query. */
    public int fetchSize() {
        return limit + 1;
    }
}
