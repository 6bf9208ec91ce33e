package com.creatorcampaignpro.admin;

/** The bootstrap admin settings cannot be applied; start-up stops with this message. */
public class BootstrapAdminException extends RuntimeException {
    public BootstrapAdminException(String message) {
        super(message);
    }
}
