package com.creatorcampaignpro.notification;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Tells operators when an execution starts, finishes or fails. Spring Batch commits an execution's
 * status in its own transactions; these rows are written right after, in their own: a crash between
 * the two loses the event (dead-node recovery's FAILED then raises none either; README says so).
 */
final class ExecutionNotifier implements JobExecutionListener {
    private final Supplier<Notifications> notifications;

    ExecutionNotifier(Supplier<Notifications> notifications) {
        this.notifications = notifications;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        notifications.get().toOperators(Notifications.EXECUTION_STARTED, payload(execution));
    }

    @Override
    public void afterJob(JobExecution execution) {
        boolean failed = execution.getStatus() == BatchStatus.FAILED;
        Map<String, Object> payload = payload(execution);
        if (failed) {
            String message = execution.getExitStatus().getExitDescription();
            payload.put("failure", message == null ? "" : message.lines().findFirst().orElse(""));
        }
        notifications.get().toOperators(failed ? Notifications.EXECUTION_FAILED : Notifications.EXECUTION_FINISHED, payload);
    }

    private static Map<String, Object> payload(JobExecution execution) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("executionId", execution.getId());
        payload.put("job", execution.getJobInstance().getJobName());
        payload.put("status", execution.getStatus().name());
        payload.put("exitCode", execution.getExitStatus().getExitCode());
        return payload;
    }
}
