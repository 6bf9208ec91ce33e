package com.creatorcampaignpro.ai;

import com.creatorcampaignpro.ai.AiDtos.Brief;
import com.creatorcampaignpro.ai.AiDtos.Match;
import com.creatorcampaignpro.ai.AiDtos.MatchFilters;
import com.creatorcampaignpro.ai.AiDtos.MatchRequest;
import com.creatorcampaignpro.ai.AiDtos.MatchResponse;
import com.creatorcampaignpro.content.ContentType;
import com.creatorcampaignpro.error.NotFoundException;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.error.ValidationException.FieldViolation;
import com.creatorcampaignpro.matching.AiInputsDao;
import com.creatorcampaignpro.matching.CompiledCriteria;
import com.creatorcampaignpro.matching.ComponentScore;
import com.creatorcampaignpro.matching.FeatureTable;
import com.creatorcampaignpro.matching.MatchCampaignDao;
import com.creatorcampaignpro.matching.MatchCampaignDao.CampaignCriteria;
import com.creatorcampaignpro.matching.MatchCriteria;
import com.creatorcampaignpro.matching.MatchOutcome;
import com.creatorcampaignpro.matching.MatchRun;
import com.creatorcampaignpro.matching.MatchScoreDao;
import com.creatorcampaignpro.matching.MatchScorer;
import com.creatorcampaignpro.matching.MatchingProperties;
import com.creatorcampaignpro.matching.StoredMatch;
import com.creatorcampaignpro.matching.TopMatches;
import com.creatorcampaignpro.social.Platform;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntPredicate;

/**
 * POST /api/ai/match-influencers: a campaign's (or an ad-hoc brief's) best influencers through the
 * job's scorer. A campaign's answer comes from match_scores when its last run is fresh (same model
 * version, the campaign unchanged since, younger than ccp.matching.stored-max-age) and the stored
 * top K still hold {@code limit} matches after the filters (the filtered best of the whole table are
 * then among them, so the answer is exact); otherwise it is computed now over the cached table.
 */
@Service
class InfluencerMatching {
    static final int DEFAULT_LIMIT = 20;
    /** Without a budget in a brief, rates are not held against one (any rate is affordable). */
    static final long NO_BUDGET = Long.MAX_VALUE / 4;

    private final MatchCampaignDao campaigns;
    private final MatchScoreDao scores;
    private final AiInputsDao inputs;
    private final FeatureTableCache tables;
    private final MatchScorer scorer;
    private final MatchingProperties properties;
    private final MatchReranker reranker;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock = Clock.systemUTC();

    InfluencerMatching(MatchCampaignDao campaigns, MatchScoreDao scores, AiInputsDao inputs, FeatureTableCache tables,
                       MatchScorer scorer, MatchingProperties properties, MatchReranker reranker) {
        this.campaigns = campaigns;
        this.scores = scores;
        this.inputs = inputs;
        this.tables = tables;
        this.scorer = scorer;
        this.properties = properties;
        this.reranker = reranker;
    }

    /** The filters, parsed. */
    record Filters(Long minFollowers, Set<Platform> platforms, boolean excludeInvited) {
        static final Filters NONE = new Filters(null, Set.of(), false);

        boolean narrowByFeatures() {
            return minFollowers != null || !platforms.isEmpty();
        }
    }

    MatchResponse match(UUID marketerId, MatchRequest request) {
        if ((request.campaignId() == null) == (request.brief() == null)) {
            throw new ValidationException("campaignId", "give either campaignId or brief, not both");
        }
        int limit = request.limit() == null ? DEFAULT_LIMIT : request.limit();
        Filters filters = filters(request.filters());
        MatchResponse response;
        String briefText;
        if (request.campaignId() != null) {
            CampaignCriteria campaign = owned(marketerId, request.campaignId());
            response = forCampaign(campaign, filters, limit);
            briefText = MatchReranker.describe(campaign.criteria(), null, null, List.of());
        } else {
            if (filters.excludeInvited()) {
                throw new ValidationException("filters.excludeInvited", "applies to a campaign, not to a brief");
            }
            MatchCriteria criteria = criteria(request.brief());
            response = computed(null, criteria, filters, Set.of(), limit);
            Brief b = request.brief();
            briefText = MatchReranker.describe(criteria, b.productCategory(), b.campaignType(),
                    b.brandValues() == null ? List.of() : b.brandValues());
        }
        if (Boolean.TRUE.equals(request.rerank())) {
            return reranker.rerank(response, briefText);
        }
        return response;
    }

    CampaignCriteria owned(UUID marketerId, UUID campaignId) {
        return campaigns.owned(campaignId, marketerId).orElseThrow(() -> new NotFoundException("campaign", campaignId));
    }

    /** The campaign's best {@code limit} influencers, stored or computed (the other endpoints' candidates). */
    MatchResponse forCampaign(CampaignCriteria campaign, Filters filters, int limit) {
        Set<UUID> invited = filters.excludeInvited() ? new HashSet<>(inputs.invited(campaign.campaignId())) : Set.of();
        MatchResponse stored = stored(campaign, filters, invited, limit);
        return stored != null ? stored : computed(campaign.campaignId(), campaign.criteria(), filters, invited, limit);
    }

    private MatchResponse stored(CampaignCriteria campaign, Filters filters, Set<UUID> invited, int limit) {
        MatchRun run = scores.run(campaign.campaignId()).orElse(null);
        if (run == null || !MatchScorer.MODEL_VERSION.equals(run.modelVersion())
                || !run.campaignUpdatedAt().equals(campaign.updatedAt())
                || run.computedAt().isBefore(clock.instant().minus(properties.storedMaxAge()))) {
            return null;
        }
        List<StoredMatch> rows = scores.top(campaign.campaignId(), properties.topK());
        FeatureTable table = filters.narrowByFeatures() || !rows.isEmpty() ? tables.table() : null;
        CompiledCriteria compiled = table == null ? null : scorer.compile(campaign.criteria(), table);
        List<Match> matches = new ArrayList<>();
        for (StoredMatch row : rows) {
            if (matches.size() == limit) {
                break;
            }
            if (invited.contains(row.influencerId())) {
                continue;
            }
            if (filters.narrowByFeatures()) {
                int r = table.rowOf(row.influencerId());
                if (r < 0 || !passes(table, r, filters)) {
                    continue;
                }
            }
            matches.add(new Match(matches.size() + 1, row.influencerId(), round(row.score()),
                    components(scorer.components(values(row.components()), compiled)), null));
        }
        // Fewer than asked although the run kept a full top K: better ones may lie beyond it.
        if (matches.size() < limit && run.matches() >= properties.topK()) {
            return null;
        }
        return new MatchResponse(campaign.campaignId(), run.modelVersion(), "stored", run.computedAt(), run.influencersScored(),
                matches, null);
    }

    private MatchResponse computed(UUID campaignId, MatchCriteria criteria, Filters filters, Set<UUID> invited, int limit) {
        FeatureTable table = tables.table();
        CompiledCriteria compiled = scorer.compile(criteria, table);
        IntPredicate include = row -> !invited.contains(table.id(row)) && passes(table, row, filters);
        TopMatches top = TopMatches.of(scorer, compiled, limit, include);
        List<Match> matches = new ArrayList<>(top.size());
        for (int i = 0; i < top.size(); i++) {
            MatchOutcome outcome = scorer.explain(compiled, top.row(i));
            matches.add(new Match(i + 1, outcome.influencerId(), round(outcome.score()), components(outcome.components()), null));
        }
        return new MatchResponse(campaignId, MatchScorer.MODEL_VERSION, "computed", clock.instant(), table.size(), matches, null);
    }

    private static boolean passes(FeatureTable table, int row, Filters filters) {
        return (filters.minFollowers() == null || table.totalFollowers(row) >= filters.minFollowers())
                && (filters.platforms().isEmpty() || table.hasAccountsOn(row, filters.platforms()));
    }

    private Map<String, Double> values(String componentsJson) {
        Map<String, Double> values = new java.util.HashMap<>();
        json.readTree(componentsJson).properties().forEach(e -> values.put(e.getKey(), e.getValue().asDouble()));
        return values;
    }

    private static List<AiDtos.Component> components(List<ComponentScore> components) {
        return components.stream().map(c -> new AiDtos.Component(c.component().key(), round4(c.value()), c.weight(),
                round(c.points()), c.applicable(), c.detail())).toList();
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    static Filters filters(MatchFilters f) {
        if (f == null) {
            return Filters.NONE;
        }
        List<FieldViolation> violations = new ArrayList<>();
        Set<Platform> platforms = platforms("filters.platforms", f.platforms(), violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return new Filters(f.minFollowers(), platforms, Boolean.TRUE.equals(f.excludeInvited()));
    }

    static Set<Platform> platforms(String field, List<String> values, List<FieldViolation> violations) {
        Set<Platform> out = EnumSet.noneOf(Platform.class);
        if (values == null) {
            return out;
        }
        for (int i = 0; i < values.size(); i++) {
            Platform p = values.get(i) == null ? null : Platform.parse(values.get(i).trim()).orElse(null);
            if (p == null) {
                violations.add(new FieldViolation(field + "[" + i + "]", "must be " + AiDtos.PLATFORMS));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    static List<MatchCriteria.DeliverableNeed> deliverables(String field, List<AiDtos.DeliverableNeed> values,
                                                           List<FieldViolation> violations) {
        List<MatchCriteria.DeliverableNeed> out = new ArrayList<>();
        if (values == null) {
            return out;
        }
        for (int i = 0; i < values.size(); i++) {
            AiDtos.DeliverableNeed d = values.get(i);
            if (d == null) {
                violations.add(new FieldViolation(field + "[" + i + "]", "must not be null"));
                continue;
            }
            Platform p = d.platform() == null ? null : Platform.parse(d.platform().trim()).orElse(null);
            ContentType t = d.contentType() == null ? null : ContentType.parse(d.contentType().trim()).orElse(null);
            if (p == null) {
                violations.add(new FieldViolation(field + "[" + i + "].platform", "must be " + AiDtos.PLATFORMS));
            }
            if (t == null) {
                violations.add(new FieldViolation(field + "[" + i + "].contentType", "must be " + AiDtos.TYPES));
            }
            if (p != null && t != null) {
                out.add(new MatchCriteria.DeliverableNeed(p, t, d.quantity() == null ? 1 : d.quantity()));
            }
        }
        return out;
    }

    /** An ad-hoc brief as the scorer's criteria, tags normalized like the influencers' (trimmed, lower-case). */
    static MatchCriteria criteria(Brief b) {
        List<FieldViolation> violations = new ArrayList<>();
        Set<String> categories = new LinkedHashSet<>(tags(b.categories()));
        if (b.productCategory() != null && !b.productCategory().isBlank()) {
            categories.add(b.productCategory().trim().toLowerCase(Locale.ROOT));
        }
        Set<String> countries = new LinkedHashSet<>(countries("brief.countries", b.countries(), violations));
        Set<Platform> platforms = platforms("brief.platforms", b.platforms(), violations);
        List<MatchCriteria.DeliverableNeed> needs = deliverables("brief.deliverables", b.deliverables(), violations);
        MatchCriteria.AudienceTarget audience = MatchCriteria.AudienceTarget.NONE;
        if (b.targetAudience() != null) {
            AiDtos.Audience a = b.targetAudience();
            if (a.minAge() != null && a.maxAge() != null && a.maxAge() < a.minAge()) {
                violations.add(new FieldViolation("brief.targetAudience.maxAge", "must not be below minAge"));
            }
            Set<String> genders = new HashSet<>(tags(a.genders()));
            for (String g : genders) {
                if (!List.of("female", "male", "other").contains(g)) {
                    violations.add(new FieldViolation("brief.targetAudience.genders", "must be female, male or other"));
                    break;
                }
            }
            audience = new MatchCriteria.AudienceTarget(
                    new HashSet<>(countries("brief.targetAudience.countries", a.countries(), violations)),
                    a.minAge(), a.maxAge(), genders);
        }
        if (b.minFollowers() != null && b.maxFollowers() != null && b.maxFollowers() < b.minFollowers()) {
            violations.add(new FieldViolation("brief.maxFollowers", "must not be below minFollowers"));
        }
        String currency = b.currency() == null ? "USD" : b.currency().trim().toUpperCase(Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            violations.add(new FieldViolation("brief.currency", "must be an ISO-4217 code such as USD"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return new MatchCriteria(categories, new HashSet<>(tags(b.languages())), countries, platforms, needs,
                b.minFollowers(), b.maxFollowers(), b.minEngagementRate(), audience,
                b.budget() == null ? NO_BUDGET : b.budget(), currency);
    }

    private static List<String> tags(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank())
                .map(v -> v.trim().toLowerCase(Locale.ROOT)).distinct().toList();
    }

    private static List<String> countries(String field, List<String> values, List<FieldViolation> violations) {
        List<String> out = new ArrayList<>();
        if (values == null) {
            return out;
        }
        for (int i = 0; i < values.size(); i++) {
            String c = values.get(i) == null ? "" : values.get(i).trim().toUpperCase(Locale.ROOT);
            if (!c.matches("[A-Z]{2}")) {
                violations.add(new FieldViolation(field + "[" + i + "]", "must be an ISO-3166 alpha-2 code"));
            } else {
                out.add(c);
            }
        }
        return out;
    }
}
