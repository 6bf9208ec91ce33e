package com.creatorcampaignpro.social;

import java.util.Locale;
import java.util.Optional;

public enum Platform {
    INSTAGRAM, YOUTUBE, TIKTOK, TWITTER;

    // Read for every row mapped and every value written (search pages, campaign lists): kept, not
    // rebuilt per call; parse() is a loop over them rather than a stream per call.
    private static final Platform[] VALUES = values();
    private final String dbValue = name().toLowerCase(Locale.ROOT);

    public String dbValue() {
        return dbValue;
    }

    public static Optional<Platform> parse(String value) {
        for (Platform candidate : VALUES) {
            if (candidate.dbValue.equalsIgnoreCase(value)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
