package com.creatorcampaignpro.ai;

import com.creatorcampaignpro.ai.AiDtos.Match;
import com.creatorcampaignpro.ai.AiDtos.MatchResponse;
import com.creatorcampaignpro.ai.AiDtos.Rerank;
import com.creatorcampaignpro.ai.LanguageModelClient.RerankCandidate;
import com.creatorcampaignpro.ai.LanguageModelClient.RerankedMatch;
import com.creatorcampaignpro.matching.MatchCriteria;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The optional re-rank of the top matches by the configured language model, each with a short
 * written reason. Never in the way: without a model, or when it times out or breaks its JSON
 * contract, the scorer's order stands and {@code rerank.note} says why. Only the first
 * {@link #MAX_CANDIDATES} matches are sent; the rest keep their place after them.
 */
@Component
class MatchReranker {
    static final int MAX_CANDIDATES = 20;
    private static final Logger log = LoggerFactory.getLogger(MatchReranker.class);

    private final LanguageModelClient model;

    MatchReranker(LanguageModelClient model) {
        this.model = model;
    }

    MatchResponse rerank(MatchResponse response, String brief) {
        if (!model.configured()) {
            return with(response, response.matches(), new Rerank(true, false, null,
                    "no language model is configured (ccp.ai.llm.api-key): the scorer's order"));
        }
        if (response.matches().isEmpty()) {
            return with(response, response.matches(), new Rerank(true, false, null, "no matches to re-rank"));
        }
        List<Match> head = response.matches().subList(0, Math.min(MAX_CANDIDATES, response.matches().size()));
        List<RerankCandidate> candidates = head.stream().map(m -> new RerankCandidate(m.influencerId(), summary(m))).toList();
        List<RerankedMatch> ranked;
        try {
            ranked = model.rerank(brief, candidates);
        } catch (LanguageModelException e) {
            log.warn("Re-rank skipped ({}): {}", e.kind(), e.getMessage());
            String why = switch (e.kind()) {
                case NOT_CONFIGURED -> "no language model is configured";
                case UNAVAILABLE -> "the language model did not answer in time or at all";
                case MALFORMED_ANSWER -> "the language model's answer broke the contract and was discarded";
            };
            return with(response, response.matches(), new Rerank(true, false, null, why + ": the scorer's order"));
        }
        Map<UUID, Match> byId = new HashMap<>();
        head.forEach(m -> byId.put(m.influencerId(), m));
        List<Match> out = new ArrayList<>(response.matches().size());
        for (RerankedMatch r : ranked) {
            Match m = byId.get(r.influencerId());
            out.add(new Match(m.rank(), m.influencerId(), m.score(), m.components(), r.reason()));
        }
        out.addAll(response.matches().subList(head.size(), response.matches().size()));
        return with(response, out, new Rerank(true, true, null,
                "the first " + head.size() + " re-ordered by the language model; rank keeps the scorer's place"));
    }

    private static MatchResponse with(MatchResponse r, List<Match> matches, Rerank rerank) {
        return new MatchResponse(r.campaignId(), r.modelVersion(), r.source(), r.computedAt(), r.influencersConsidered(),
                matches, rerank);
    }

    /** One line per candidate: the score and each applicable component's value (no personal data beyond the id). */
    static String summary(Match m) {
        return String.format(Locale.ROOT, "score %.1f; ", m.score()) + m.components().stream()
                .filter(AiDtos.Component::applicable)
                .map(c -> c.component() + " " + String.format(Locale.ROOT, "%.2f", c.value()))
                .collect(Collectors.joining(", "));
    }

    /** The brief the model reads: what the campaign asks, in words. */
    static String describe(MatchCriteria c, String productCategory, String campaignType, List<String> brandValues) {
        StringBuilder b = new StringBuilder();
        if (productCategory != null) {
            b.append("Product category: ").append(productCategory).append(". ");
        }
        if (campaignType != null) {
            b.append("Campaign type: ").append(campaignType).append(". ");
        }
        if (!brandValues.isEmpty()) {
            b.append("Brand values: ").append(String.join(", ", brandValues)).append(". ");
        }
        if (!c.categories().isEmpty()) {
            b.append("Categories: ").append(String.join(", ", c.categories())).append(". ");
        }
        if (!c.languages().isEmpty()) {
            b.append("Languages: ").append(String.join(", ", c.languages())).append(". ");
        }
        if (!c.countries().isEmpty() || !c.audience().countries().isEmpty()) {
            b.append("Countries: ").append(String.join(", ", c.countries())).append(' ')
                    .append(String.join(", ", c.audience().countries())).append(". ");
        }
        if (!c.deliverables().isEmpty()) {
            b.append("Deliverables: ").append(c.deliverables().stream()
                    .map(d -> d.quantity() + " " + d.platform().dbValue() + " " + d.contentType().dbValue())
                    .collect(Collectors.joining(", "))).append(". ");
        }
        return b.toString().trim();
    }
}
