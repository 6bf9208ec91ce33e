package com.creatorcampaignpro.influencer;

import com.creatorcampaignpro.influencer.InfluencerDtos.InfluencerDetail;
import com.creatorcampaignpro.influencer.InfluencerDtos.InfluencerPage;
import com.creatorcampaignpro.influencer.InfluencerDtos.InfluencerSummary;
import com.creatorcampaignpro.influencer.InfluencerDtos.ProfileRequest;
import com.creatorcampaignpro.influencer.InfluencerDtos.RatesRequest;
import com.creatorcampaignpro.influencer.InfluencerDtos.RatesResponse;
import com.creatorcampaignpro.paging.Page;
import com.creatorcampaignpro.web.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Marketers (and admins) search the directory; any signed-in user reads a public profile and its
 * rates (an influencer sees how peers present themselves); influencers edit only their own.
 */
@RestController
@RequestMapping("/api/influencers")
@Tag(name = "influencers")
class InfluencerController {
    private final InfluencerService influencers;

    InfluencerController(InfluencerService influencers) {
        this.influencers = influencers;
    }

    @GetMapping({"", "/search"})
    @PreAuthorize("hasAnyRole('marketer', 'admin')")
    @Operation(summary = "Search influencers: filters are ANDed; sorted by followers, engagement or rating, highest first (keyset pagination)")
    InfluencerPage search(
            @Parameter(description = "free text in display name or bio, 3-100 characters") @RequestParam(required = false) String q,
            @Parameter(description = "categories (repeat or comma-separate)") @RequestParam(required = false) List<String> categories,
            @Parameter(description = "any (default): at least one category; all: every category") @RequestParam(required = false) String categoryMatch,
            @Parameter(description = "ISO-639 codes; at least one must match") @RequestParam(required = false) List<String> languages,
            @Parameter(description = "ISO-3166 alpha-2") @RequestParam(required = false) String country,
            @Parameter(description = "substring of the free-text location, e.g. Lisbon") @RequestParam(required = false) String location,
            @Parameter(description = "has a connected account on instagram, youtube, tiktok or twitter") @RequestParam(required = false) String platform,
            @RequestParam(required = false) Long minFollowers,
            @RequestParam(required = false) Long maxFollowers,
            @Parameter(description = "percent, 0-100") @RequestParam(required = false) BigDecimal minEngagementRate,
            @RequestParam(required = false) Long minAvgViews,
            @Parameter(description = "available, busy or unavailable") @RequestParam(required = false) String availability,
            @RequestParam(required = false) Boolean verified,
            @Parameter(description = "offers this content type (on `platform` when given)") @RequestParam(required = false) String contentType,
            @Parameter(description = "minor units; needs contentType and currency") @RequestParam(required = false) Long minRate,
            @Parameter(description = "minor units; needs contentType and currency") @RequestParam(required = false) Long maxRate,
            @RequestParam(required = false) String currency,
            @Parameter(description = "followers (default), engagement or rating") @RequestParam(required = false) String sort,
            @Parameter(description = "1..100, default 20") @RequestParam(required = false) Integer limit,
            @Parameter(description = "nextCursor of the previous page (same sort)") @RequestParam(required = false) String after) {
        InfluencerSearch criteria = InfluencerSearch.of(new InfluencerSearch.Query(q, categories, categoryMatch, languages,
                country, location, platform, minFollowers, maxFollowers, minEngagementRate, minAvgViews, availability,
                verified, contentType, minRate, maxRate, currency, sort, limit, after));
        Page<InfluencerSummary> page = influencers.search(criteria);
        return new InfluencerPage(page.items(), page.nextCursor());
    }

    @GetMapping("/profile")
    @PreAuthorize("hasRole('influencer')")
    @Operation(summary = "The caller's own profile, social metrics and rates")
    InfluencerDetail ownProfile(Caller caller) {
        return influencers.get(caller.id());
    }

    @PutMapping("/profile")
    @PreAuthorize("hasRole('influencer')")
    @Operation(summary = "Replace the caller's profile: name, bio, categories, languages, location, country, availability")
    InfluencerDetail updateProfile(Caller caller, @Valid @RequestBody ProfileRequest request) {
        return influencers.updateOwn(caller.id(), request);
    }

    @PostMapping("/rates")
    @PreAuthorize("hasRole('influencer')")
    @Operation(summary = "Set the caller's rates (upsert per platform and content type; others unchanged); answers all rates")
    RatesResponse upsertRates(Caller caller, @Valid @RequestBody RatesRequest request) {
        return influencers.upsertOwnRates(caller.id(), request.rates());
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "An influencer's public profile with per-platform metrics (as of their last sync) and rates")
    InfluencerDetail get(@PathVariable UUID id) {
        return influencers.get(id);
    }

    @GetMapping("/{id}/rates")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "An influencer's rates in minor units")
    RatesResponse rates(@PathVariable UUID id) {
        return influencers.rates(id);
    }
}
