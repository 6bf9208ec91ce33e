package com.creatorcampaignpro.ai;

import com.creatorcampaignpro.ai.AiDtos.Driver;
import com.creatorcampaignpro.ai.AiDtos.MatchRequest;
import com.creatorcampaignpro.ai.AiDtos.MatchResponse;
import com.creatorcampaignpro.ai.AiDtos.OptimizeRequest;
import com.creatorcampaignpro.ai.AiDtos.OptimizeResponse;
import com.creatorcampaignpro.ai.AiDtos.PredictRequest;
import com.creatorcampaignpro.ai.AiDtos.PredictResponse;
import com.creatorcampaignpro.ai.AiDtos.SentimentRequest;
import com.creatorcampaignpro.ai.AiDtos.SentimentResponse;
import com.creatorcampaignpro.error.NotFoundException;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.matching.AiInputsDao;
import com.creatorcampaignpro.sentiment.LexiconSentimentAnalyzer;
import com.creatorcampaignpro.sentiment.SentimentResult;
import com.creatorcampaignpro.web.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;

/**
 * The four /api/ai endpoints: reads by POST (bodies too rich for a query string), so no
 * Idempotency-Key. Marketers only, on their own campaigns and content (anyone else's is a 404).
 * Rate limited per user by the "ai" family of ccp.rate-limit (the path segment).
 */
@RestController
@PreAuthorize("hasRole('marketer')")
@Tag(name = "ai")
class AiController {
    private final InfluencerMatching matching;
    private final PerformancePlanning planning;
    private final AiInputsDao inputs;
    private final LanguageModelClient model;
    private final LexiconSentimentAnalyzer lexicon = new LexiconSentimentAnalyzer();

    AiController(InfluencerMatching matching, PerformancePlanning planning, AiInputsDao inputs, LanguageModelClient model) {
        this.matching = matching;
        this.planning = planning;
        this.inputs = inputs;
        this.model = model;
    }

    @PostMapping("/api/ai/match-influencers")
    @Operation(summary = "The best influencers for one of the caller's campaigns or for an ad-hoc brief, with each score's "
            + "components and the model version; from the last matchScoringJob run when fresh, else computed now")
    MatchResponse match(Caller caller, @Valid @RequestBody MatchRequest request) {
        return matching.match(caller.id(), request);
    }

    @PostMapping("/api/ai/predict-performance")
    @Operation(summary = "Expected reach, impressions, engagement, clicks and cost per engagement of planned deliverables, "
            + "with 80% intervals and sample sizes from each influencer's recent posts; low confidence (no figures) with the "
            + "reason when the history is too short")
    PredictResponse predict(Caller caller, @Valid @RequestBody PredictRequest request) {
        return planning.predict(caller.id(), request);
    }

    @PostMapping("/api/ai/sentiment-analysis")
    @Operation(summary = "Sentiment of a text or of a content item's caption: score -1..1, label and the words that drove it; "
            + "engine llm asks the configured language model (503 when none is configured)")
    SentimentResponse sentiment(Caller caller, @Valid @RequestBody SentimentRequest request) {
        if ((request.text() == null) == (request.contentId() == null)) {
            throw new ValidationException("text", "give either text or contentId, not both");
        }
        String engine = request.engine() == null ? "lexicon" : request.engine().trim().toLowerCase(Locale.ROOT);
        if (!engine.equals("lexicon") && !engine.equals("llm")) {
            throw new ValidationException("engine", "must be lexicon or llm");
        }
        String text = request.text();
        if (request.contentId() != null) {
            text = inputs.captionForMarketer(request.contentId(), caller.id())
                    .orElseThrow(() -> new NotFoundException("content", request.contentId()));
        }
        SentimentResult result = engine.equals("llm") ? model.sentiment(text) : lexicon.analyze(text);
        return new SentimentResponse(InfluencerMatching.round4(result.score()), result.label().jsonValue(),
                result.drivers().stream().map(d -> new Driver(d.word(), InfluencerMatching.round4(d.contribution()))).toList(),
                result.engine(), request.contentId() == null ? "text" : "caption", request.contentId());
    }

    @PostMapping("/api/ai/optimize-campaign")
    @Operation(summary = "The plan that maximizes predicted engagement (or reach) within the campaign's remaining budget and "
            + "deliverable counts, proven optimal by branch-and-bound; its cost, predicted totals, and what was left out and why")
    OptimizeResponse optimize(Caller caller, @Valid @RequestBody OptimizeRequest request) {
        return planning.optimize(caller.id(), request);
    }
}
