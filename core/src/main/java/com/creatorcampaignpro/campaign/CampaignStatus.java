package com.creatorcampaignpro.campaign;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** draft -> active -> paused -> completed | cancelled, as DESIGN.md draws it. */
public enum CampaignStatus {
    DRAFT, ACTIVE, PAUSED, COMPLETED, CANCELLED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CampaignStatus> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.dbValue().equalsIgnoreCase(value)).findFirst();
    }

    public Set<CampaignStatus> allowedNext() {
        return switch (this) {
            case DRAFT -> EnumSet.of(ACTIVE, CANCELLED);
            case ACTIVE -> EnumSet.of(PAUSED, COMPLETED, CANCELLED);
            case PAUSED -> EnumSet.of(ACTIVE, COMPLETED, CANCELLED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(CampaignStatus.class);
        };
    }

    public boolean canMoveTo(CampaignStatus next) {
        return this == next || allowedNext().contains(next);
    }

    public boolean isTerminal() {
        return allowedNext().isEmpty();
    }
}
