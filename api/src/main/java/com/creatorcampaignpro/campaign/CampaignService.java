package com.creatorcampaignpro.campaign;

import com.creatorcampaignpro.campaign.CampaignDtos.CampaignRequest;
import com.creatorcampaignpro.campaign.CampaignDtos.CampaignResponse;
import com.creatorcampaignpro.error.ConflictException;
import com.creatorcampaignpro.error.NotFoundException;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.influencer.InfluencerRules;
import com.creatorcampaignpro.money.MoneyProperties;
import com.creatorcampaignpro.paging.KeysetCursor;
import com.creatorcampaignpro.paging.Page;
import com.creatorcampaignpro.paging.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/** Marketers' campaigns. Every read and write is scoped to the owner: others' campaigns do not exist. */
@Service
public class CampaignService {
    private final CampaignDao campaigns;
    private final MoneyProperties money;

    public CampaignService(CampaignDao campaigns, MoneyProperties money) {
        this.campaigns = campaigns;
        this.money = money;
    }

    @Transactional
    public CampaignResponse create(UUID marketerId, CampaignRequest request) {
        CampaignStatus status = request.status() == null ? CampaignStatus.DRAFT : parseStatus(request.status());
        if (status != CampaignStatus.DRAFT && status != CampaignStatus.ACTIVE) {
            throw new ValidationException("status", "a new campaign starts as draft or active");
        }
        String currency = request.currency() == null ? money.defaultCurrency() : request.currency();
        Campaign campaign = CampaignRules.normalized(toCampaign(null, marketerId, status, 0, currency, request));
        return toResponse(campaigns.insert(campaign));
    }

    public CampaignResponse get(UUID marketerId, UUID id) {
        return toResponse(owned(marketerId, id));
    }

    public Page<CampaignResponse> list(UUID marketerId, String status, PageRequest page) {
        String statusFilter = status == null ? null : parseStatus(status).dbValue();
        KeysetCursor after = page.after();
        List<Campaign> fetched = campaigns.pageOwned(marketerId, statusFilter, after == null ? null : after.at(),
                after == null ? null : after.id(), page.fetchSize());
        return Page.fromFetched(fetched, page, c -> new KeysetCursor(c.createdAt(), c.id())).map(this::toResponse);
    }

    /** Replaces the editable fields; a status change must follow the status machine (else 409). */
    @Transactional
    public CampaignResponse update(UUID marketerId, UUID id, CampaignRequest request) {
        Campaign current = campaigns.lockOwned(id, marketerId).orElseThrow(() -> new NotFoundException("campaign", id));
        CampaignStatus next = request.status() == null ? current.status() : parseStatus(request.status());
        CampaignRules.checkTransition(current.status(), next);
        if (current.status().isTerminal()) {
            throw new ConflictException("campaign-closed", "campaign is " + current.status().dbValue() + " and can no longer be edited");
        }
        // Omitted: the currency stays (it is not a field to reset to a default).
        String currency = request.currency() == null ? current.currency() : request.currency();
        if (!currency.equals(current.currency())) {
            // The row lock above keeps invitations out until commit; V170's triggers hold it for any writer.
            if (current.spent().isPositive() || campaigns.hasInvitations(id)) {
                throw new ConflictException("currency-locked", "currency", "the currency stays " + current.currency()
                        + " once the campaign has an invitation or has spent money");
            }
        }
        Campaign updated = CampaignRules.normalized(toCampaign(id, marketerId, next, current.spent().minorUnits(), currency, request));
        return toResponse(campaigns.update(updated));
    }

    @Transactional
    public void delete(UUID marketerId, UUID id) {
        Campaign current = campaigns.lockOwned(id, marketerId).orElseThrow(() -> new NotFoundException("campaign", id));
        CampaignRules.checkDeletable(current.status());
        campaigns.delete(id, marketerId);
    }

    private Campaign owned(UUID marketerId, UUID id) {
        return campaigns.findOwned(id, marketerId).orElseThrow(() -> new NotFoundException("campaign", id));
    }

    private static CampaignStatus parseStatus(String value) {
        return CampaignStatus.parse(value).orElseThrow(() -> new ValidationException("status",
                "must be one of draft, active, paused, completed, cancelled"));
    }

    private static Campaign toCampaign(UUID id, UUID marketerId, CampaignStatus status, long spent, String currency,
                                       CampaignRequest r) {
        return new Campaign(id, marketerId, r.name().trim(), orEmpty(r.description()), orEmpty(r.objectives()), status,
                CampaignRules.money(r.budget(), currency), CampaignRules.money(spent, currency), r.startDate(), r.endDate(),
                InfluencerRules.normalizedTags(r.targetCategories()), InfluencerRules.normalizedTags(r.targetLanguages()), orEmpty(r.targetCountries()),
                InfluencerRules.normalizedTags(r.targetPlatforms()), r.minFollowers(), r.maxFollowers(), r.minEngagementRate(),
                r.targetAudience(), r.deliverables(), null, null);
    }

    CampaignResponse toResponse(Campaign c) {
        return new CampaignResponse(c.id(), c.name(), c.description(), c.objectives(), c.status().dbValue(),
                c.budget().minorUnits(), c.spent().minorUnits(), c.currency(), c.startDate(), c.endDate(), c.targetCategories(), c.targetLanguages(),
                c.targetCountries(), c.targetPlatforms(), c.minFollowers(), c.maxFollowers(), c.minEngagementRate(),
                c.targetAudience(), c.deliverables(), c.createdAt(), c.updatedAt());
    }


    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
