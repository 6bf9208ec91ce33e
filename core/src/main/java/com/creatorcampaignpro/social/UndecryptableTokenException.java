package com.creatorcampaignpro.social;

/** A stored token this process cannot read: the account needs to be connected again. */
public class UndecryptableTokenException extends RuntimeException {
    public UndecryptableTokenException(String message) {
        super(message);
    }
}
