package com.creatorcampaignpro.user;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum StaffRole {
    OPERATOR, FINANCE, ADMIN;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StaffRole> parse(String value) {
        return Arrays.stream(values()).filter(r -> r.dbValue().equalsIgnoreCase(value)).findFirst();
    }
}
