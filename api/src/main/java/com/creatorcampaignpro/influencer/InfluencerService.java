package com.creatorcampaignpro.influencer;

import com.creatorcampaignpro.content.ContentType;
import com.creatorcampaignpro.error.NotFoundException;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.error.ValidationException.FieldViolation;
import com.creatorcampaignpro.influencer.InfluencerDtos.InfluencerDetail;
import com.creatorcampaignpro.influencer.InfluencerDtos.InfluencerSummary;
import com.creatorcampaignpro.influencer.InfluencerDtos.ProfileRequest;
import com.creatorcampaignpro.influencer.InfluencerDtos.Rate;
import com.creatorcampaignpro.influencer.InfluencerDtos.RateRequest;
import com.creatorcampaignpro.influencer.InfluencerDtos.RatesResponse;
import com.creatorcampaignpro.influencer.InfluencerDtos.SocialAccountMetrics;
import com.creatorcampaignpro.money.Money;
import com.creatorcampaignpro.paging.Page;
import com.creatorcampaignpro.paging.RankCursor;
import com.creatorcampaignpro.social.Platform;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The influencer directory (search, public profiles) and influencers' own profile and rates. */
@Service
public class InfluencerService {
    private final InfluencerSearchDao search;
    private final InfluencerProfileDao profiles;
    private final ContentRateDao rates;
    private final JsonMapper json;

    public InfluencerService(InfluencerSearchDao search, InfluencerProfileDao profiles, ContentRateDao rates, JsonMapper json) {
        this.search = search;
        this.profiles = profiles;
        this.rates = rates;
        this.json = json;
    }

    /**
     * One statement per page (the profiles with their social accounts), so no transaction: a single
     * statement sees one snapshot, and a read-only transaction would only add a COMMIT round trip.
     */
    public Page<InfluencerSummary> search(InfluencerSearch criteria) {
        List<InfluencerSearchDao.Hit> fetched = search.search(criteria);
        Page<InfluencerSearchDao.Hit> page = Page.fromFetched(fetched, criteria.limit(), hit -> new RankCursor(
                criteria.sort().paramValue(), InfluencerSearchDao.sortValue(hit.profile(), criteria.sort()),
                hit.profile().userId()).encode());
        return page.map(hit -> summary(hit.profile(), hit.accounts().stream().map(InfluencerService::metrics).toList()));
    }

    // The profile's totals are derived from its accounts' metrics, read by a second statement:
    // REPEATABLE READ gives the three statements one snapshot (READ COMMITTED gives each its own).
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public InfluencerDetail get(UUID id) {
        InfluencerProfile p = search.findActive(id).orElseThrow(() -> new NotFoundException("influencer", id));
        return detail(p);
    }

    public RatesResponse rates(UUID id) {
        search.findActive(id).orElseThrow(() -> new NotFoundException("influencer", id));
        return new RatesResponse(id, rates.list(id).stream().map(InfluencerService::rate).toList());
    }

    @Transactional
    public InfluencerDetail updateOwn(UUID influencerId, ProfileRequest r) {
        Availability availability = null;
        if (r.availability() != null) {
            availability = Availability.parse(r.availability().trim()).orElseThrow(() -> new ValidationException(
                    "availability", "must be one of available, busy, unavailable"));
        }
        ProfileUpdate u = InfluencerRules.normalize(new ProfileUpdate(r.displayName(), r.bio(), r.categories(),
                r.languages(), r.location(), r.country(), availability));
        InfluencerProfile saved = profiles.upsertOwn(influencerId, u.displayName(), u.bio(),
                u.categories().toArray(String[]::new), u.languages().toArray(String[]::new), u.location(), u.country(),
                u.availability().dbValue());
        return detail(saved);
    }

    /** Upserts each listed rate; rates not listed stay as they are. */
    @Transactional
    public RatesResponse upsertOwnRates(UUID influencerId, List<RateRequest> requested) {
        List<FieldViolation> violations = new ArrayList<>();
        List<ContentRate> parsed = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            RateRequest r = requested.get(i);
            Platform platform = Platform.parse(r.platform().trim()).orElse(null);
            if (platform == null) {
                violations.add(new FieldViolation("rates[" + i + "].platform", "must be one of instagram, youtube, tiktok, twitter"));
            }
            ContentType type = ContentType.parse(r.contentType().trim()).orElse(null);
            if (type == null) {
                violations.add(new FieldViolation("rates[" + i + "].contentType",
                        "must be one of post, story, reel, video, short, tweet, live"));
            }
            String currency = r.currency().trim();
            if (!Money.isIsoCurrency(currency)) {
                violations.add(new FieldViolation("rates[" + i + "].currency", "must be an ISO-4217 code such as USD"));
                currency = "XXX"; // ISO "no currency": keeps the index so the amount check still names rates[i]; never saved
            }
            parsed.add(new ContentRate(platform, type, Money.of(r.amount(), currency), null));
        }
        try {
            InfluencerRules.validateRates(parsed);
        } catch (ValidationException e) {
            violations.addAll(e.violations());
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        List<ContentRate> saved = rates.upsertAll(influencerId, parsed);
        return new RatesResponse(influencerId, saved.stream().map(InfluencerService::rate).toList());
    }

    private InfluencerDetail detail(InfluencerProfile p) {
        List<SocialAccountMetrics> accounts = search.metricsOf(new UUID[]{p.userId()}).stream()
                .map(InfluencerService::metrics).toList();
        List<Rate> rateList = rates.list(p.userId()).stream().map(InfluencerService::rate).toList();
        return new InfluencerDetail(p.userId(), p.displayName(), p.bio(), p.categories(), p.languages(), p.location(),
                p.country(), p.totalFollowers(), p.avgEngagementRate(), p.avgViews(), p.rating(), p.completedCampaigns(),
                p.availability(), p.verified(), p.metricsAsOf(),
                json.readValue(p.audience(), new TypeReference<Map<String, Object>>() { }),
                accounts, rateList, p.createdAt(), p.updatedAt());
    }

    private static InfluencerSummary summary(InfluencerProfile p, List<SocialAccountMetrics> accounts) {
        return new InfluencerSummary(p.userId(), p.displayName(), p.bio(), p.categories(), p.languages(), p.location(),
                p.country(), p.totalFollowers(), p.avgEngagementRate(), p.avgViews(), p.rating(), p.completedCampaigns(),
                p.availability(), p.verified(), p.metricsAsOf(), accounts);
    }

    private static SocialAccountMetrics metrics(SocialMetrics m) {
        return new SocialAccountMetrics(m.platform().dbValue(), m.username(), m.profileUrl(), m.followers(),
                m.engagementRate(), m.avgViews(), m.status(), m.asOf());
    }

    private static Rate rate(ContentRate r) {
        return new Rate(r.platform().dbValue(), r.contentType().dbValue(), r.rate().minorUnits(), r.rate().currency(),
                r.updatedAt());
    }
}
