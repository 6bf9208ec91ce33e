package com.creatorcampaignpro.jobs;

import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.error.ValidationException.FieldViolation;
import com.creatorcampaignpro.jobs.JobParameterRules.TypedParameter;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobParameterRulesTests {

    private static final JobDefinition JOB = new JobDefinition("demoJob", "demo", "nothing", "nothing", List.of(
            JobParameterSpec.required("day", JobParameterType.DATE, true, "the day to process"),
            JobParameterSpec.optional("batchSize", JobParameterType.LONG, "500", false, "rows per chunk"),
            JobParameterSpec.optional("dryRun", JobParameterType.BOOLEAN, null, false, "write nothing")));

    @Test
    void typesGivenValuesAndFillsDefaults() {
        List<TypedParameter> typed = JobParameterRules.validate(JOB, Map.of("day", "2026-11-25", "dryRun", "TRUE"));

        assertThat(typed).extracting(t -> t.spec().name(), TypedParameter::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("day", LocalDate.of(2026, 11, 25)),
                        org.assertj.core.groups.Tuple.tuple("batchSize", 500L),
                        org.assertj.core.groups.Tuple.tuple("dryRun", true));
    }

    @Test
    void reportsUnknownWrongTypeAndMissingTogether() {
        assertThatThrownBy(() -> JobParameterRules.validate(JOB, Map.of("batchSize", "many", "colour", "red")))
                .isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).violations().stream().map(FieldViolation::field).toList())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder("parameters.colour", "parameters.batchSize", "parameters.day");
    }

    @Test
    void aJobWithoutParametersRefusesAny() {
        JobDefinition bare = new JobDefinition("bareJob", "", "", "", List.of());
        assertThatThrownBy(() -> JobParameterRules.validate(bare, Map.of("x", "1")))
                .hasMessageContaining("parameters.x: is not accepted: bareJob takes no parameters");
        assertThat(JobParameterRules.validate(bare, Map.of())).isEmpty();
    }

    @Test
    void typesParseStrictly() {
        assertThat(JobParameterType.LONG.parse("1.5")).isEmpty();
        assertThat(JobParameterType.DOUBLE.parse("NaN")).isEmpty();
        assertThat(JobParameterType.DOUBLE.parse("1.5")).contains(1.5);
        assertThat(JobParameterType.BOOLEAN.parse("yes")).isEmpty();
        assertThat(JobParameterType.DATE.parse("2026-02-30")).isEmpty();
    }

    @Test
    void declarationsAreCheckedWhenTheJobIsDefined() {
        assertThatThrownBy(() -> JobParameterSpec.optional("n", JobParameterType.LONG, "ten", false, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JobParameterSpec.optional("ccp.node", JobParameterType.STRING, null, false, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rangesAreCheckedAtLaunchNamingTheParameter() {
        JobDefinition job = new JobDefinition("keepJob", "demo", "nothing", "nothing", List.of(
                JobParameterSpec.optional("retentionDays", JobParameterType.LONG, "1", false, "keep").between(1, 3650),
                JobParameterSpec.optional("label", JobParameterType.STRING, null, false, "text"),
                JobParameterSpec.optional("day", JobParameterType.DATE, null, false, "a day")));

        assertThat(JobParameterRules.validate(job, Map.of("retentionDays", "3650"))).hasSize(1);
        for (Map<String, String> given : List.of(Map.of("retentionDays", "-1"), Map.of("retentionDays", "0"),
                Map.of("retentionDays", "3651"), Map.of("label", "a\u0000b"), Map.of("label", "x".repeat(1001)),
                Map.of("day", "+10000-01-01"))) {
            assertThatThrownBy(() -> JobParameterRules.validate(job, given)).as(given.toString())
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                            .extracting(FieldViolation::field).containsExactly("parameters." + given.keySet().iterator().next()));
        }
        assertThatThrownBy(() -> JobParameterSpec.optional("n", JobParameterType.LONG, "0", false, "").between(1, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
