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
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The four settlement operations, shared by payoutSettlementJob and POST /api/payments/process.
 *
 * <p>accrue and batch are set-based statements that the caller runs inside its transaction. submit
 * and reconcile talk to providers and must run outside any transaction: each of their writes is
 * committed before (the attempts and their keys, then "sent") or after (the answers) the calls it
 * covers, never around them; Stripe's per-payment calls are written a group at a time. A crash
 * anywhere leaves a state that a rerun resolves without paying twice: prepared -> send; sent or
 * unknown -> look up first, then send the same request under the same key.
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

    /** Sends one batch: its attempts (and keys) are stored first, then the calls go out. */
    public void submit(UUID batchId) {
        Batch batch = payouts.find(batchId).orElseThrow();
        if (!batch.status().equals("ready") && !batch.status().equals("submitting")) {
            return;
        }
        long started = System.nanoTime();
        if (batch.status().equals("ready")) {
            payouts.prepareAttempts(batchId);
        }
        PayoutProvider provider = provider(batch.provider());
        if (provider.maxItemsPerSubmission() == 1) {
            sendEach(provider, batchId);
        } else {
            sendBatch(provider, batch);
        }
        payouts.finishSubmission(batchId, "the provider refused every payment of the batch");
        log.info("Payout batch {} ({}, {} items) submitted in {} ms", batchId, batch.provider(), batch.itemCount(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * One call per payment, in groups the size of the configured concurrency: a group's attempts are
     * marked sent in one statement before any of its calls goes out, its calls run concurrently,
     * and what they answered is recorded in one statement. The next group is marked sent while the
     * current one is in flight, so the calls never wait for our commits. A crash leaves at most about
     * three groups sent but unrecorded: the next run looks those up (one listing per batch) first.
     */
    private void sendEach(PayoutProvider provider, UUID batchId) {
        List<Attempt> open = payouts.openAttempts(batchId);
        List<Attempt> toSend = new ArrayList<>();
        List<Attempt> maybeSent = new ArrayList<>();
        for (Attempt attempt : open) {
            (attempt.outcome().equals("prepared") ? toSend : maybeSent).add(attempt);
        }
        if (!maybeSent.isEmpty()) {
            // Sent before (a crash, a timeout): what does the provider hold? Only then send again.
            Map<UUID, PayoutReceipt> found;
            try {
                found = provider.lookupAll(batchId, maybeSent.stream().map(PayoutSettlement::submission).toList());
            } catch (PayoutCallException e) {
                log.warn("Payout batch {}: lookup of {} sent payments failed, left for the next run: {}", batchId,
                        maybeSent.size(), e.getMessage());
                found = null;
            }
            if (found != null) {
                List<CallResult> resolved = new ArrayList<>();
                for (Attempt attempt : maybeSent) {
                    PayoutReceipt receipt = found.get(attempt.paymentId());
                    if (receipt != null) {
                        resolved.add(CallResult.accepted(attempt, receipt));
                    } else if (SHOULD_NOT_RETRY.equals(attempt.failureReason())) {
                        resolved.add(CallResult.refused(attempt, NOT_RETRIED, null));
                    } else {
                        toSend.add(attempt);   // nothing arrived: the same request under the same key
                    }
                }
                record(batchId, provider.name(), resolved);
            }
        }
        int group = Math.max(1, properties.stripeConcurrency());
        CompletionService<CallResult> calls = new ExecutorCompletionService<>(calls());
        List<CallResult> answered = new ArrayList<>();
        RuntimeException failure = null;
        int next = 0;
        int inFlight = 0;
        while (next < toSend.size() || inFlight > 0) {
            // Keep at most two groups out: the next one's keys are marked sent while this one's calls run.
            while (next < toSend.size() && inFlight <= group) {
                List<Attempt> members = toSend.subList(next, Math.min(toSend.size(), next + group));
                next += members.size();
                UUID[] prepared = members.stream().filter(a -> a.outcome().equals("prepared"))
                        .map(Attempt::paymentId).toArray(UUID[]::new);
                if (prepared.length > 0) {
                    payouts.markSent(batchId, prepared);   // committed before any of the group's calls goes out
                }
                for (Attempt attempt : members) {
                    calls.submit(() -> call(provider, attempt));
                }
                inFlight += members.size();
            }
            CallResult result = take(calls);
            inFlight--;
            if (result.error() != null) {
                failure = failure == null ? result.error() : failure;
            } else if (result.outcome() != null) {
                answered.add(result);
            }
            if (answered.size() >= group || inFlight == 0) {
                record(batchId, provider.name(), answered);
                answered.clear();
            }
        }
        record(batchId, provider.name(), answered);
        if (failure != null) {
            throw failure;   // its payment stays sent: the next run looks it up first
        }
    }

    /**
     * One payment's call, retried with backoff under the same key. An answer that may hide an applied
     * request (a timeout, a dropped connection, a 5xx) is looked up before anything is sent again; if
     * the lookup fails too, the payment is left unknown for the next run. Writes nothing: the caller
     * records the group's results.
     */
    private CallResult call(PayoutProvider provider, Attempt attempt) {
        try {
            PayoutSubmission submission = submission(attempt);
            String unknown = null;
            for (int tries = 1; ; tries++) {
                try {
                    return CallResult.accepted(attempt, provider.submit(submission));
                } catch (PayoutCallException e) {
                    if (e.outcome() == Outcome.REFUSED) {
                        log.warn("Payout {} of batch {} refused: {}", attempt.paymentId(), attempt.batchId(), e.getMessage());
                        return CallResult.refused(attempt, e.getMessage(), e.code().orElse(null));
                    }
                    if (e.outcome() == Outcome.UNKNOWN) {
                        unknown = e.code().orElse("no answer");
                        Optional<PayoutReceipt> found;
                        try {
                            found = provider.lookup(submission);
                        } catch (PayoutCallException lookupFailed) {
                            log.warn("Payout {}: outcome unknown and its lookup failed, left for the next run: {}",
                                    attempt.paymentId(), lookupFailed.getMessage());
                            return CallResult.unknown(attempt, unknown);
                        }
                        if (found.isPresent()) {
                            return CallResult.accepted(attempt, found.get());
                        }
                        if (SHOULD_NOT_RETRY.equals(unknown)) {
                            return CallResult.refused(attempt, NOT_RETRIED, null);
                        }
                    }
                    if (tries >= properties.callRetries()) {
                        log.warn("Payout {} of batch {}: {} after {} tries, left for the next run", attempt.paymentId(),
                                attempt.batchId(), e.getMessage(), tries);
                        return unknown == null ? CallResult.unanswered(attempt) : CallResult.unknown(attempt, unknown);
                    }
                    backoff(tries, e.retryAfter().orElse(null));
                }
            }
        } catch (RuntimeException e) {
            return CallResult.failed(attempt, e);
        }
    }

    /** The answers of a group, in one statement. */
    private void record(UUID batchId, String provider, List<CallResult> results) {
        if (results.isEmpty()) {
            return;
        }
        int n = results.size();
        UUID[] ids = new UUID[n];
        String[] outcomes = new String[n];
        String[] references = new String[n];
        String[] rawStatuses = new String[n];
        String[] reasons = new String[n];
        boolean refusals = false;
        for (int i = 0; i < n; i++) {
            CallResult r = results.get(i);
            ids[i] = r.attempt().paymentId();
            outcomes[i] = r.outcome();
            references[i] = r.reference();
            rawStatuses[i] = r.rawStatus();
            reasons[i] = r.reason();
            refusals |= r.outcome().equals("failed");
        }
        settle(refusals, () -> payouts.record(batchId, provider, ids, outcomes, references, rawStatuses, reasons));
    }

    /** One answer for the whole batch (a PayPal payout), in one statement. */
    private void recordBatch(UUID batchId, String provider, String outcome, String rawStatus, String reason) {
        settle(outcome.equals("failed"), () -> payouts.recordBatch(batchId, provider, outcome, null, rawStatus, reason));
    }

    /**
     * Runs a recording statement on its own (it is atomic), or, when it fails payments and payees are
     * told, in one transaction with their notifications.
     */
    private void settle(boolean failsPayments, Supplier<List<PayoutDao.Moved>> statement) {
        if (failsPayments && outcomes != PaymentOutcomes.NONE) {
            tx.executeWithoutResult(status -> outcomes.moved(statement.get()));
        } else {
            statement.get();
        }
    }

    private static final String SHOULD_NOT_RETRY = "should_not_retry";
    private static final String NOT_RETRIED = "the provider failed the request and will not retry it;"
            + " a new attempt follows in a later run";

    /**
     * What one call came to. {@code outcome} is the attempt's new outcome (accepted, failed, unknown),
     * or null when there is nothing to record (no answer after the tries: the attempt stays sent).
     */
    private record CallResult(Attempt attempt, String outcome, String reference, String rawStatus, String reason,
                              RuntimeException error) {
        static CallResult accepted(Attempt attempt, PayoutReceipt receipt) {
            PayoutReceipt.ItemResult item = receipt.item(attempt.paymentId()).orElse(null);
            return new CallResult(attempt, "accepted", item == null ? null : item.providerReference(),
                    item == null ? receipt.rawBatchStatus() : item.rawStatus(), null, null);
        }

        static CallResult refused(Attempt attempt, String reason, String code) {
            return new CallResult(attempt, "failed", null, code, reason, null);
        }

        static CallResult unknown(Attempt attempt, String code) {
            return new CallResult(attempt, "unknown", null, null, code, null);
        }

        static CallResult unanswered(Attempt attempt) {
            return new CallResult(attempt, null, null, null, null, null);
        }

        static CallResult failed(Attempt attempt, RuntimeException error) {
            return new CallResult(attempt, null, null, null, null, error);
        }
    }

    private static PayoutSubmission submission(Attempt attempt) {
        return new PayoutSubmission(attempt.batchId(), attempt.idempotencyKey(), attempt.currency(), List.of(item(attempt)));
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
        payouts.markBatchSent(batch.id());   // committed before the call goes out
        send(provider, submission);
    }

    /**
     * PayPal: the batch's one call, retried under the same sender_batch_id. PayPal refuses a
     * sender_batch_id it has seen and links the original payout: the next try is the lookup.
     */
    private void send(PayoutProvider provider, PayoutSubmission submission) {
        UUID batchId = submission.batchId();
        for (int attempt = 1; ; attempt++) {
            try {
                PayoutReceipt receipt = provider.submit(submission);
                if (receipt.providerBatchId() != null) {
                    payouts.recordProviderBatch(batchId, receipt.providerBatchId(), receipt.rawBatchStatus());
                }
                recordBatch(batchId, provider.name(), "accepted", receipt.rawBatchStatus(), null);
                return;
            } catch (PayoutCallException e) {
                if (e.outcome() == Outcome.REFUSED) {
                    recordBatch(batchId, provider.name(), "failed", e.code().orElse(null), e.getMessage());
                    log.warn("Payout batch {} refused whole: {}", batchId, e.getMessage());
                    return;
                }
                if (e.outcome() == Outcome.UNKNOWN) {
                    recordBatch(batchId, provider.name(), "unknown", null, e.code().orElse("no answer"));
                }
                if (attempt >= properties.callRetries()) {
                    log.warn("Payout batch {}: {} after {} tries, left for the next run", batchId, e.getMessage(), attempt);
                    return;
                }
                backoff(attempt, e.retryAfter().orElse(null));
            }
        }
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

    private static CallResult take(CompletionService<CallResult> calls) {
        try {
            return calls.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while payout calls were in flight", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

}
