package com.creatorcampaignpro.ai;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The optional OpenAI-compatible language model. Off while {@code apiKey} is blank (the default):
 * the key comes from the environment only ({@code OPENAI_API_KEY} in config/application.yml).
 *
 * @param baseUrl     up to and including the version segment, e.g. https://api.openai.com/v1
 * @param callTimeout the whole call (connect, write, wait, read); each retry gets its own
 * @param maxRetries  retries after the first attempt, on timeouts, connection failures, 429 and 5xx
 */
@ConfigurationProperties("ccp.ai.llm")
public record LanguageModelProperties(
        @DefaultValue("https://api.openai.com/v1") String baseUrl,
        @DefaultValue("gpt-4o-mini") String model,
        String apiKey,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("20s") Duration callTimeout,
        @DefaultValue("1") int maxRetries,
        @DefaultValue("500ms") Duration retryBackoff,
        @DefaultValue("800") int maxTokens) {

    public LanguageModelProperties {
        if (maxRetries < 0 || maxRetries > 5) {
            throw new IllegalArgumentException("ccp.ai.llm.max-retries must be between 0 and 5");
        }
    }

    public boolean configured() {
        return apiKey != null && !apiKey.isBlank() && baseUrl != null && !baseUrl.isBlank();
    }
}
