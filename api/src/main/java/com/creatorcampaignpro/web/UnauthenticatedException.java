package com.creatorcampaignpro.web;

/** Credentials or a token that do not authenticate anyone; {@code code} becomes the problem type. */
public class UnauthenticatedException extends RuntimeException {
    private final String code;

    public UnauthenticatedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
