package com.creatorcampaignpro.jobs;

import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

import java.util.UUID;

/** The Quartz side of a {@link JobHandoff}: fired once, on whichever scheduler instance acquires it. */
public class HandoffLauncher extends QuartzJobBean {
    private final JobHandoff handoff;
    private final JobOperations operations;

    public HandoffLauncher(JobHandoff handoff, JobOperations operations) {
        this.handoff = handoff;
        this.operations = operations;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        handoff.perform(UUID.fromString(context.getMergedJobDataMap().getString(JobHandoff.HANDOFF_ID)), operations);
    }
}
