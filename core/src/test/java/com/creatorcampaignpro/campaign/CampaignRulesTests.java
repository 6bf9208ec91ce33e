package com.creatorcampaignpro.campaign;

import com.creatorcampaignpro.error.ConflictException;
import com.creatorcampaignpro.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CampaignRulesTests {

    static Campaign campaign(long budget, LocalDate start, LocalDate end, String currency) {
        return new Campaign(null, null, "Spring launch", "", null, CampaignStatus.DRAFT, budget, 0, currency,
                start, end, List.of(), List.of(), List.of(), List.of("instagram"), null, null, null, "{}", "[]", null, null);
    }

    @ParameterizedTest
    @CsvSource({
            "draft, active, true", "draft, cancelled, true", "draft, paused, false", "draft, completed, false",
            "active, paused, true", "active, completed, true", "active, draft, false",
            "paused, active, true", "paused, cancelled, true",
            "completed, active, false", "cancelled, active, false", "completed, cancelled, false"})
    void statusMachineFollowsDesign(String from, String to, boolean allowed) {
        CampaignStatus a = CampaignStatus.parse(from).orElseThrow();
        CampaignStatus b = CampaignStatus.parse(to).orElseThrow();
        if (allowed) {
            assertThatCode(() -> CampaignRules.checkTransition(a, b)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> CampaignRules.checkTransition(a, b))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining(from).hasMessageContaining(to);
        }
    }

    @Test
    void negativeBudgetNamesTheField() {
        assertThatThrownBy(() -> CampaignRules.validate(campaign(-1, null, null, "USD")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations()).extracting(ValidationException.FieldViolation::field).containsExactly("budget"));
    }

    @Test
    void endBeforeStartIsRefused() {
        assertThatThrownBy(() -> CampaignRules.validate(
                campaign(100, LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 1), "USD")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations()).extracting(ValidationException.FieldViolation::field).containsExactly("endDate"));
    }

    @Test
    void unknownCurrencyAndPlatformAreBothReported() {
        Campaign c = new Campaign(null, null, "x", "", null, CampaignStatus.DRAFT, 0, 0, "XXQ", null, null,
                List.of(), List.of(), List.of(), List.of("myspace"), null, null, null, "{}", "[]", null, null);
        assertThatThrownBy(() -> CampaignRules.validate(c))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations()).extracting(ValidationException.FieldViolation::field)
                                .containsExactly("currency", "targetPlatforms[0]"));
    }

    @Test
    void sameDayStartAndEndIsValid() {
        LocalDate day = LocalDate.of(2026, 5, 1);
        assertThatCode(() -> CampaignRules.validate(campaign(0, day, day, "EUR"))).doesNotThrowAnyException();
    }

    @Test
    void activeCampaignsCannotBeDeleted() {
        assertThatThrownBy(() -> CampaignRules.checkDeletable(CampaignStatus.ACTIVE)).isInstanceOf(ConflictException.class);
        assertThatCode(() -> CampaignRules.checkDeletable(CampaignStatus.DRAFT)).doesNotThrowAnyException();
    }
}
