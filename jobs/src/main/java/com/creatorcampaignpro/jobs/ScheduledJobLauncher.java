package com.creatorcampaignpro.jobs;

import com.creatorcampaignpro.error.ConflictException;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The one Quartz job: looks the Spring Batch job up by name (the job data's {@code jobName}) and
 * starts it through {@link JobOperations}. The scheduled fire time is the run's identifying
 * parameter, so a duplicate fire of the same trigger maps to the same job instance and is refused.
 * {@code @DisallowConcurrentExecution} is only a local courtesy: the database lock is the guard.
 */
@DisallowConcurrentExecution
public class ScheduledJobLauncher extends QuartzJobBean {
    private static final Logger log = LoggerFactory.getLogger(ScheduledJobLauncher.class);
    static final String JOB_NAME = "jobName";

    private final JobOperations operations;

    public ScheduledJobLauncher(JobOperations operations) {
        this.operations = operations;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        String jobName = context.getMergedJobDataMap().getString(JOB_NAME);
        try {
            long id = operations.launchScheduled(jobName, context.getScheduledFireTime().toInstant()).getId();
            log.info("Schedule of {} fired at {}: execution {}", jobName, context.getScheduledFireTime().toInstant(), id);
        } catch (ConflictException refused) {
            // Already running, or this very fire was already launched (a duplicate fire): skip it.
            log.info("Schedule of {} fired at {} but the launch was refused: {}", jobName,
                    context.getScheduledFireTime().toInstant(), refused.getMessage());
        } catch (RuntimeException e) {
            log.error("Schedule of {} fired at {} but the launch failed", jobName, context.getScheduledFireTime().toInstant(), e);
        }
    }
}
