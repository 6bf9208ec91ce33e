package com.creatorcampaignpro.content;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * DESIGN.md's machine: pending -> approved | rejected | changes_requested (the marketer's review),
 * approved -> published (the influencer reports it live), changes_requested -> pending (the
 * influencer resubmits). Rejected and published are final.
 */
public enum ContentStatus {
    PENDING, APPROVED, REJECTED, CHANGES_REQUESTED, PUBLISHED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ContentStatus> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.dbValue().equalsIgnoreCase(value)).findFirst();
    }

    public Set<ContentStatus> allowedNext() {
        return switch (this) {
            case PENDING -> EnumSet.of(APPROVED, REJECTED, CHANGES_REQUESTED);
            case APPROVED -> EnumSet.of(PUBLISHED);
            case CHANGES_REQUESTED -> EnumSet.of(PENDING);
            case REJECTED, PUBLISHED -> EnumSet.noneOf(ContentStatus.class);
        };
    }

    public boolean canMoveTo(ContentStatus next) {
        return allowedNext().contains(next);
    }

    /** The influencer may still change the submission: before any verdict, or when asked to. */
    public boolean isEditable() {
        return this == PENDING || this == CHANGES_REQUESTED;
    }
}
