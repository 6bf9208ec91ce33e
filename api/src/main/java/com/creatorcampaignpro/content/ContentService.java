package com.creatorcampaignpro.content;

import com.creatorcampaignpro.audit.AuditLogDao;
import com.creatorcampaignpro.campaign.Campaign;
import com.creatorcampaignpro.campaign.CampaignDao;
import com.creatorcampaignpro.content.ContentDtos.ContentResponse;
import com.creatorcampaignpro.content.ContentDtos.PublishRequest;
import com.creatorcampaignpro.content.ContentDtos.SubmitRequest;
import com.creatorcampaignpro.content.ContentDtos.UpdateRequest;
import com.creatorcampaignpro.error.ConflictException;
import com.creatorcampaignpro.error.NotFoundException;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.invitation.Invitation;
import com.creatorcampaignpro.invitation.InvitationDao;
import com.creatorcampaignpro.invitation.InvitationStatus;
import com.creatorcampaignpro.paging.KeysetCursor;
import com.creatorcampaignpro.paging.Page;
import com.creatorcampaignpro.paging.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import com.creatorcampaignpro.notification.Notifications;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The content workflow. Influencers submit under an accepted invitation and edit while the content
 * is pending or changes were requested; the campaign's marketer reviews pending content; each
 * review and publication is written to audit_log in the same transaction as the change.
 */
@Service
public class ContentService {
    private final ContentDao contents;
    private final CampaignDao campaigns;
    private final InvitationDao invitations;
    private final AuditLogDao audit;
    private final JsonMapper json;
    private final Notifications notifications;

    public ContentService(ContentDao contents, CampaignDao campaigns, InvitationDao invitations, AuditLogDao audit,
                          JsonMapper json, Notifications notifications) {
        this.contents = contents;
        this.campaigns = campaigns;
        this.invitations = invitations;
        this.audit = audit;
        this.json = json;
        this.notifications = notifications;
    }

    public record Submitted(ContentResponse content, boolean created) {
    }

    /**
     * A campaign the influencer was never invited to does not exist for them (404); an invitation that
     * is not accepted (pending, declined, withdrawn, expired) is a 409. Submitting the same URL again
     * under the same invitation answers the existing content (a retry), or 409 if other fields differ.
     */
    @Transactional
    public Submitted submit(UUID influencerId, SubmitRequest r) {
        ContentDraft draft = ContentRules.draft(r.platform(), r.contentType(), r.title(), r.caption(), r.contentUrl(),
                r.mediaUrls(), r.deliverable());
        Invitation invitation = invitations.findLatest(r.campaignId(), influencerId)
                .orElseThrow(() -> new NotFoundException("campaign", r.campaignId()));
        if (invitation.status() != InvitationStatus.ACCEPTED) {
            throw new ConflictException("invitation-not-accepted", "your invitation to this campaign is "
                    + invitation.status().dbValue() + ": content can be submitted only under an accepted invitation");
        }
        Campaign campaign = campaigns.find(r.campaignId()).orElseThrow(() -> new NotFoundException("campaign", r.campaignId()));
        ContentRules.checkCampaignAcceptsContent(campaign.status());
        var inserted = contents.insert(campaign.id(), influencerId, invitation.id(), draft);
        if (inserted.isPresent()) {
            return new Submitted(toResponse(inserted.get()), true);
        }
        Content existing = contents.findLiveByUrl(invitation.id(), draft.contentUrl()).orElseThrow(() -> new ConflictException(
                "content-exists", "another request changed content with this URL at the same moment; retry"));
        if (!draftOf(existing).equals(draft)) {
            throw new ConflictException("content-exists", "content " + existing.id() + " with this contentUrl is already "
                    + existing.status().dbValue() + " under this invitation; edit it with PUT /api/content/" + existing.id());
        }
        return new Submitted(toResponse(existing), false);
    }

    public ContentResponse get(UUID userId, UUID id) {
        return toResponse(contents.findForParty(id, userId).orElseThrow(() -> new NotFoundException("content", id)));
    }

    /** Replaces the editable fields; content that had changes requested goes back to pending for review. */
    @Transactional
    public ContentResponse update(UUID influencerId, UUID id, UpdateRequest r) {
        Content current = contents.lockForInfluencer(id, influencerId).orElseThrow(() -> new NotFoundException("content", id));
        ContentDraft draft = ContentRules.draft(r.platform(), r.contentType(), r.title(), r.caption(), r.contentUrl(),
                r.mediaUrls(), r.deliverable());
        ContentRules.checkEditable(current.status());
        Campaign campaign = campaigns.find(current.campaignId()).orElseThrow(() -> new NotFoundException("content", id));
        ContentRules.checkCampaignAcceptsContent(campaign.status());
        if (current.invitationId() != null) {
            contents.findLiveByUrl(current.invitationId(), draft.contentUrl())
                    .filter(other -> !other.id().equals(id))
                    .ifPresent(other -> {
                        throw new ConflictException("content-exists", "content " + other.id() + " already uses this contentUrl");
                    });
        }
        return toResponse(contents.resubmit(id, draft));
    }

    /** approve, reject or request changes: the campaign's marketer only, pending content only. */
    @Transactional
    public ContentResponse review(UUID marketerId, UUID id, ContentStatus verdict, String feedback) {
        Content current = contents.lockForMarketer(id, marketerId).orElseThrow(() -> new NotFoundException("content", id));
        String cleanFeedback = ContentRules.checkReview(current.status(), verdict, feedback);
        Content reviewed = contents.review(id, verdict.dbValue(), cleanFeedback, marketerId);
        Map<String, Object> details = details(current, verdict);
        details.put("feedback", cleanFeedback);
        audit.record(marketerId, "content." + switch (verdict) {
            case APPROVED -> "approve";
            case REJECTED -> "reject";
            case CHANGES_REQUESTED -> "request_changes";
            default -> throw new IllegalArgumentException(verdict.name());
        }, "content", id.toString(), json.writeValueAsString(details));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("contentId", id);
        event.put("campaignId", current.campaignId());
        event.put("title", current.title());
        event.put("feedback", cleanFeedback);
        notifications.toUser(current.influencerId(), switch (verdict) {
            case APPROVED -> Notifications.CONTENT_APPROVED;
            case REJECTED -> Notifications.CONTENT_REJECTED;
            default -> Notifications.CONTENT_CHANGES_REQUESTED;
        }, event);
        return toResponse(reviewed);
    }

    /**
     * The influencer reports approved content live. Reporting the same media again answers the
     * published content unchanged (a retry); the media id must not belong to other content.
     */
    @Transactional
    public ContentResponse publish(UUID influencerId, UUID id, PublishRequest r) {
        String mediaId = ContentRules.platformMediaId(r == null ? null : r.platformMediaId());
        String liveUrl = ContentRules.optionalWebUrl("liveUrl", r == null ? null : r.liveUrl());
        Content current = contents.lockForInfluencer(id, influencerId).orElseThrow(() -> new NotFoundException("content", id));
        if (current.status() == ContentStatus.PUBLISHED && mediaId.equals(current.platformMediaId())) {
            return toResponse(current);
        }
        ContentRules.checkTransition(current.status(), ContentStatus.PUBLISHED);
        if (contents.mediaClaimedByOther(current.platform().dbValue(), mediaId, id)) {
            throw new ConflictException("media-claimed", "platformMediaId " + mediaId + " on " + current.platform().dbValue()
                    + " already belongs to other content");
        }
        Content published = contents.publish(id, mediaId, liveUrl);
        Map<String, Object> details = details(current, ContentStatus.PUBLISHED);
        details.put("platformMediaId", mediaId);
        audit.record(influencerId, "content.publish", "content", id.toString(), json.writeValueAsString(details));
        return toResponse(published);
    }

    /** The influencer's own content, or the content of the marketer's campaigns, newest first. */
    public Page<ContentResponse> list(UUID userId, boolean asInfluencer, UUID campaignId, String status, PageRequest page) {
        String statusFilter = status == null || status.isBlank() ? null : ContentStatus.parse(status.trim())
                .orElseThrow(() -> new ValidationException("status",
                        "must be one of pending, approved, rejected, changes_requested, published"))
                .dbValue();
        KeysetCursor after = page.after();
        List<Content> fetched = asInfluencer
                ? contents.pageForInfluencer(userId, campaignId, statusFilter, after == null ? null : after.at(),
                        after == null ? null : after.id(), page.fetchSize())
                : contents.pageForMarketer(userId, campaignId, statusFilter, after == null ? null : after.at(),
                        after == null ? null : after.id(), page.fetchSize());
        return Page.fromFetched(fetched, page, c -> new KeysetCursor(c.createdAt(), c.id())).map(ContentService::toResponse);
    }

    private static Map<String, Object> details(Content current, ContentStatus to) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("campaignId", current.campaignId().toString());
        details.put("influencerId", current.influencerId().toString());
        details.put("from", current.status().dbValue());
        details.put("to", to.dbValue());
        return details;
    }

    private static ContentDraft draftOf(Content c) {
        return new ContentDraft(c.platform(), c.contentType(), c.title(), c.caption(), c.contentUrl(),
                List.copyOf(c.mediaUrls()), c.deliverable());
    }

    static ContentResponse toResponse(Content c) {
        return new ContentResponse(c.id(), c.campaignId(), c.influencerId(), c.invitationId(), c.platform().dbValue(),
                c.contentType().dbValue(), c.title(), c.caption(), c.contentUrl(), c.mediaUrls(), c.platformMediaId(),
                c.deliverable(), c.status().dbValue(), c.feedback(), c.submittedAt(), c.reviewedBy(), c.reviewedAt(),
                c.publishedAt(), c.createdAt(), c.updatedAt());
    }
}
