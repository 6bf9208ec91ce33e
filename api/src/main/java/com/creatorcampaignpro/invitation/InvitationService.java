package com.creatorcampaignpro.invitation;

import com.creatorcampaignpro.campaign.Campaign;
import com.creatorcampaignpro.campaign.CampaignDao;
import com.creatorcampaignpro.campaign.Deliverable;
import com.creatorcampaignpro.error.ConflictException;
import com.creatorcampaignpro.error.NotFoundException;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.influencer.InfluencerSearchDao;
import com.creatorcampaignpro.invitation.InvitationDtos.InvitationResponse;
import com.creatorcampaignpro.invitation.InvitationDtos.InviteRequest;
import com.creatorcampaignpro.money.Money;
import com.creatorcampaignpro.paging.KeysetCursor;
import com.creatorcampaignpro.paging.Page;
import com.creatorcampaignpro.paging.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import com.creatorcampaignpro.notification.Notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Invitations between a campaign's marketer and an influencer. Each side sees only its own: an
 * invitation of someone else is a 404, like a campaign of someone else.
 */
@Service
public class InvitationService {
    private final InvitationDao invitations;
    private final CampaignDao campaigns;
    private final InfluencerSearchDao influencers;
    private final InvitationProperties properties;
    private final Notifications notifications;
    private final Clock clock = Clock.systemUTC();

    public InvitationService(InvitationDao invitations, CampaignDao campaigns, InfluencerSearchDao influencers,
                             InvitationProperties properties, Notifications notifications) {
        this.invitations = invitations;
        this.campaigns = campaigns;
        this.influencers = influencers;
        this.properties = properties;
        this.notifications = notifications;
    }

    /** The invitation and whether this call created it (false: a retry answered with the existing one). */
    public record Invited(InvitationResponse invitation, boolean created) {
    }

    /**
     * Idempotent: inviting again while the invitation is live with the same terms answers the existing
     * one; different terms are a 409 (withdraw it first). The partial unique index settles races.
     */
    @Transactional
    public Invited invite(UUID marketerId, UUID campaignId, InviteRequest r) {
        Campaign campaign = campaigns.findOwned(campaignId, marketerId).orElseThrow(() -> new NotFoundException("campaign", campaignId));
        InvitationRules.checkCampaignOpen(campaign.status());
        List<Deliverable> deliverables = Deliverable.normalized(r.deliverables());
        String currency = r.currency() == null || r.currency().isBlank() ? campaign.currency() : r.currency().trim();
        String message = r.message() == null ? "" : r.message().trim();
        InvitationRules.validateProposal(r.rateAmount(), currency, campaign.budget(), message);
        influencers.findActive(r.influencerId()).orElseThrow(() -> new NotFoundException("influencer", r.influencerId()));

        invitations.expireOverdue(campaignId, r.influencerId());
        Instant expiresAt = clock.instant().plus(properties.ttl());
        var inserted = invitations.insertIfNoneLive(campaignId, r.influencerId(), Money.of(r.rateAmount(), currency),
                deliverables, message, expiresAt);
        if (inserted.isPresent()) {
            InvitationResponse created = toResponse(invitations.find(inserted.get()).orElseThrow());
            notifications.toUser(r.influencerId(), Notifications.INVITATION_RECEIVED, Map.of("invitationId", created.id(),
                    "campaignId", campaignId, "campaignName", campaign.name(), "rateAmount", created.rateAmount(),
                    "currency", created.currency()));
            return new Invited(created, true);
        }
        Invitation live = invitations.findLive(campaignId, r.influencerId()).orElseThrow(() -> new ConflictException(
                "invitation-exists", "another request changed this invitation at the same moment; retry"));
        boolean sameTerms = live.rate().equals(Money.of(r.rateAmount(), currency))
                && live.message().equals(message) && live.deliverables().equals(deliverables);
        if (!sameTerms) {
            throw new ConflictException("invitation-exists", "this influencer already has a " + live.status().dbValue()
                    + " invitation (" + live.id() + ") to this campaign with other terms"
                    + (live.status() == InvitationStatus.PENDING ? "; withdraw it first to propose new ones" : ""));
        }
        return new Invited(toResponse(live), false);
    }

    @Transactional
    public InvitationResponse accept(UUID influencerId, UUID id) {
        Invitation invitation = invitations.lockForInfluencer(id, influencerId).orElseThrow(() -> new NotFoundException("invitation", id));
        Campaign campaign = campaigns.find(invitation.campaignId()).orElseThrow(() -> new NotFoundException("invitation", id));
        InvitationRules.checkTransition(invitation, InvitationStatus.ACCEPTED, clock.instant());
        InvitationRules.checkCampaignOpen(campaign.status());
        invitations.close(id, InvitationStatus.ACCEPTED.dbValue(), null);
        notifications.toUser(campaign.marketerId(), Notifications.INVITATION_ACCEPTED, Map.of("invitationId", id,
                "campaignId", campaign.id(), "campaignName", campaign.name(), "influencerId", influencerId));
        return toResponse(invitations.find(id).orElseThrow());
    }

    @Transactional
    public InvitationResponse decline(UUID influencerId, UUID id, String reason) {
        Invitation invitation = invitations.lockForInfluencer(id, influencerId).orElseThrow(() -> new NotFoundException("invitation", id));
        InvitationRules.checkTransition(invitation, InvitationStatus.DECLINED, clock.instant());
        invitations.close(id, InvitationStatus.DECLINED.dbValue(), reason == null || reason.isBlank() ? null : reason.trim());
        return toResponse(invitations.find(id).orElseThrow());
    }

    @Transactional
    public InvitationResponse withdraw(UUID marketerId, UUID id) {
        Invitation invitation = invitations.lockForMarketer(id, marketerId).orElseThrow(() -> new NotFoundException("invitation", id));
        InvitationRules.checkTransition(invitation, InvitationStatus.WITHDRAWN, clock.instant());
        invitations.close(id, InvitationStatus.WITHDRAWN.dbValue(), null);
        return toResponse(invitations.find(id).orElseThrow());
    }

    public InvitationResponse get(UUID userId, UUID id) {
        return toResponse(invitations.findForParty(id, userId).orElseThrow(() -> new NotFoundException("invitation", id)));
    }

    /** The influencer's own invitations, or the invitations to the marketer's campaigns. */
    public Page<InvitationResponse> list(UUID userId, boolean asInfluencer, UUID campaignId, String status, PageRequest page) {
        String statusFilter = status == null || status.isBlank() ? null : InvitationStatus.parse(status.trim())
                .orElseThrow(() -> new ValidationException("status", "must be one of pending, accepted, declined, withdrawn, expired"))
                .dbValue();
        KeysetCursor after = page.after();
        List<Invitation> fetched = asInfluencer
                ? invitations.pageForInfluencer(userId, campaignId, statusFilter, after == null ? null : after.at(),
                        after == null ? null : after.id(), page.fetchSize())
                : invitations.pageForMarketer(userId, campaignId, statusFilter, after == null ? null : after.at(),
                        after == null ? null : after.id(), page.fetchSize());
        return Page.fromFetched(fetched, page, i -> new KeysetCursor(i.createdAt(), i.id())).map(this::toResponse);
    }

    public Page<InvitationResponse> listForCampaign(UUID marketerId, UUID campaignId, String status, PageRequest page) {
        campaigns.findOwned(campaignId, marketerId).orElseThrow(() -> new NotFoundException("campaign", campaignId));
        return list(marketerId, false, campaignId, status, page);
    }

    InvitationResponse toResponse(Invitation i) {
        return new InvitationResponse(i.id(), i.campaignId(), i.campaignName(), i.influencerId(), i.rate().minorUnits(),
                i.currency(), i.deliverables(), i.message(), i.status().dbValue(), i.responseNote(), i.expiresAt(),
                i.respondedAt(), i.createdAt(), i.updatedAt());
    }
}
