package com.creatorcampaignpro.ai;

import com.creatorcampaignpro.ai.AiDtos.DeliverablePrediction;
import com.creatorcampaignpro.ai.AiDtos.InfluencerPrediction;
import com.creatorcampaignpro.ai.AiDtos.LeftOut;
import com.creatorcampaignpro.ai.AiDtos.OptimizeRequest;
import com.creatorcampaignpro.ai.AiDtos.OptimizeResponse;
import com.creatorcampaignpro.ai.AiDtos.PlannedDeliverable;
import com.creatorcampaignpro.ai.AiDtos.PredictRequest;
import com.creatorcampaignpro.ai.AiDtos.PredictResponse;
import com.creatorcampaignpro.content.ContentType;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.error.ValidationException.FieldViolation;
import com.creatorcampaignpro.matching.AiInputsDao;
import com.creatorcampaignpro.matching.MatchCampaignDao.CampaignCriteria;
import com.creatorcampaignpro.matching.MatchCriteria;
import com.creatorcampaignpro.matching.MatchingProperties;
import com.creatorcampaignpro.optimization.BudgetOptimizer;
import com.creatorcampaignpro.prediction.PerformancePrediction;
import com.creatorcampaignpro.prediction.PerformancePrediction.Confidence;
import com.creatorcampaignpro.prediction.PerformancePredictor;
import com.creatorcampaignpro.prediction.PostStats;
import com.creatorcampaignpro.social.Platform;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * POST /api/ai/predict-performance and /api/ai/optimize-campaign: each influencer's recent posts of
 * the platform and type (social_account_media) through {@link PerformancePredictor}, and the exact
 * {@link BudgetOptimizer} over those predictions within the campaign's remaining budget and
 * deliverable counts.
 */
@Service
class PerformancePlanning {
    static final String PREDICTION_MODEL = "median-lognormal-v1";
    static final int DEFAULT_TOP = 5;
    static final int DEFAULT_CANDIDATES = 50;

    private final InfluencerMatching matching;
    private final AiInputsDao inputs;
    private final MatchingProperties properties;
    private final PerformancePredictor predictor = PerformancePredictor.defaults();

    PerformancePlanning(InfluencerMatching matching, AiInputsDao inputs, MatchingProperties properties) {
        this.matching = matching;
        this.inputs = inputs;
        this.properties = properties;
    }

    PredictResponse predict(UUID marketerId, PredictRequest request) {
        CampaignCriteria campaign = matching.owned(marketerId, request.campaignId());
        List<FieldViolation> violations = new ArrayList<>();
        List<MatchCriteria.DeliverableNeed> needs = request.deliverables() == null ? campaign.criteria().deliverables()
                : InfluencerMatching.deliverables("deliverables", request.deliverables(), violations);
        if (violations.isEmpty() && needs.isEmpty()) {
            violations.add(new FieldViolation("deliverables", "the campaign lists no deliverables: give some"));
        }
        List<UUID> ids = influencers(campaign, request.influencerIds(), request.top() == null ? DEFAULT_TOP : request.top(),
                violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        String currency = campaign.criteria().currency();
        History history = history(ids, currency);
        List<InfluencerPrediction> out = new ArrayList<>();
        for (UUID id : ids) {
            List<DeliverablePrediction> rows = new ArrayList<>();
            for (MatchCriteria.DeliverableNeed need : needs) {
                rows.add(dto(history.predict(predictor, id, need.platform(), need.contentType(), need.quantity(), currency)));
            }
            out.add(new InfluencerPrediction(id, rows));
        }
        return new PredictResponse(campaign.campaignId(), PREDICTION_MODEL, currency, out);
    }

    OptimizeResponse optimize(UUID marketerId, OptimizeRequest request) {
        CampaignCriteria campaign = matching.owned(marketerId, request.campaignId());
        String objective = request.objective() == null ? "engagement" : request.objective().trim().toLowerCase(java.util.Locale.ROOT);
        List<FieldViolation> violations = new ArrayList<>();
        if (!objective.equals("engagement") && !objective.equals("reach")) {
            violations.add(new FieldViolation("objective", "must be engagement or reach"));
        }
        // Kinds: the campaign's deliverables, one kind per platform and type, quantities added up.
        Map<String, MatchCriteria.DeliverableNeed> kindsByKey = new LinkedHashMap<>();
        for (MatchCriteria.DeliverableNeed d : campaign.criteria().deliverables()) {
            kindsByKey.merge(d.platform() + "/" + d.contentType(), d, (a, b) ->
                    new MatchCriteria.DeliverableNeed(a.platform(), a.contentType(), a.quantity() + b.quantity()));
        }
        if (kindsByKey.isEmpty()) {
            violations.add(new FieldViolation("campaignId", "the campaign lists no deliverables to plan"));
        }
        List<UUID> ids = influencers(campaign, request.influencerIds(),
                request.candidates() == null ? DEFAULT_CANDIDATES : request.candidates(), violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        List<MatchCriteria.DeliverableNeed> kinds = List.copyOf(kindsByKey.values());
        String currency = campaign.criteria().currency();
        History history = history(ids, currency);
        List<BudgetOptimizer.Kind> optimizerKinds = kinds.stream()
                .map(k -> new BudgetOptimizer.Kind(k.platform().dbValue() + " " + k.contentType().dbValue(), k.quantity())).toList();
        List<BudgetOptimizer.Option> options = new ArrayList<>();
        Map<BudgetOptimizer.Option, PerformancePrediction> predictionOf = new HashMap<>();
        List<LeftOut> leftOut = new ArrayList<>();
        boolean byReach = objective.equals("reach");
        // One unit of each kind per influencer at most: the plan spreads a kind over several voices.
        for (UUID id : ids) {
            for (int k = 0; k < kinds.size(); k++) {
                MatchCriteria.DeliverableNeed kind = kinds.get(k);
                PerformancePrediction p = history.predict(predictor, id, kind.platform(), kind.contentType(), 1, currency);
                PerformancePrediction.Estimate metric = byReach ? p.reach() : p.engagement();
                if (p.cost() == null) {
                    leftOut.add(new LeftOut(id, kind.platform().dbValue(), kind.contentType().dbValue(),
                            "NO_RATE: no rate for this kind in " + currency));
                } else if (p.confidence() == Confidence.LOW || metric == null) {
                    leftOut.add(new LeftOut(id, kind.platform().dbValue(), kind.contentType().dbValue(),
                            "TOO_LITTLE_HISTORY: " + String.join("; ", p.notes())));
                } else {
                    BudgetOptimizer.Option o = new BudgetOptimizer.Option(id, k, p.cost(), metric.expected());
                    options.add(o);
                    predictionOf.put(o, p);
                }
            }
        }
        long budget = Math.max(0, campaign.criteria().remainingBudget());
        long started = System.nanoTime();
        BudgetOptimizer.Solution s = new BudgetOptimizer().solve(optimizerKinds, options, budget);
        long micros = (System.nanoTime() - started) / 1000;
        List<PlannedDeliverable> plan = new ArrayList<>();
        double engagement = 0;
        double reach = 0;
        for (BudgetOptimizer.Option o : s.chosen()) {
            PerformancePrediction p = predictionOf.get(o);
            Double e = p.engagement() == null ? null : p.engagement().expected();
            Double r = p.reach() == null ? null : p.reach().expected();
            engagement += e == null ? 0 : e;
            reach += r == null ? 0 : r;
            MatchCriteria.DeliverableNeed kind = kinds.get(o.kind());
            plan.add(new PlannedDeliverable(o.influencerId(), kind.platform().dbValue(), kind.contentType().dbValue(), o.cost(), e, r));
        }
        for (BudgetOptimizer.LeftOut l : s.leftOut()) {
            MatchCriteria.DeliverableNeed kind = kinds.get(l.option().kind());
            leftOut.add(new LeftOut(l.option().influencerId(), kind.platform().dbValue(), kind.contentType().dbValue(),
                    l.reason().name() + ": " + reason(l.reason())));
        }
        return new OptimizeResponse(campaign.campaignId(), objective, currency, budget, plan, s.cost(),
                new AiDtos.Totals(engagement, reach), s.provenOptimal(), s.value(), s.upperBound(), s.nodes(), micros, leftOut);
    }

    private static String reason(BudgetOptimizer.LeftOutReason r) {
        return switch (r) {
            case OVER_BUDGET -> "its rate alone is above the remaining budget";
            case NO_PREDICTED_VALUE -> "nothing predicted for it";
            case KIND_NOT_WANTED -> "the campaign wants none of this kind";
            case OUTVALUED -> "the budget and counts buy more elsewhere";
        };
    }

    /** The given influencers (each must be one), or the campaign's top {@code top} matches. */
    private List<UUID> influencers(CampaignCriteria campaign, List<UUID> given, int top, List<FieldViolation> violations) {
        if (given == null) {
            return matching.forCampaign(campaign, InfluencerMatching.Filters.NONE, top).matches().stream()
                    .map(AiDtos.Match::influencerId).toList();
        }
        List<UUID> ids = given.stream().distinct().toList();
        Set<UUID> known = new HashSet<>(inputs.influencers(ids.toArray(UUID[]::new)));
        for (int i = 0; i < given.size(); i++) {
            if (given.get(i) == null || !known.contains(given.get(i))) {
                violations.add(new FieldViolation("influencerIds[" + i + "]", "is not an influencer"));
            }
        }
        return ids;
    }

    private History history(List<UUID> ids, String currency) {
        UUID[] array = ids.toArray(UUID[]::new);
        Map<UUID, List<PostStats>> posts = new HashMap<>();
        for (AiInputsDao.InfluencerPost p : inputs.recentPosts(array, properties.historyPosts())) {
            posts.computeIfAbsent(p.influencerId(), k -> new ArrayList<>()).add(p.post());
        }
        Map<UUID, PerformancePredictor.ClickHistory> clicks = new HashMap<>();
        for (AiInputsDao.Clicks c : inputs.clicks(array)) {
            clicks.put(c.influencerId(), new PerformancePredictor.ClickHistory(c.clicks(), c.impressions(), c.posts()));
        }
        Map<String, Long> rates = new HashMap<>();
        for (AiInputsDao.Rate r : inputs.rates(array, currency)) {
            rates.put(r.influencerId() + "/" + r.platform() + "/" + r.contentType(), r.amount());
        }
        return new History(posts, clicks, rates);
    }

    private record History(Map<UUID, List<PostStats>> posts, Map<UUID, PerformancePredictor.ClickHistory> clicks,
                           Map<String, Long> rates) {
        PerformancePrediction predict(PerformancePredictor predictor, UUID id, Platform platform, ContentType type,
                                      int quantity, String currency) {
            return predictor.predict(posts.getOrDefault(id, List.of()), platform, type, quantity,
                    rates.get(id + "/" + platform + "/" + type), currency, clicks.get(id));
        }
    }

    private static DeliverablePrediction dto(PerformancePrediction p) {
        return new DeliverablePrediction(p.platform().dbValue(), p.contentType().dbValue(), p.quantity(),
                p.confidence().name().toLowerCase(java.util.Locale.ROOT), p.basis(), estimate(p.reach()),
                estimate(p.impressions()), p.impressionsSource(), estimate(p.engagement()), estimate(p.clicks()), p.cost(),
                p.currency(), p.costPerEngagement() == null ? null : InfluencerMatching.round4(p.costPerEngagement()), p.notes());
    }

    private static AiDtos.Estimate estimate(PerformancePrediction.Estimate e) {
        return e == null ? null : new AiDtos.Estimate(InfluencerMatching.round(e.expected()), InfluencerMatching.round(e.low()),
                InfluencerMatching.round(e.high()), e.sampleSize());
    }
}
