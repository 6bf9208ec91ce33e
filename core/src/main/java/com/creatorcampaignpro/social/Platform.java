package com.creatorcampaignpro.social;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum Platform {
    INSTAGRAM, YOUTUBE, TIKTOK, TWITTER;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Platform> parse(String value) {
        return Arrays.stream(values()).filter(p -> p.dbValue().equalsIgnoreCase(value)).findFirst();
    }
}
