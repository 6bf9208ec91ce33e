package com.creatorcampaignpro.ai;

import com.creatorcampaignpro.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The language model's failures as problem+json (only engine=llm sentiment lets them through; the re-rank degrades). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AiProblems {
    private static final Logger log = LoggerFactory.getLogger(AiProblems.class);

    @ExceptionHandler(LanguageModelException.class)
    ProblemDetail languageModel(LanguageModelException e) {
        return switch (e.kind()) {
            case NOT_CONFIGURED -> Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.type("language-model-not-configured"),
                    "No language model is configured",
                    "this server has no language model (ccp.ai.llm.api-key); use engine lexicon, which is built in");
            case UNAVAILABLE -> {
                log.warn("Language model unavailable: {}", e.getMessage());
                yield Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.type("language-model-unavailable"),
                        "The language model is unavailable", "the language model did not answer in time; try again later");
            }
            case MALFORMED_ANSWER -> {
                log.warn("Language model answer rejected: {}", e.getMessage());
                yield Problems.of(HttpStatus.BAD_GATEWAY, Problems.type("language-model-bad-answer"),
                        "Unusable answer from the language model", "the language model's answer broke the JSON contract");
            }
        };
    }
}
