package com.creatorcampaignpro.content;

import java.util.Locale;
import java.util.Optional;

public enum ContentType {
    POST, STORY, REEL, VIDEO, SHORT, TWEET, LIVE;

    // Read for every row mapped and every value written (search pages, campaign lists): kept, not
    // rebuilt per call; parse() is a loop over them rather than a stream per call.
    private static final ContentType[] VALUES = values();
    private final String dbValue = name().toLowerCase(Locale.ROOT);

    public String dbValue() {
        return dbValue;
    }

    public static Optional<ContentType> parse(String value) {
        for (ContentType candidate : VALUES) {
            if (candidate.dbValue.equalsIgnoreCase(value)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
