package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.payment.PayoutCallException.Outcome;
import com.creatorcampaignpro.payment.PayoutReceipt.ItemResult;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.StripeCollection;
import com.stripe.model.Transfer;
import com.stripe.net.RequestOptions;
import com.stripe.param.TransferCreateParams;
import com.stripe.param.TransferListParams;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Stripe Connect transfers to payees' Express accounts through the real stripe-java SDK: one
 * transfer per payment, {@code transfer_group} = our batch id, our ids in the metadata, and an
 * idempotency key derived from the payment and its attempt (a random per-call key, the SDK's default,
 * would pay twice after a crash).
 */
public class StripeTransfers implements PayoutProvider {
    static final String PAYMENT_ID = "ccp_payment_id";
    static final String ATTEMPT = "ccp_attempt";
    static final String BATCH_ID = "ccp_batch_id";
    private static final long PAGE = 100;

    private final StripeClient stripe;

    /** {@code stripe} should be built on a {@link StripeResponseHeaders} HTTP client to keep Retry-After. */
    public StripeTransfers(StripeClient stripe) {
        this.stripe = stripe;
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public int maxItemsPerSubmission() {
        return 1;
    }

    @Override
    public PayoutReceipt submit(PayoutSubmission submission) {
        if (submission.items().size() != 1) {
            throw new IllegalArgumentException("a Stripe transfer carries one payment, not " + submission.items().size());
        }
        PayoutSubmission.Item item = submission.items().get(0);
        TransferCreateParams.Builder params = TransferCreateParams.builder()
                .setAmount(item.amount().minorUnits())
                .setCurrency(submission.currency().toLowerCase(Locale.ROOT))
                .setDestination(item.destination())
                .setTransferGroup(submission.batchId().toString())
                .putMetadata(PAYMENT_ID, item.paymentId().toString())
                .putMetadata(ATTEMPT, Integer.toString(item.attempt()))
                .putMetadata(BATCH_ID, submission.batchId().toString());
        if (item.note() != null && !item.note().isBlank()) {
            params.setDescription(item.note());
        }
        RequestOptions options = RequestOptions.builder().setIdempotencyKey(submission.idempotencyKey()).build();
        try {
            StripeResponseHeaders.clear();
            Transfer transfer = stripe.v1().transfers().create(params.build(), options);
            return new PayoutReceipt(null, null, List.of(result(transfer)));
        } catch (StripeException e) {
            throw translate(e);
        }
    }

    /** The transfer of this payment's attempt in the batch's transfer group, if Stripe made one. */
    @Override
    public Optional<PayoutReceipt> lookup(PayoutSubmission submission) {
        PayoutSubmission.Item item = submission.items().get(0);
        String payment = item.paymentId().toString();
        String attempt = Integer.toString(item.attempt());
        return transfersOf(submission.batchId()).stream()
                .filter(t -> payment.equals(meta(t, PAYMENT_ID)) && attempt.equals(meta(t, ATTEMPT)))
                .findFirst()
                .map(t -> new PayoutReceipt(null, null, List.of(result(t))));
    }

    /** One listing of the batch's transfer group answers for all of them. */
    @Override
    public Map<UUID, PayoutReceipt> lookupAll(UUID batchId, List<PayoutSubmission> submissions) {
        Map<String, Transfer> byPaymentAttempt = new HashMap<>();
        for (Transfer t : transfersOf(batchId)) {
            byPaymentAttempt.putIfAbsent(meta(t, PAYMENT_ID) + "/" + meta(t, ATTEMPT), t);
        }
        Map<UUID, PayoutReceipt> found = new LinkedHashMap<>();
        for (PayoutSubmission submission : submissions) {
            PayoutSubmission.Item item = submission.items().get(0);
            Transfer t = byPaymentAttempt.get(item.paymentId() + "/" + item.attempt());
            if (t != null) {
                found.put(item.paymentId(), new PayoutReceipt(null, null, List.of(result(t))));
            }
        }
        return found;
    }

    @Override
    public PayoutReceipt status(UUID batchId, String providerBatchId) {
        return new PayoutReceipt(null, null, transfersOf(batchId).stream()
                .filter(t -> meta(t, PAYMENT_ID) != null).map(StripeTransfers::result).toList());
    }

    private List<Transfer> transfersOf(UUID batchId) {
        List<Transfer> all = new ArrayList<>();
        String after = null;
        try {
            while (true) {
                TransferListParams.Builder params = TransferListParams.builder()
                        .setTransferGroup(batchId.toString()).setLimit(PAGE);
                if (after != null) {
                    params.setStartingAfter(after);
                }
                StripeResponseHeaders.clear();
                StripeCollection<Transfer> page = stripe.v1().transfers().list(params.build());
                all.addAll(page.getData());
                if (!Boolean.TRUE.equals(page.getHasMore()) || page.getData().isEmpty()) {
                    return all;
                }
                after = page.getData().get(page.getData().size() - 1).getId();
            }
        } catch (StripeException e) {
            throw translate(e);
        }
    }

    private static String meta(Transfer transfer, String key) {
        Map<String, String> metadata = transfer.getMetadata();
        return metadata == null ? null : metadata.get(key);
    }

    /** A created transfer has moved the money to the connected account; a reversal takes it back. */
    static ItemResult result(Transfer transfer) {
        boolean reversed = Boolean.TRUE.equals(transfer.getReversed())
                || (transfer.getAmountReversed() != null && transfer.getAmountReversed() > 0);
        return new ItemResult(UUID.fromString(meta(transfer, PAYMENT_ID)), transfer.getId(),
                reversed ? PayoutItemState.REVERSED : PayoutItemState.PAID,
                reversed ? (Boolean.TRUE.equals(transfer.getReversed()) ? "reversed" : "partially_reversed") : "paid",
                null);
    }

    /**
     * By what the failure means for the money. A timeout or a dropped connection may have left a
     * transfer behind, and so may a 5xx (Stripe stores a failed idempotent request's 500 and replays
     * it, {@code Stripe-Should-Retry: false}); a key seen with other parameters means a transfer may
     * exist under it. Those are {@code UNKNOWN}: look it up before sending anything again.
     */
    static PayoutCallException translate(StripeException e) {
        Integer status = e.getStatusCode();
        int http = status == null ? 0 : status;
        String code = e.getCode();
        String what = e.getClass().getSimpleName() + (code == null ? "" : " (" + code + ")") + (http == 0 ? "" : " HTTP " + http);
        if (e instanceof RateLimitException) {
            return new PayoutCallException("stripe", Outcome.NOT_APPLIED, 429, code == null ? "rate_limit" : code, what,
                    StripeResponseHeaders.retryAfter().orElse(null), e);
        }
        if (e instanceof ApiConnectionException) {
            Outcome outcome = causedBy(e, ConnectException.class) ? Outcome.NOT_APPLIED : Outcome.UNKNOWN;
            return new PayoutCallException("stripe", outcome, 0, "connection", what, null, e);
        }
        if (e instanceof IdempotencyException) {
            return new PayoutCallException("stripe", Outcome.UNKNOWN, http, "idempotency_error", what, null, e);
        }
        if (e instanceof AuthenticationException || e instanceof PermissionException || http == 409) {
            // Our key or a concurrent request with the same key: nothing happened to the payment.
            return new PayoutCallException("stripe", Outcome.NOT_APPLIED, http, code, what, null, e);
        }
        if (e instanceof ApiException || http >= 500) {
            boolean replayedFailure = StripeResponseHeaders.shouldRetry().map(retry -> !retry).orElse(false);
            return new PayoutCallException("stripe", Outcome.UNKNOWN, http,
                    replayedFailure ? "should_not_retry" : code, what, null, e);
        }
        return new PayoutCallException("stripe", Outcome.REFUSED, http, code,
                what + (e.getStripeError() != null && e.getStripeError().getMessage() != null
                        ? ": " + e.getStripeError().getMessage() : ""), null, e);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
