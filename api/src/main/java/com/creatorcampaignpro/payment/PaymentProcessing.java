package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.crypto.Sha256;
import com.creatorcampaignpro.error.ConflictException;
import com.creatorcampaignpro.error.NotFoundException;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.idempotency.IdempotencyKeyDao;
import com.creatorcampaignpro.idempotency.StoredResponse;
import com.creatorcampaignpro.payment.PaymentDtos.PaymentResponse;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

/**
 * POST /api/payments/process: settles one approved content item now, through payoutSettlementJob's
 * own operations (accrue, batch of one, submit). Accrue and batch each run in a short transaction;
 * the provider call runs in none. The content is the natural key (one payment per content), so a
 * retry answers with the same payment; an Idempotency-Key additionally replays the first answer.
 */
@Service
public class PaymentProcessing {
    private static final Set<String> SETTLEABLE = Set.of("approved", "published");

    private final PayoutSettlement settlement;
    private final PayoutDao payouts;
    private final IdempotencyKeyDao keys;
    private final TransactionTemplate tx;
    private final JsonMapper json;

    public PaymentProcessing(PayoutSettlement settlement, PayoutDao payouts, IdempotencyKeyDao keys,
                             PlatformTransactionManager transactions, JsonMapper json) {
        this.settlement = settlement;
        this.payouts = payouts;
        this.keys = keys;
        this.tx = new TransactionTemplate(transactions);
        this.json = json;
    }

    public PaymentResponse process(UUID marketerId, UUID contentId, String idempotencyKey) {
        if (idempotencyKey == null) {
            return settle(marketerId, contentId);
        }
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
            throw new ValidationException("Idempotency-Key", "must be 1 to 255 characters");
        }
        byte[] hash = Sha256.of("POST /api/payments/process\n" + contentId);
        // Claimed and completed in two commits around the work (no transaction may span a provider call).
        if (keys.claim(marketerId, idempotencyKey, hash) == 0) {
            StoredResponse stored = keys.find(marketerId, idempotencyKey).orElseThrow();
            if (!Arrays.equals(stored.requestHash(), hash)) {
                throw new ConflictException("idempotency-key-reused",
                        "this Idempotency-Key was already used for a different request; use a new key per request");
            }
            if (stored.responseStatus() != null) {
                return json.readValue(stored.responseBody(), PaymentResponse.class);
            }
            // The first request died or is still running: settling again is safe (one payment per content).
        }
        PaymentResponse response = settle(marketerId, contentId);
        keys.complete(marketerId, idempotencyKey, 200, json.writeValueAsString(response));
        return response;
    }

    private PaymentResponse settle(UUID marketerId, UUID contentId) {
        PayoutDao.ContentToSettle content = payouts.contentToSettle(contentId)
                .filter(c -> c.marketerId().equals(marketerId))
                .orElseThrow(() -> new NotFoundException("content", contentId));
        if (!SETTLEABLE.contains(content.status())) {
            throw new ConflictException("content-not-approved", "content " + contentId + " is " + content.status()
                    + ": only approved or published content is paid");
        }
        tx.executeWithoutResult(s -> settlement.accrueNext(contentId));
        Payment payment = payouts.paymentOfContent(contentId).orElseThrow();
        if (payment.status() == PaymentStatus.PENDING) {
            tx.executeWithoutResult(s -> settlement.batchNext(payment.id(), null, null, marketerId));
        }
        Payment batched = payouts.paymentOfContent(contentId).orElseThrow();
        UUID batchId = payouts.batchOfPayment(batched.id()).orElse(null);
        if (batchId != null) {
            settlement.submit(batchId);   // outside any transaction; a no-op unless the batch is ready or half-sent
        }
        return PaymentResponse.of(payouts.paymentOfContent(contentId).orElseThrow());
    }
}
