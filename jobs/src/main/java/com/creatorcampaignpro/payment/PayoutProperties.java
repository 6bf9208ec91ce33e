package com.creatorcampaignpro.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * payoutSettlementJob and POST /api/payments/process: the platform fee, the tax default for payees
 * without a form on file, the batch sizes and approval threshold, and how provider calls are retried.
 *
 * @param platformFeeRate        share of the gross kept as the platform fee (0.10 = 10 %), rounded half to even
 * @param holdWithoutTaxForm     true: a payee without a W-9/W-8BEN on file is held; false: backup withholding applies
 * @param backupWithholdingRate  withheld from (gross - fee) when no form is on file and payments are not held
 * @param approvalThreshold      a batch whose total net (minor units) exceeds this waits for a finance approval
 * @param stripeBatchSize        payments per Stripe transfer group
 * @param paypalBatchSize        items per PayPal payout (PayPal allows 15,000)
 * @param stripeConcurrency      Stripe transfers in flight at once
 * @param maxAttempts            attempts per payment across runs before it stays failed for finance
 * @param callRetries            tries of one provider call within a run (same key) before leaving it to the next run
 * @param initialBackoff         first wait between tries, doubled each time
 * @param maxBackoff             longest wait between tries (also caps a provider's Retry-After)
 * @param campaignsPerTransaction campaigns accrued per transaction
 * @param pendingAccountChecks   pending Stripe accounts looked up at Stripe per reconcile (their account.updated may be lost)
 */
@ConfigurationProperties("ccp.payouts")
public record PayoutProperties(
        @DefaultValue("0.10") BigDecimal platformFeeRate,
        @DefaultValue("true") boolean holdWithoutTaxForm,
        @DefaultValue("0.24") BigDecimal backupWithholdingRate,
        @DefaultValue("1000000") long approvalThreshold,
        @DefaultValue("1000") int stripeBatchSize,
        @DefaultValue("15000") int paypalBatchSize,
        @DefaultValue("8") int stripeConcurrency,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("4") int callRetries,
        @DefaultValue("200ms") Duration initialBackoff,
        @DefaultValue("10s") Duration maxBackoff,
        @DefaultValue("500") int campaignsPerTransaction,
        @DefaultValue("100") int pendingAccountChecks) {

    public int batchSize(String provider) {
        return "paypal".equals(provider) ? Math.min(paypalBatchSize, PayPalPayouts.MAX_ITEMS) : stripeBatchSize;
    }
}
