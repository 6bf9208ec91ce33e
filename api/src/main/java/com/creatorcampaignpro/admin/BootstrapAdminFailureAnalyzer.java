package com.creatorcampaignpro.admin;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A refused bootstrap admin setting is a configuration error: two lines, no stack trace. */
class BootstrapAdminFailureAnalyzer extends AbstractFailureAnalyzer<BootstrapAdminException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BootstrapAdminException cause) {
        return new FailureAnalysis("The bootstrap admin could not be set up: " + cause.getMessage(),
                "Fix CCP_BOOTSTRAP_ADMIN_EMAIL / CCP_BOOTSTRAP_ADMIN_PASSWORD, or unset CCP_BOOTSTRAP_ADMIN_EMAIL"
                        + " once an admin exists.", cause);
    }
}
