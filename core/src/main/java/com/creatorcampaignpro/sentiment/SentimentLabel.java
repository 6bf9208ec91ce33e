package com.creatorcampaignpro.sentiment;

import java.util.Locale;

public enum SentimentLabel {
    POSITIVE, NEUTRAL, NEGATIVE;

    public String jsonValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
