package com.creatorcampaignpro.error;

/** The request is valid but the resource's current state forbids it. */
public class ConflictException extends DomainException {
    private final String code;

    public ConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** Stable, machine-readable reason, e.g. {@code illegal-status-transition}. */
    public String code() {
        return code;
    }
}
