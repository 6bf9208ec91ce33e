package com.creatorcampaignpro.ai;

/** The language model could not give a usable answer; {@link Kind} says why. Messages carry no prompt or key. */
public class LanguageModelException extends RuntimeException {
    public enum Kind {
        /** No model configured (no API key): the feature is off. */
        NOT_CONFIGURED,
        /** Timeout, connection failure, 429 or 5xx after the bounded retries, or a refused key. */
        UNAVAILABLE,
        /** An answer that breaks the JSON contract. */
        MALFORMED_ANSWER
    }

    private final Kind kind;

    public LanguageModelException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public LanguageModelException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public static LanguageModelException notConfigured() {
        return new LanguageModelException(Kind.NOT_CONFIGURED,
                "no language model is configured (set ccp.ai.llm.api-key, e.g. from OPENAI_API_KEY)");
    }

    public Kind kind() {
        return kind;
    }
}
