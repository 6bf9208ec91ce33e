package com.creatorcampaignpro.error;

/** Base of the exceptions core throws; the API maps each subtype to one problem type. */
public abstract class DomainException extends RuntimeException {
    protected DomainException(String message) {
        super(message);
    }
}
