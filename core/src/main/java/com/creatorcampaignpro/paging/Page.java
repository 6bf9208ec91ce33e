package com.creatorcampaignpro.paging;

import java.util.List;
import java.util.function.Function;

/** One page of rows and the cursor of the next page (null on the last page). */
public record Page<T>(List<T> items, String nextCursor) {

    /** Builds a page from {@code limit + 1} fetched rows. */
    public static <T> Page<T> fromFetched(List<T> fetched, PageRequest request, Function<T, KeysetCursor> cursorOf) {
        if (fetched.size() <= request.limit()) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, request.limit());
        return new Page<>(List.copyOf(items), cursorOf.apply(items.get(items.size() - 1)).encode());
    }

    /** As above for any cursor type: {@code tokenOf} encodes the position after a row. */
    public static <T> Page<T> fromFetched(List<T> fetched, int limit, Function<T, String> tokenOf) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = List.copyOf(fetched.subList(0, limit));
        return new Page<>(items, tokenOf.apply(items.get(items.size() - 1)));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
