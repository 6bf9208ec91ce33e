package com.creatorcampaignpro.user;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a user registered as; staff roles come on top (see {@link StaffRole}). */
public enum UserType {
    MARKETER, INFLUENCER;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<UserType> parse(String value) {
        return Arrays.stream(values()).filter(t -> t.dbValue().equalsIgnoreCase(value)).findFirst();
    }
}
