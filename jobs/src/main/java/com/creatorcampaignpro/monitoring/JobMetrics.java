package com.creatorcampaignpro.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per job: {@code ccp.job.duration} (timer, tags job and status), {@code ccp.job.items} (counter,
 * tags job and kind read/written/filtered/skipped, summed over the steps) and {@code ccp.job.failures}
 * (counter, tag job). Attached to every job by {@link JobMetricsRegistrar}, so a new job needs nothing.
 */
final class JobMetrics implements JobExecutionListener {
    static final String DURATION = "ccp.job.duration";
    static final String ITEMS = "ccp.job.items";
    static final String FAILURES = "ccp.job.failures";
    static final String RUNNING = "ccp.job.running";

    private final MeterRegistry meters;
    private final String job;
    private final AtomicInteger running = new AtomicInteger();

    JobMetrics(MeterRegistry meters, String job) {
        this.meters = meters;
        this.job = job;
        // Registered at zero, so dashboards show every job before its first run.
        for (String kind : new String[] {"read", "written", "filtered", "skipped"}) {
            items(kind);
        }
        failures();
        meters.gauge(RUNNING, List.of(Tag.of("job", job)), running);
    }

    @Override
    public void beforeJob(JobExecution execution) {
        running.incrementAndGet();
    }

    @Override
    public void afterJob(JobExecution execution) {
        running.decrementAndGet();
        Duration took = execution.getStartTime() == null || execution.getEndTime() == null ? Duration.ZERO
                : Duration.between(execution.getStartTime(), execution.getEndTime());
        Timer.builder(DURATION).description("job executions by final status").tag("job", job)
                .tag("status", execution.getStatus().name()).register(meters).record(took);
        long read = 0, written = 0, filtered = 0, skipped = 0;
        for (StepExecution step : execution.getStepExecutions()) {
            read += step.getReadCount();
            written += step.getWriteCount();
            filtered += step.getFilterCount();
            skipped += step.getSkipCount();
        }
        items("read").increment(read);
        items("written").increment(written);
        items("filtered").increment(filtered);
        items("skipped").increment(skipped);
        if (execution.getStatus() == BatchStatus.FAILED) {
            failures().increment();
        }
    }

    private Counter items(String kind) {
        return Counter.builder(ITEMS).description("items processed by a job's steps").tag("job", job).tag("kind", kind)
                .register(meters);
    }

    private Counter failures() {
        return Counter.builder(FAILURES).description("job executions that ended FAILED").tag("job", job).register(meters);
    }
}
