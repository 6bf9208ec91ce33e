package com.creatorcampaignpro.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.time.Clock;
import java.time.LocalDate;

/**
 * One run of the rollup, in the step's single transaction: lock the state row, then either the full
 * statement or the delta statement (after closing the previous day if this is a new one), and the
 * new state. Everything commits
 * together or not at all, so a failed run leaves the queue and the totals as they were and a restart
 * (or the next run) simply does the work again: idempotent and restart-safe without bookkeeping.
 */
class MetricsRollupTasklet implements Tasklet {
    private static final Logger log = LoggerFactory.getLogger(MetricsRollupTasklet.class);

    private final MetricsRollupDao dao;
    private final MetricsProperties properties;
    private final Clock clock;

    MetricsRollupTasklet(MetricsRollupDao dao, MetricsProperties properties, Clock clock) {
        this.dao = dao;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var stepExecution = chunkContext.getStepContext().getStepExecution();
        RollupMode requested = RollupMode.parse(stepExecution.getJobParameters().getString(MetricsRollupJobConfiguration.MODE))
                .orElseThrow();
        LocalDate day = LocalDate.now(clock.withZone(properties.timeZone()));

        RollupState state = dao.lockState();
        boolean full = requested == RollupMode.FULL || state.fullRequired()
                || (requested == RollupMode.AUTO && dao.pendingChangesExceed(properties.fullRollupThreshold()));
        // The first run of a new day first records the previous run's day as it ended.
        if (state.lastRunDay() != null && state.lastRunDay().isBefore(day)) {
            dao.closeDay(state.lastRunDay());
        }
        RollupResult result;
        if (full) {
            result = dao.fullRollup();
        } else {
            result = dao.applyChanges();
        }
        dao.markCompleted(full, day);

        contribution.incrementWriteCount(result.campaignsWritten());
        ExecutionContext context = stepExecution.getExecutionContext();
        context.putString(MetricsRollupJobConfiguration.MODE_USED, full ? "full" : "incremental");
        context.putLong("rollup.changesConsumed", result.changesConsumed());
        context.putLong("rollup.campaignsWritten", result.campaignsWritten());
        log.info("Metrics rollup ({}): {} change rows applied, {} campaigns written, day {}",
                full ? "full" : "incremental", result.changesConsumed(), result.campaignsWritten(), day);
        return RepeatStatus.FINISHED;
    }
}
