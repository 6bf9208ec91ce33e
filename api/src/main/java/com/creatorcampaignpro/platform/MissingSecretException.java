package com.creatorcampaignpro.platform;

/** A secret the prod profile requires is absent from the environment. */
public class MissingSecretException extends RuntimeException {
    private final String variable;
    private final String purpose;

    public MissingSecretException(String variable, String purpose) {
        super(variable + " is not set");
        this.variable = variable;
        this.purpose = purpose;
    }

    public String variable() {
        return variable;
    }

    public String purpose() {
        return purpose;
    }
}
