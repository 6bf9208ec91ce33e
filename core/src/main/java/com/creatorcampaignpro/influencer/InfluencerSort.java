package com.creatorcampaignpro.influencer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Orders of the influencer search, always highest first; ties are broken by id. */
public enum InfluencerSort {
    FOLLOWERS, ENGAGEMENT, RATING;

    public String paramValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<InfluencerSort> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.paramValue().equalsIgnoreCase(value)).findFirst();
    }
}
