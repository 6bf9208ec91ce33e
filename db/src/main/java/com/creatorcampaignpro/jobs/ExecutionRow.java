package com.creatorcampaignpro.jobs;

import java.time.LocalDateTime;

/**
 * One row of Spring Batch's BATCH_JOB_EXECUTION with its job name. Batch stores local times
 * (TIMESTAMP without zone) in the JVM's zone; callers convert.
 */
public record ExecutionRow(long jobExecutionId, long jobInstanceId, String jobName, String status, String exitCode,
                           String exitMessage, LocalDateTime createTime, LocalDateTime startTime,
                           LocalDateTime endTime, String node) {
}
