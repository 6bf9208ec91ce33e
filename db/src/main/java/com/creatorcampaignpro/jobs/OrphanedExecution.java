package com.creatorcampaignpro.jobs;

import java.time.Instant;

/** A running execution whose owning node stopped heartbeating ({@code lastHeartbeat} null: node unknown). */
public record OrphanedExecution(long jobExecutionId, String jobName, String node, Instant lastHeartbeat) {
}
