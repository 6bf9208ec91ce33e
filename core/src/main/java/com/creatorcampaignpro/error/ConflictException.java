package com.creatorcampaignpro.error;

/** The request is valid but the resource's current state forbids it. */
public class ConflictException extends DomainException {
    private final String code;
    private final String field;

    public ConflictException(String code, String message) {
        this(code, null, message);
    }

    /** A conflict about one field of the request, e.g. {@code currency} of a campaign that has invitations. */
    public ConflictException(String code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    /** Stable, machine-readable reason, e.g. {@code illegal-status-transition}. */
    public String code() {
        return code;
    }

    /** The request field the conflict is about, or null. */
    public String field() {
        return field;
    }
}
