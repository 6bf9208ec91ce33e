package com.creatorcampaignpro.jobs;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request and response bodies of the operators' API. Times are ISO-8601 instants (UTC). */
final class OpsDtos {

    private OpsDtos() {
    }

    /** {@code min}/{@code max}: the inclusive range of a numeric parameter, null when unbounded. */
    record ParameterView(String name, String type, boolean required, String defaultValue, boolean identifying,
                         String description, BigDecimal min, BigDecimal max) {
    }

    record ExecutionSummary(long id, String jobName, long instanceId, String status, String exitCode,
                            String exitDescription, Instant createTime, Instant startTime, Instant endTime,
                            Long durationMillis, String node) {
    }

    record JobView(String name, String description, String reads, String writes, boolean restartable,
                   List<ParameterView> parameters, ExecutionSummary runningExecution, ExecutionSummary lastExecution,
                   ScheduleView schedule, Instant nextFireTime) {
    }

    record JobList(List<JobView> items) {
    }

    record ExecutionPage(List<ExecutionSummary> items, String nextCursor) {
    }

    /** Values as text, typed against the job's declaration: {"parameters": {"batchSize": "1000"}}. */
    record LaunchRequest(@Schema(description = "parameter name -> value as text (see GET /api/ops/jobs for names, types"
            + " and ranges)", additionalPropertiesSchema = BoundedText.class) Map<String, String> parameters) {
    }

    /** A job parameter value as text: JobParameterRules refuses longer ones. */
    @Schema(maxLength = JobParameterRules.MAX_TEXT_LENGTH)
    static final class BoundedText {
        private BoundedText() {
        }
    }

    record Accepted(long executionId, String jobName, String status, String action) {
    }

    record ParameterValue(String name, String value, String type, boolean identifying) {
    }

    record StepView(long id, String name, String status, String exitCode, long readCount, long writeCount,
                    long filterCount, long readSkipCount, long processSkipCount, long writeSkipCount, long skipCount,
                    long commitCount, long rollbackCount, Instant startTime, Instant endTime, Long durationMillis,
                    String failure, java.util.Map<String, Long> counts) {
    }

    record ExecutionDetail(long id, String jobName, long instanceId, String status, String exitCode,
                           String exitDescription, List<ParameterValue> parameters, String node, Instant createTime,
                           Instant startTime, Instant endTime, Long durationMillis, Instant lastUpdated,
                           List<StepView> steps) {
    }

    record ConfiguredSchedule(String cron, String timeZone, boolean enabled) {
    }

    record ScheduleView(String jobName, String cron, String timeZone, boolean paused, String state,
                        Instant nextFireTime, Instant previousFireTime, String source, UUID updatedBy,
                        Instant updatedAt, ConfiguredSchedule configured) {
    }

    record ScheduleList(List<ScheduleView> items) {
    }

    record ScheduleRequest(@NotBlank @Size(max = 200) String cron, @NotBlank @Size(max = 100) String timeZone) {
    }
}
