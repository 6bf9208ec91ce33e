package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.money.Money;
import com.creatorcampaignpro.payment.PayoutCallException.Outcome;
import com.creatorcampaignpro.payment.PayoutDao.Attempt;
import com.creatorcampaignpro.payment.PayoutDao.Batch;
import com.creatorcampaignpro.payment.SettlementDao.Accrued;
import com.creatorcampaignpro.payment.SettlementDao.CreatedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The four settlement operations, shared by payoutSettlementJob and POST /api/payments/process.
 *
 * <p>accrue and batch are set-based statements that the caller runs inside its transaction. submit
 * and reconcile talk to providers and must run outside any transaction: each of their writes is one
 * atomic statement, committed before (the attempt and its key, then "sent") or after (the answer) a
 * call, never around it. A crash anywhere leaves a state that a rerun resolves without paying twice:
 * prepared -> send; sent or unknown -> look up first, then send the same request under the same key.
 */
public class PayoutSettlement implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PayoutSettlement.class);

    private final SettlementDao settlement;
    private final PayoutDao payouts;
    private final Map<String, PayoutProvider> providers;
    private final PayoutProperties properties;
    private final TransactionOperations tx;
    private final PaymentOutcomes outcomes;
    private ExecutorService calls;

    /** Without notifications or meters: each state change is its own transaction (the crash test's child, the benchmark). */
    public PayoutSettlement(SettlementDao settlement, PayoutDao payouts, List<PayoutProvider> providers,
                            PayoutProperties properties) {
        this(settlement, payouts, providers, properties, TransactionOperations.withoutTransaction(), PaymentOutcomes.NONE);
    }

    /**
     * {@code tx} wraps each settling write with its {@code outcomes} (the payee's notification in the
     * same transaction); it never spans a provider call.
     */
    public PayoutSettlement(SettlementDao settlement, PayoutDao payouts, List<PayoutProvider> providers,
                            PayoutProperties properties, TransactionOperations tx, PaymentOutcomes outcomes) {
        this.settlement = settlement;
        this.payouts = payouts;
        this.providers = providers.stream().collect(Collectors.toMap(PayoutProvider::name, Function.identity()));
        this.properties = properties;
        this.tx = tx;
        this.outcomes = outcomes;
    }

    /** The threads that carry per-payment calls, bounded by ccp.payouts.stripe-concurrency; made on first use. */
    private synchronized ExecutorService calls() {
        if (calls == null) {
            calls = Executors.newFixedThreadPool(Math.max(1, properties.stripeConcurrency()), r -> {
                Thread thread = new Thread(r, "payout-call");
                thread.setDaemon(true);
                return thread;
            });
        }
        return calls;
    }

    @Override
    public synchronized void close() {
        if (calls != null) {
            calls.shutdownNow();
        }
    }

    // ---- accrue (inside the caller's transaction) ---------------------------------------------

    /** Failed payments of earlier runs get a new attempt; resolved method and tax-form holds are released. */
    public int prepareRun(Long jobInstanceId) {
        int requeued = payouts.requeueFailed(jobInstanceId, properties.maxAttempts());
        settlement.lockReleasableHolds();
        int released = settlement.releaseMethodHolds() + settlement.releaseTaxHolds();
        if (requeued + released > 0) {
            log.info("Payout run: {} failed payments requeued for a new attempt, {} holds released", requeued, released);
        }
        return requeued + released;
    }

    /**
     * Accrues the due content of the next campaigns (all of them, or one content item): locks the
     * campaigns, then creates the payments. Empty when nothing is due.
     */
    public Optional<Accrued> accrueNext(UUID contentId) {
        List<UUID> campaigns = settlement.lockCampaignsWithDueContent(contentId, properties.campaignsPerTransaction());
        if (campaigns.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(settlement.accrue(campaigns.toArray(UUID[]::new), contentId, properties.platformFeeRate(),
                properties.holdWithoutTaxForm(), properties.backupWithholdingRate()));
    }

    // ---- batch (inside the caller's transaction) ----------------------------------------------

    /** Creates the next batch (of one payment when {@code paymentId} is given); empty when none is ready. */
    public Optional<CreatedBatch> batchNext(UUID paymentId, Long jobExecutionId, Long jobInstanceId, UUID launchedBy) {
        return settlement.nextBatchGroup(paymentId).flatMap(group -> {
            int max = properties.batchSize(group.provider());
            settlement.lockPayeesOfNextBatch(paymentId, group.provider(), group.currency(), max);
            return settlement.createBatch(paymentId, group.provider(), group.currency(), max,
                    properties.approvalThreshold(), jobExecutionId, jobInstanceId, launchedBy);
        });
    }

    // ---- submit (outside any transaction) -----------------------------------------------------

    /** Sends every ready or half-sent batch. */
    public int submitAll() {
        int n = 0;
        for (Batch batch : payouts.toSubmit()) {
            submit(batch.id());
            n++;
        }
        return n;
    }

    /** Sends one batch: its attempts (and keys) are stored first, then each call goes out. */
    public void submit(UUID batchId) {
        Batch batch = payouts.find(batchId).orElseThrow();
        if (!batch.status().equals("ready") && !batch.status().equals("submitting")) {
            return;
        }
        if (batch.status().equals("ready")) {
            payouts.prepareAttempts(batchId);
        }
        PayoutProvider provider = provider(batch.provider());
        if (provider.maxItemsPerSubmission() == 1) {
            List<Future<?>> sent = new ArrayList<>();
            for (Attempt attempt : payouts.openAttempts(batchId)) {
                sent.add(calls().submit(() -> sendOne(provider, attempt)));
            }
            for (Future<?> f : sent) {
                await(f);
            }
        } else {
            sendBatch(provider, batch);
        }
        payouts.finishSubmission(batchId, "the provider refused every payment of the batch");
    }

    private void sendOne(PayoutProvider provider, Attempt attempt) {
        PayoutSubmission submission = new PayoutSubmission(attempt.batchId(), attempt.idempotencyKey(), attempt.currency(),
                List.of(item(attempt)));
        try {
            if (!attempt.outcome().equals("prepared")) {
                // Sent before (a crash, a timeout): what does the provider hold? Only then send again.
                Optional<PayoutReceipt> found = provider.lookup(submission);
                if (found.isPresent()) {
                    accepted(attempt.batchId(), attempt.paymentId(), found.get());
                    return;
                }
                if ("should_not_retry".equals(attempt.failureReason())) {
                    refuse(attempt.batchId(), attempt.paymentId(), "the provider failed the request and will not"
                            + " retry it; a new attempt follows in a later run", null);
                    return;
                }
            }
            payouts.markSent(attempt.batchId(), attempt.paymentId());
            send(provider, submission, attempt.paymentId());
        } catch (PayoutCallException e) {
            // A lookup that failed: the attempt keeps its state; the next run looks again.
            log.warn("Payout {}: lookup failed, left for the next run: {}", attempt.paymentId(), e.getMessage());
        }
    }

    private void sendBatch(PayoutProvider provider, Batch batch) {
        List<Attempt> all = payouts.attempts(batch.id());
        List<Attempt> open = all.stream().filter(a -> List.of("prepared", "sent", "unknown").contains(a.outcome())).toList();
        if (open.isEmpty()) {
            return;
        }
        // The same request every time (all items, as first stored): PayPal recognizes its sender_batch_id.
        PayoutSubmission submission = new PayoutSubmission(batch.id(), all.get(0).idempotencyKey(), batch.currency(),
                all.stream().map(PayoutSettlement::item).toList());
        payouts.markSent(batch.id(), null);
        send(provider, submission, null);
    }

    /** One call with retries under the same key; {@code paymentId} null: the whole batch. */
    private void send(PayoutProvider provider, PayoutSubmission submission, UUID paymentId) {
        UUID batchId = submission.batchId();
        for (int attempt = 1; ; attempt++) {
            try {
                PayoutReceipt receipt = provider.submit(submission);
                accepted(batchId, paymentId, receipt);
                return;
            } catch (PayoutCallException e) {
                if (e.outcome() == Outcome.REFUSED) {
                    refuse(batchId, paymentId, e.getMessage(), e.code().orElse(null));
                    return;
                }
                if (e.outcome() == Outcome.UNKNOWN) {
                    payouts.markUnknown(batchId, paymentId, e.code().orElse("no answer"));
                    if (resolveUnknown(provider, submission, paymentId, e)) {
                        return;
                    }
                }
                if (attempt >= properties.callRetries()) {
                    log.warn("Payout {} of batch {}: {} after {} tries, left for the next run", paymentId == null ? "" : paymentId,
                            batchId, e.getMessage(), attempt);
                    return;
                }
                backoff(attempt, e.retryAfter().orElse(null));
            }
        }
    }

    /** Looks an unknown outcome up; true when settled (found, or refused for good). */
    private boolean resolveUnknown(PayoutProvider provider, PayoutSubmission submission, UUID paymentId,
                                   PayoutCallException cause) {
        if (provider.maxItemsPerSubmission() > 1) {
            return false;   // PayPal: the next try of the same sender_batch_id is the lookup
        }
        try {
            Optional<PayoutReceipt> found = provider.lookup(submission);
            if (found.isPresent()) {
                accepted(submission.batchId(), paymentId, found.get());
                return true;
            }
            if ("should_not_retry".equals(cause.code().orElse(null))) {
                refuse(submission.batchId(), paymentId, "the provider failed the request and will not retry it;"
                        + " a new attempt follows in a later run", null);
                return true;
            }
            return false;
        } catch (PayoutCallException lookupFailed) {
            return false;
        }
    }

    private void accepted(UUID batchId, UUID paymentId, PayoutReceipt receipt) {
        if (receipt.providerBatchId() != null) {
            payouts.recordProviderBatch(batchId, receipt.providerBatchId(), receipt.rawBatchStatus());
        }
        if (paymentId == null) {
            payouts.markAccepted(batchId, null, null, receipt.rawBatchStatus());
            return;
        }
        PayoutReceipt.ItemResult item = receipt.item(paymentId).orElse(null);
        payouts.markAccepted(batchId, paymentId, item == null ? null : item.providerReference(),
                item == null ? receipt.rawBatchStatus() : item.rawStatus());
    }

    private void refuse(UUID batchId, UUID paymentId, String reason, String code) {
        tx.executeWithoutResult(status -> {
            if (payouts.markRefused(batchId, paymentId, reason, code) > 0 && outcomes != PaymentOutcomes.NONE) {
                outcomes.moved(payouts.refusedNow(batchId, paymentId));
            }
        });
        log.warn("Payout {} of batch {} refused: {}", paymentId == null ? "(whole batch)" : paymentId, batchId, reason);
    }

    // ---- reconcile (outside any transaction) --------------------------------------------------

    /** Reads back every submitted batch and applies what settled. */
    public int reconcileAll() {
        int n = 0;
        for (Batch batch : payouts.toReconcile()) {
            try {
                reconcile(batch);
                n++;
            } catch (PayoutCallException e) {
                log.warn("Reconciling batch {} failed, left for the next run: {}", batch.id(), e.getMessage());
            }
        }
        return n;
    }

    public void reconcile(Batch batch) {
        PayoutReceipt receipt = provider(batch.provider()).status(batch.id(), batch.providerBatchId());
        if (receipt.rawBatchStatus() != null) {
            payouts.recordProviderBatch(batch.id(), null, receipt.rawBatchStatus());
        }
        List<PayoutReceipt.ItemResult> settled = receipt.items().stream()
                .filter(i -> i.state() != PayoutItemState.IN_FLIGHT).toList();
        // In slices, one round trip per slice: a 15,000-item PayPal payout is a handful of statements.
        for (int from = 0; from < settled.size(); from += 2000) {
            List<PayoutReceipt.ItemResult> slice = settled.subList(from, Math.min(settled.size(), from + 2000));
            // The moves and the payees' notifications commit together.
            tx.executeWithoutResult(status -> outcomes.moved(payouts.settle(batch.id(),
                    slice.stream().map(PayoutReceipt.ItemResult::paymentId).toArray(UUID[]::new),
                    slice.stream().map(i -> status(i.state())).toArray(String[]::new),
                    slice.stream().map(PayoutReceipt.ItemResult::providerReference).toArray(String[]::new),
                    slice.stream().map(PayoutReceipt.ItemResult::rawStatus).toArray(String[]::new),
                    slice.stream().map(PayoutReceipt.ItemResult::failureReason).toArray(String[]::new),
                    slice.stream().map(i -> String.join(",", allowedFrom(i.state()))).toArray(String[]::new))));
        }
        payouts.completeIfSettled(batch.id());
    }

    /**
     * The payment statuses from which a report of {@code state} may move a payment (webhooks use it
     * too): core's {@link PaymentStatus#reportableFrom()}, the one list of allowed transitions.
     */
    public static String[] allowedFrom(PayoutItemState state) {
        return PaymentStatus.parse(status(state)).orElseThrow().reportableFrom().stream()
                .map(PaymentStatus::dbValue).sorted().toArray(String[]::new);
    }

    public static String status(PayoutItemState state) {
        return state == PayoutItemState.IN_FLIGHT ? "submitted" : state.name().toLowerCase(java.util.Locale.ROOT);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private PayoutProvider provider(String name) {
        PayoutProvider provider = providers.get(name);
        if (provider == null) {
            throw new IllegalStateException("no payout provider " + name);
        }
        return provider;
    }

    private static PayoutSubmission.Item item(Attempt attempt) {
        return new PayoutSubmission.Item(attempt.paymentId(), attempt.attempt(), Money.of(attempt.amount(), attempt.currency()),
                attempt.destination(), "Creator Campaign Pro payout");
    }

    private void backoff(int attempt, Duration retryAfter) {
        long wait = properties.initialBackoff().toMillis() << Math.min(attempt - 1, 16);
        if (retryAfter != null) {
            wait = Math.max(wait, retryAfter.toMillis());
        }
        sleep(Math.min(wait, properties.maxBackoff().toMillis()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a payout", e);
        }
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

}
