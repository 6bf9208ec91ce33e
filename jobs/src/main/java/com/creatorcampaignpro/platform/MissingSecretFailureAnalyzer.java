package com.creatorcampaignpro.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing prod secret or setting into a two-line start-up failure instead of a stack trace. */
class MissingSecretFailureAnalyzer extends AbstractFailureAnalyzer<MissingSecretException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSecretException cause) {
        return new FailureAnalysis(
                "The prod profile requires the environment variable " + cause.variable() + " (" + cause.purpose() + ").",
                "Set " + cause.variable() + " in the environment (see config/.env.example), or start without the prod profile "
                        + cause.outsideProd() + ".",
                cause);
    }
}
