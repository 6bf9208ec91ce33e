package com.creatorcampaignpro.content;

import com.creatorcampaignpro.campaign.CampaignStatus;
import com.creatorcampaignpro.error.ConflictException;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.error.ValidationException.FieldViolation;
import com.creatorcampaignpro.social.Platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Submission, review and publication rules for content. */
public final class ContentRules {
    public static final int MAX_URL = 2000;
    public static final int MAX_MEDIA = 20;

    private ContentRules() {
    }

    /** Validates a submission or resubmission; every violation names its field. */
    public static ContentDraft draft(String platform, String contentType, String title, String caption,
                                     String contentUrl, List<String> mediaUrls, String deliverable) {
        List<FieldViolation> violations = new ArrayList<>();
        Platform p = platform == null ? null : Platform.parse(platform.trim()).orElse(null);
        if (p == null) {
            violations.add(new FieldViolation("platform", "must be one of instagram, youtube, tiktok, twitter"));
        }
        ContentType t = contentType == null ? null : ContentType.parse(contentType.trim()).orElse(null);
        if (t == null) {
            violations.add(new FieldViolation("contentType", "must be one of post, story, reel, video, short, tweet, live"));
        }
        String cleanTitle = title == null ? "" : title.trim();
        if (cleanTitle.length() > 300) {
            violations.add(new FieldViolation("title", "must be at most 300 characters"));
        }
        String cleanCaption = caption == null ? "" : caption;
        if (cleanCaption.length() > 10_000) {
            violations.add(new FieldViolation("caption", "must be at most 10000 characters"));
        }
        String url = contentUrl == null ? null : contentUrl.trim();
        if (url == null || url.isEmpty()) {
            violations.add(new FieldViolation("contentUrl", "is required: where the marketer can see the draft"));
        } else if (!isWebUrl(url)) {
            violations.add(new FieldViolation("contentUrl", "must be an http(s) URL of at most " + MAX_URL + " characters"));
        }
        List<String> media = mediaUrls == null ? List.of() : mediaUrls;
        if (media.size() > MAX_MEDIA) {
            violations.add(new FieldViolation("mediaUrls", "must list at most " + MAX_MEDIA + " URLs"));
        }
        for (int i = 0; i < media.size(); i++) {
            if (media.get(i) == null || !isWebUrl(media.get(i).trim())) {
                violations.add(new FieldViolation("mediaUrls[" + i + "]", "must be an http(s) URL of at most " + MAX_URL + " characters"));
            }
        }
        String cleanDeliverable = deliverable == null || deliverable.isBlank() ? null : deliverable.trim();
        if (cleanDeliverable != null && cleanDeliverable.length() > 200) {
            violations.add(new FieldViolation("deliverable", "must be at most 200 characters"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return new ContentDraft(p, t, cleanTitle, cleanCaption, url, media.stream().map(String::trim).toList(), cleanDeliverable);
    }

    /** Content is submitted only to a running campaign: not to a draft, paused or closed one. */
    public static void checkCampaignAcceptsContent(CampaignStatus status) {
        if (status != CampaignStatus.ACTIVE) {
            throw new ConflictException("campaign-not-active", "the campaign is " + status.dbValue()
                    + ": content is accepted only while it is active");
        }
    }

    /** The influencer edits a submission only before the verdict or when changes were requested. */
    public static void checkEditable(ContentStatus status) {
        if (!status.isEditable()) {
            throw new ConflictException("content-locked", "content is " + status.dbValue()
                    + ": it can be edited only while pending or changes_requested");
        }
    }

    /** A review (approve, reject, request changes) moves pending content; reject and request changes say why. */
    public static String checkReview(ContentStatus from, ContentStatus to, String feedback) {
        if (to != ContentStatus.APPROVED && to != ContentStatus.REJECTED && to != ContentStatus.CHANGES_REQUESTED) {
            throw new IllegalArgumentException("not a review verdict: " + to);
        }
        String clean = feedback == null || feedback.isBlank() ? null : feedback.trim();
        if (to != ContentStatus.APPROVED && clean == null) {
            throw new ValidationException("feedback", "is required to " + (to == ContentStatus.REJECTED ? "reject" : "request changes")
                    + ": tell the influencer why");
        }
        if (clean != null && clean.length() > 5000) {
            throw new ValidationException("feedback", "must be at most 5000 characters");
        }
        checkTransition(from, to);
        return clean;
    }

    public static void checkTransition(ContentStatus from, ContentStatus to) {
        if (!from.canMoveTo(to)) {
            throw new ConflictException("illegal-status-transition", "content cannot move from " + from.dbValue()
                    + " to " + to.dbValue() + (from.allowedNext().isEmpty() ? " (" + from.dbValue() + " is final)"
                    : "; allowed: " + from.allowedNext().stream().map(ContentStatus::dbValue).toList()));
        }
    }

    /** The platform's own id of the published media, which the social sync matches metrics on. */
    public static String platformMediaId(String value) {
        String clean = value == null ? null : value.trim();
        if (clean == null || clean.isEmpty()) {
            throw new ValidationException("platformMediaId", "is required: the platform's id of the published post");
        }
        if (clean.length() > 200 || !clean.matches("[A-Za-z0-9_\\-:.]+")) {
            throw new ValidationException("platformMediaId", "must be 1-200 letters, digits or _ - : .");
        }
        return clean;
    }

    /** An optional http(s) URL: null or blank is none; anything else must be one (400 naming {@code field}). */
    public static String optionalWebUrl(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String clean = value.trim();
        if (!isWebUrl(clean)) {
            throw new ValidationException(field, "must be an http(s) URL of at most " + MAX_URL + " characters");
        }
        return clean;
    }

    static boolean isWebUrl(String value) {
        if (value.isEmpty() || value.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
