package com.creatorcampaignpro.invitation;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * pending -> accepted (the influencer agrees: the rate becomes the agreed rate) | declined (the
 * influencer refuses) | withdrawn (the marketer takes it back) | expired (nobody answered in time).
 * Every status but pending is final.
 */
public enum InvitationStatus {
    PENDING, ACCEPTED, DECLINED, WITHDRAWN, EXPIRED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<InvitationStatus> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.dbValue().equalsIgnoreCase(value)).findFirst();
    }

    public Set<InvitationStatus> allowedNext() {
        return this == PENDING ? EnumSet.of(ACCEPTED, DECLINED, WITHDRAWN, EXPIRED) : EnumSet.noneOf(InvitationStatus.class);
    }

    public boolean canMoveTo(InvitationStatus next) {
        return allowedNext().contains(next);
    }

    /** Pending and accepted invitations are live: at most one per (campaign, influencer). */
    public boolean isLive() {
        return this == PENDING || this == ACCEPTED;
    }
}
