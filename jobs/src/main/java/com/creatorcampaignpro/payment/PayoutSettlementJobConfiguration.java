package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.jobs.JobDefinition;
import com.creatorcampaignpro.jobs.JobExecutionLogger;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.List;

/**
 * payoutSettlementJob: accrue -> batch -> submit -> reconcile (DESIGN.md, issue 9).
 *
 * <ul>
 *   <li><b>accrue</b>: failed payments of earlier runs are requeued, resolved holds released, then one
 *       payment per approved or published content, a transaction per set of campaigns.</li>
 *   <li><b>batch</b>: pending payments by provider and currency into payout_batches, one batch per
 *       transaction; a batch over ccp.payouts.approval-threshold waits for a finance approval
 *       (POST /api/finance/batches/{id}/approve) and is submitted by a later run.</li>
 *   <li><b>submit</b> and <b>reconcile</b>: provider calls, outside any transaction (the step runs on
 *       a resourceless transaction manager; each write is one atomic statement).</li>
 * </ul>
 * Every step is idempotent on the database state, so a restart (after a crash, a kill, a stop)
 * reruns the unfinished steps and pays each payment exactly once. No parameters: operators launch it
 * bare, schedules through JobOperations.
 */
@Configuration(proxyBeanMethods = false)
public class PayoutSettlementJobConfiguration {
    public static final String JOB_NAME = "payoutSettlementJob";

    @Bean
    JobDefinition payoutSettlementJobDefinition() {
        return new JobDefinition(JOB_NAME,
                "Settles approved content: accrues payments, batches them per provider and currency, submits Stripe"
                        + " transfers and PayPal payouts, and reconciles their outcomes",
                "content, campaign_invitations, content_rates, payee_tax_profiles, payment_methods, providers",
                "payments, campaigns.spent, payout_batches, payment_attempts, payment_methods (pending Stripe"
                        + " accounts activated), notifications", List.of());
    }

    @Bean
    Step payoutAccrueStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                          PayoutSettlement payoutSettlement) {
        return new StepBuilder("payoutAccrueStep", jobRepository)
                .tasklet((contribution, chunk) -> {
                    var context = chunk.getStepContext().getStepExecution().getExecutionContext();
                    if (!context.containsKey("payout.prepared")) {
                        payoutSettlement.prepareRun(instanceId(chunk.getStepContext().getStepExecution().getJobExecution()));
                        context.putString("payout.prepared", "yes");
                        return RepeatStatus.CONTINUABLE;
                    }
                    return payoutSettlement.accrueNext(null).map(accrued -> {
                        contribution.incrementWriteCount(accrued.pending() + accrued.held());
                        return RepeatStatus.CONTINUABLE;
                    }).orElse(RepeatStatus.FINISHED);
                }, transactionManager)
                .build();
    }

    @Bean
    Step payoutBatchStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                         PayoutSettlement payoutSettlement) {
        return new StepBuilder("payoutBatchStep", jobRepository)
                .tasklet((contribution, chunk) -> {
                    JobExecution execution = chunk.getStepContext().getStepExecution().getJobExecution();
                    return payoutSettlement.batchNext(null, execution.getId(), instanceId(execution), null)
                            .map(batch -> {
                                contribution.incrementWriteCount(batch.itemCount());
                                return RepeatStatus.CONTINUABLE;
                            }).orElse(RepeatStatus.FINISHED);
                }, transactionManager)
                .build();
    }

    @Bean
    Step payoutSubmitStep(JobRepository jobRepository, PayoutSettlement payoutSettlement) {
        // No database transaction around provider calls: the settlement commits before and after each.
        return new StepBuilder("payoutSubmitStep", jobRepository)
                .tasklet((contribution, chunk) -> {
                    contribution.incrementWriteCount(payoutSettlement.submitAll());
                    return RepeatStatus.FINISHED;
                }, new ResourcelessTransactionManager())
                .build();
    }

    @Bean
    Step payoutReconcileStep(JobRepository jobRepository, PayoutSettlement payoutSettlement,
                             PendingStripeAccounts pendingStripeAccounts) {
        return new StepBuilder("payoutReconcileStep", jobRepository)
                .tasklet((contribution, chunk) -> {
                    contribution.incrementWriteCount(payoutSettlement.reconcileAll());
                    // Methods whose account.updated webhook never came: Stripe is asked directly.
                    pendingStripeAccounts.activateOnboarded();
                    return RepeatStatus.FINISHED;
                }, new ResourcelessTransactionManager())
                .build();
    }

    @Bean
    Job payoutSettlementJob(JobRepository jobRepository, Step payoutAccrueStep, Step payoutBatchStep,
                            Step payoutSubmitStep, Step payoutReconcileStep, JobExecutionLogger jobExecutionLogger) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(jobExecutionLogger)
                .start(payoutAccrueStep)
                .next(payoutBatchStep)
                .next(payoutSubmitStep)
                .next(payoutReconcileStep)
                .build();
    }

    private static Long instanceId(JobExecution execution) {
        return execution.getJobInstance() == null ? null : execution.getJobInstance().getInstanceId();
    }
}
