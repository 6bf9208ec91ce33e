package com.creatorcampaignpro.campaign;

import com.creatorcampaignpro.error.ConflictException;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CampaignRulesTests {

    static Campaign campaign(long budget, LocalDate start, LocalDate end, String currency) {
        return new Campaign(null, null, "Spring launch", "", List.of(), CampaignStatus.DRAFT, Money.of(budget, currency),
                Money.zero(currency), start, end, List.of(), List.of(), List.of(), List.of("instagram"), null, null, null,
                TargetAudience.NONE, List.of(), null, null);
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
    void unknownCurrencyIsRefusedBeforeAnAmountExists() {
        assertThatThrownBy(() -> CampaignRules.money(0, "XXQ"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations()).extracting(ValidationException.FieldViolation::field)
                                .containsExactly("currency"));
        assertThat(CampaignRules.money(150, "EUR")).isEqualTo(Money.of(150, "EUR"));
    }

    @Test
    void unknownPlatformsDeliverablesAndAudienceAreAllReported() {
        Campaign c = new Campaign(null, null, "x", "", List.of("  awareness ", "", "x".repeat(501)), CampaignStatus.DRAFT,
                Money.zero("USD"), Money.zero("USD"), null, null, List.of(), List.of(), List.of(), List.of("myspace"),
                null, null, null, new TargetAudience(List.of("us", "XX"), 40, 18, List.of("Female"), List.of(), null),
                List.of(new Deliverable("instagram", "reel", 2, null, null),
                        new Deliverable("myspace", "reel", 0, null, null)), null, null);
        assertThatThrownBy(() -> CampaignRules.validate(c))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations()).extracting(ValidationException.FieldViolation::field)
                                .containsExactly("objectives[1]", "targetPlatforms[0]", "targetAudience.countries[1]",
                                        "targetAudience.maxAge", "deliverables[1].platform", "deliverables[1].quantity"));
    }

    @Test
    void normalizedTrimsObjectivesAndLowerCasesDeliverablesAndAudience() {
        Campaign c = new Campaign(null, null, "x", "", List.of(" awareness ", "", "sales"), CampaignStatus.DRAFT,
                Money.zero("USD"), Money.zero("USD"), null, null, List.of(), List.of(), List.of(), List.of(),
                null, null, null, new TargetAudience(List.of("us"), 18, 34, List.of(" Female"), List.of("Fitness"), "  "),
                List.of(new Deliverable(" Instagram", "REEL", 2, LocalDate.of(2026, 6, 1), " ")), null, null);
        Campaign n = CampaignRules.normalized(c);
        assertThat(n.objectives()).containsExactly("awareness", "sales");
        assertThat(n.targetAudience()).isEqualTo(new TargetAudience(List.of("US"), 18, 34, List.of("female"), List.of("fitness"), null));
        assertThat(n.deliverables()).containsExactly(new Deliverable("instagram", "reel", 2, LocalDate.of(2026, 6, 1), null));
    }

    @Test
    void seedStyleAudienceKeepsUnknownKeysInTheNotes() {
        TargetAudience a = TargetAudience.fromMap(Map.of("ageRange", "18-34", "gender", "female", "country", "US"));
        assertThat(a).isEqualTo(new TargetAudience(List.of("US"), 18, 34, List.of("female"), List.of(), null));
        TargetAudience open = TargetAudience.fromMap(new LinkedHashMap<>(Map.of("ageRange", "25+")));
        assertThat(open.minAge()).isEqualTo(25);
        assertThat(open.maxAge()).isNull();
        LinkedHashMap<String, Object> odd = new LinkedHashMap<>();
        odd.put("notes", "urban");
        odd.put("location", "New York");
        odd.put("income", 50_000);
        TargetAudience kept = TargetAudience.fromMap(odd);
        assertThat(kept.countries()).isEmpty();
        assertThat(kept.notes()).isEqualTo("urban\nlocation: New York\nincome: 50000");
        assertThat(TargetAudience.fromMap(a.toMap())).isEqualTo(a);
        assertThat(TargetAudience.fromMap(Map.of())).isEqualTo(TargetAudience.NONE);
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
