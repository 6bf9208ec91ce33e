package com.creatorcampaignpro.influencer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum Availability {
    AVAILABLE, BUSY, UNAVAILABLE;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Availability> parse(String value) {
        return Arrays.stream(values()).filter(a -> a.dbValue().equalsIgnoreCase(value)).findFirst();
    }
}
