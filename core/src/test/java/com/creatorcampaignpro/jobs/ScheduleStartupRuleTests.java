package com.creatorcampaignpro.jobs;

import com.creatorcampaignpro.jobs.ScheduleStartupRule.Decision;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleStartupRuleTests {

    private static final ScheduleSpec NIGHTLY = new ScheduleSpec("0 15 3 * * ?", "UTC", true);

    @Test
    void aNewJobGetsItsConfiguredSchedule() {
        assertThat(ScheduleStartupRule.decide(Optional.empty(), NIGHTLY)).isEqualTo(Decision.CREATE_FROM_CONFIG);
    }

    @Test
    void anUnchangedConfigurationKeepsWhatOperatorsSet() {
        assertThat(ScheduleStartupRule.decide(Optional.of(NIGHTLY), NIGHTLY)).isEqualTo(Decision.KEEP_CURRENT);
    }

    @Test
    void aChangedConfigurationWins() {
        assertThat(ScheduleStartupRule.decide(Optional.of(NIGHTLY), new ScheduleSpec("0 15 4 * * ?", "UTC", true)))
                .isEqualTo(Decision.APPLY_CHANGED_CONFIG);
        assertThat(ScheduleStartupRule.decide(Optional.of(NIGHTLY), new ScheduleSpec("0 15 3 * * ?", "UTC", false)))
                .isEqualTo(Decision.APPLY_CHANGED_CONFIG);
    }
}
