package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.audit.AuditLogDao;
import com.creatorcampaignpro.error.ConflictException;
import com.creatorcampaignpro.error.NotFoundException;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.paging.KeysetCursor;
import com.creatorcampaignpro.paging.Page;
import com.creatorcampaignpro.paging.PageRequest;
import com.creatorcampaignpro.payment.FinanceDtos.BatchDetail;
import com.creatorcampaignpro.payment.FinanceDtos.BatchResponse;
import com.creatorcampaignpro.web.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Finance's view of payout batches and the four-eyes approval of large ones. */
@Service
public class FinanceService {
    private static final Set<String> BATCH_STATUSES =
            Set.of("awaiting_approval", "ready", "submitting", "submitted", "completed", "failed");

    private final PayoutDao payouts;
    private final AuditLogDao audit;
    private final JsonMapper json;

    public FinanceService(PayoutDao payouts, AuditLogDao audit, JsonMapper json) {
        this.payouts = payouts;
        this.audit = audit;
        this.json = json;
    }

    public Page<BatchResponse> batches(String status, PageRequest page) {
        if (status != null && !BATCH_STATUSES.contains(status)) {
            throw new ValidationException("status", "must be one of " + String.join(", ", BATCH_STATUSES.stream().sorted().toList()));
        }
        KeysetCursor after = page.after();
        List<PayoutDao.Batch> fetched = payouts.page(status, after == null ? null : after.at(), after == null ? null : after.id(),
                page.fetchSize());
        return Page.fromFetched(fetched, page, b -> new KeysetCursor(b.createdAt(), b.id())).map(BatchResponse::of);
    }

    public BatchDetail batch(UUID id) {
        PayoutDao.Batch batch = payouts.find(id).orElseThrow(() -> new NotFoundException("payout batch", id));
        return new BatchDetail(BatchResponse.of(batch), payouts.itemStatuses(id));
    }

    /**
     * Four-eyes: whoever launched or restarted the run that made the batch cannot approve it. The
     * batch is then submitted by the next run of payoutSettlementJob. Approving again answers the
     * same approval.
     */
    @Transactional
    public BatchDetail approve(Caller approver, UUID id) {
        PayoutDao.Batch batch = payouts.lock(id).orElseThrow(() -> new NotFoundException("payout batch", id));
        if (batch.approvedBy() != null) {
            if (batch.approvedBy().equals(approver.id())) {
                return batch(id);
            }
            throw new ConflictException("batch-already-approved", "batch " + id + " was already approved by another user");
        }
        if (!batch.status().equals("awaiting_approval")) {
            throw new ConflictException("batch-not-awaiting-approval", "batch " + id + " is " + batch.status()
                    + ": only a batch awaiting approval can be approved");
        }
        if (payouts.launchers(id).contains(approver.id())) {
            throw new ConflictException("four-eyes", "you launched the run that made this batch: another finance user"
                    + " must approve it");
        }
        payouts.approve(id, approver.id()).orElseThrow();
        audit.record(approver.id(), "payout_batch.approved", "payout_batch", id.toString(),
                json.writeValueAsString(Map.of("totalNet", batch.totalNet(), "currency", batch.currency(),
                        "items", batch.itemCount(), "provider", batch.provider())));
        return batch(id);
    }
}
