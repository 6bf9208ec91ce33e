package com.creatorcampaignpro.campaign;

import com.creatorcampaignpro.content.ContentType;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.error.ValidationException.FieldViolation;
import com.creatorcampaignpro.social.Platform;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One deliverable a campaign or an invitation asks for, e.g. 2 Instagram reels by a date.
 * Platform and content type are stored as their lower-case words (the JSON the seed's frontend sends).
 */
public record Deliverable(String platform, String contentType, Integer quantity, LocalDate dueDate, String description) {
    public static final int MAX_DELIVERABLES = 100;
    public static final int MAX_QUANTITY = 1000;
    public static final int MAX_DESCRIPTION = 2000;

    /** Checks each deliverable (400 naming {@code deliverables[i].<field>}) and returns them normalized. */
    public static List<Deliverable> normalized(List<Deliverable> deliverables) {
        List<FieldViolation> violations = new ArrayList<>();
        List<Deliverable> out = normalized("deliverables", deliverables, violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return out;
    }

    /**
     * As {@link #normalized(List)}, adding violations under {@code field} to {@code violations} instead of
     * throwing, so a caller can report them together with its own. Null means none.
     */
    public static List<Deliverable> normalized(String field, List<Deliverable> deliverables, List<FieldViolation> violations) {
        if (deliverables == null) {
            return List.of();
        }
        if (deliverables.size() > MAX_DELIVERABLES) {
            violations.add(new FieldViolation(field, "must list at most " + MAX_DELIVERABLES + " deliverables"));
            return List.of();
        }
        List<Deliverable> out = new ArrayList<>();
        for (int i = 0; i < deliverables.size(); i++) {
            String at = field + "[" + i + "]";
            Deliverable d = deliverables.get(i);
            if (d == null) {
                violations.add(new FieldViolation(at, "must not be null"));
                continue;
            }
            Platform platform = d.platform() == null ? null : Platform.parse(d.platform().trim()).orElse(null);
            if (platform == null) {
                violations.add(new FieldViolation(at + ".platform", "must be one of instagram, youtube, tiktok, twitter"));
            }
            ContentType type = d.contentType() == null ? null : ContentType.parse(d.contentType().trim()).orElse(null);
            if (type == null) {
                violations.add(new FieldViolation(at + ".contentType",
                        "must be one of post, story, reel, video, short, tweet, live"));
            }
            if (d.quantity() == null || d.quantity() < 1 || d.quantity() > MAX_QUANTITY) {
                violations.add(new FieldViolation(at + ".quantity", "must be between 1 and " + MAX_QUANTITY));
            }
            String description = d.description() == null || d.description().isBlank() ? null : d.description().trim();
            if (description != null && description.length() > MAX_DESCRIPTION) {
                violations.add(new FieldViolation(at + ".description", "must be at most " + MAX_DESCRIPTION + " characters"));
            }
            if (platform != null && type != null) {
                out.add(new Deliverable(platform.dbValue(), type.dbValue(), d.quantity(), d.dueDate(), description));
            }
        }
        return out;
    }
}
