package com.creatorcampaignpro.platform;

/** A secret or setting the prod profile requires is absent from the environment. */
public class MissingSecretException extends RuntimeException {
    private final String variable;
    private final String purpose;
    private final String outsideProd;

    public MissingSecretException(String variable, String purpose) {
        this(variable, purpose, "to use a random development secret");
    }

    /** {@code outsideProd}: what the platform does instead without the prod profile, e.g. "to use a local PostgreSQL". */
    public MissingSecretException(String variable, String purpose, String outsideProd) {
        super(variable + " is not set");
        this.variable = variable;
        this.purpose = purpose;
        this.outsideProd = outsideProd;
    }

    public String variable() {
        return variable;
    }

    public String purpose() {
        return purpose;
    }

    public String outsideProd() {
        return outsideProd;
    }
}
