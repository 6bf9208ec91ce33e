package com.creatorcampaignpro.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Tells operators when a step of a running execution ends, with its counts: the operators' console
 * shows an execution's progress from these events between its started and finished ones. Written
 * in a transaction of its own after the step's work; a failure to write it is logged, never turned
 * into a failed step.
 */
final class StepProgressNotifier implements StepExecutionListener {
    private static final Logger log = LoggerFactory.getLogger(StepProgressNotifier.class);

    private final Supplier<Notifications> notifications;

    StepProgressNotifier(Supplier<Notifications> notifications) {
        this.notifications = notifications;
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("executionId", step.getJobExecutionId());
        payload.put("job", step.getJobExecution().getJobInstance().getJobName());
        payload.put("step", step.getStepName());
        payload.put("status", step.getStatus().name());
        payload.put("readCount", step.getReadCount());
        payload.put("writeCount", step.getWriteCount());
        payload.put("skipCount", step.getSkipCount());
        try {
            notifications.get().toOperators(Notifications.EXECUTION_STEP, payload);
        } catch (RuntimeException e) {
            log.warn("Could not announce the end of step {} of execution {}: {}", step.getStepName(),
                    step.getJobExecutionId(), e.toString());
        }
        return null;
    }
}
