package com.creatorcampaignpro.campaign;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** draft -> active -> paused -> completed | cancelled, as DESIGN.md draws it. */
public enum CampaignStatus {
    DRAFT, ACTIVE, PAUSED, COMPLETED, CANCELLED;

    // Read for every row mapped and every value written (search pages, campaign lists): kept, not
    // rebuilt per call; parse() is a loop over them rather than a stream per call.
    private static final CampaignStatus[] VALUES = values();
    private final String dbValue = name().toLowerCase(Locale.ROOT);

    public String dbValue() {
        return dbValue;
    }

    public static Optional<CampaignStatus> parse(String value) {
        for (CampaignStatus candidate : VALUES) {
            if (candidate.dbValue.equalsIgnoreCase(value)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
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
