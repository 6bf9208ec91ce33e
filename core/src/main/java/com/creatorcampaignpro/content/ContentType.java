package com.creatorcampaignpro.content;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum ContentType {
    POST, STORY, REEL, VIDEO, SHORT, TWEET, LIVE;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ContentType> parse(String value) {
        return Arrays.stream(values()).filter(t -> t.dbValue().equalsIgnoreCase(value)).findFirst();
    }
}
