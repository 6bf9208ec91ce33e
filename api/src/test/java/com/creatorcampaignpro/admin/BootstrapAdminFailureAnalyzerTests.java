package com.creatorcampaignpro.admin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BootstrapAdminFailureAnalyzerTests {

    @Test
    void aRefusedBootstrapSettingStopsStartUpWithWhatToFix() {
        var analysis = new BootstrapAdminFailureAnalyzer().analyze(new IllegalStateException("start-up failed",
                new BootstrapAdminException("CCP_BOOTSTRAP_ADMIN_PASSWORD is refused: it must be at least 10 characters.")));
        assertThat(analysis.getDescription()).contains("CCP_BOOTSTRAP_ADMIN_PASSWORD is refused");
        assertThat(analysis.getAction()).contains("CCP_BOOTSTRAP_ADMIN_EMAIL");
    }
}
