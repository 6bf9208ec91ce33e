package com.creatorcampaignpro.ai;

import com.creatorcampaignpro.sentiment.SentimentResult;

import java.util.List;
import java.util.UUID;

/**
 * The optional language model (an OpenAI-compatible chat-completions endpoint). Off unless
 * configured: every feature works without it, and a call to an unconfigured one throws
 * {@link LanguageModelException} of kind {@code NOT_CONFIGURED}. Answers are held to a strict JSON
 * contract; anything else is rejected ({@code MALFORMED_ANSWER}), never half-used.
 */
public interface LanguageModelClient {

    boolean configured();

    /**
     * Re-orders {@code candidates} (best first) for the brief, each with a short reason. The answer
     * holds each given candidate exactly once and nothing else.
     */
    List<RerankedMatch> rerank(String brief, List<RerankCandidate> candidates);

    /** The sentiment of {@code text}: score -1..1, label, the words that drove it. */
    SentimentResult sentiment(String text);

    /** A candidate as the model sees it: an id and a one-line summary of its features and score. */
    record RerankCandidate(UUID influencerId, String summary) {
    }

    record RerankedMatch(UUID influencerId, String reason) {
    }

    /** The client used when no model is configured. */
    static LanguageModelClient disabled() {
        return new LanguageModelClient() {
            @Override
            public boolean configured() {
                return false;
            }

            @Override
            public List<RerankedMatch> rerank(String brief, List<RerankCandidate> candidates) {
                throw LanguageModelException.notConfigured();
            }

            @Override
            public SentimentResult sentiment(String text) {
                throw LanguageModelException.notConfigured();
            }
        };
    }
}
