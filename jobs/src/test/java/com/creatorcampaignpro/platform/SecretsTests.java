package com.creatorcampaignpro.platform;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretsTests {

    @Test
    void prodProfileRefusesToStartWithoutTheSecret() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        assertThatThrownBy(() -> new Secrets(prod).require("CCP_JWT_SECRET", "", "signing access tokens", 32))
                .isInstanceOfSatisfying(MissingSecretException.class, e -> assertThat(e.variable()).isEqualTo("CCP_JWT_SECRET"));
    }

    @Test
    void otherProfilesGetARandomSecretEachTime() {
        Secrets secrets = new Secrets(new MockEnvironment());
        byte[] first = secrets.require("CCP_JWT_SECRET", null, "signing access tokens", 32);
        byte[] second = secrets.require("CCP_JWT_SECRET", null, "signing access tokens", 32);
        assertThat(first).hasSize(32).isNotEqualTo(second);
    }

    @Test
    void configuredSecretIsUsedAndMustBeLongEnough() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        Secrets secrets = new Secrets(prod);
        assertThat(secrets.require("CCP_JWT_SECRET", "a".repeat(40), "x", 32)).hasSize(40);
        assertThat(secrets.require("CCP_JWT_SECRET", "base64:" + "A".repeat(64), "x", 32)).hasSize(48);
        assertThatThrownBy(() -> secrets.require("CCP_JWT_SECRET", "too short", "x", 32))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 32 bytes");
    }

    @Test
    void failureAnalysisTellsWhatToSet() {
        var analysis = new MissingSecretFailureAnalyzer().analyze(new MissingSecretException("CCP_JWT_SECRET", "signing access tokens"));
        assertThat(analysis.getDescription()).contains("CCP_JWT_SECRET");
        assertThat(analysis.getAction()).contains("config/.env.example");
    }
}
