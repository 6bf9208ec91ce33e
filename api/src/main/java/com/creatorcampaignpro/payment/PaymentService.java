package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.audit.AuditLogDao;
import com.creatorcampaignpro.error.ConflictException;
import com.creatorcampaignpro.error.NotFoundException;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.paging.KeysetCursor;
import com.creatorcampaignpro.paging.Page;
import com.creatorcampaignpro.paging.PageRequest;
import com.creatorcampaignpro.payment.PaymentDtos.DisputeRequest;
import com.creatorcampaignpro.payment.PaymentDtos.DisputeResponse;
import com.creatorcampaignpro.payment.PaymentDtos.PaymentResponse;
import com.creatorcampaignpro.payment.PaymentDtos.ResolveRequest;
import com.creatorcampaignpro.web.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Payments and their disputes as each role sees them: an influencer the payments they receive, a
 * marketer those of their campaigns, finance and admins all of them. Someone else's payment is a 404.
 */
@Service
public class PaymentService {
    private final PaymentDao payments;
    private final PaymentDisputeDao disputes;
    private final AuditLogDao audit;
    private final JsonMapper json;

    public PaymentService(PaymentDao payments, PaymentDisputeDao disputes, AuditLogDao audit, JsonMapper json) {
        this.payments = payments;
        this.disputes = disputes;
        this.audit = audit;
        this.json = json;
    }

    public record DisputeOutcome(DisputeResponse dispute, boolean created) {
    }

    static boolean seesEverything(Caller caller) {
        return caller.hasRole("finance") || caller.hasRole("admin");
    }

    public Page<PaymentResponse> list(Caller caller, String status, UUID campaignId, PageRequest page) {
        String statusFilter = status == null ? null : PaymentStatus.parse(status).orElseThrow(() -> new ValidationException("status",
                "must be one of " + Arrays.stream(PaymentStatus.values()).map(PaymentStatus::dbValue)
                        .collect(Collectors.joining(", ")))).dbValue();
        KeysetCursor after = page.after();
        List<Payment> fetched = payments.page(seesEverything(caller), caller.id(), statusFilter, campaignId,
                after == null ? null : after.at(), after == null ? null : after.id(), page.fetchSize());
        return Page.fromFetched(fetched, page, p -> new KeysetCursor(p.createdAt(), p.id())).map(PaymentResponse::of);
    }

    /** Settled payments, ordered by when they settled (paid_at, or the failure/return time). */
    public Page<PaymentResponse> history(Caller caller, UUID campaignId, PageRequest page) {
        KeysetCursor after = page.after();
        List<Payment> fetched = payments.history(seesEverything(caller), caller.id(), campaignId,
                after == null ? null : after.at(), after == null ? null : after.id(), page.fetchSize());
        return Page.fromFetched(fetched, page,
                p -> new KeysetCursor(p.paidAt() != null ? p.paidAt() : p.updatedAt(), p.id())).map(PaymentResponse::of);
    }

    /**
     * Opened by the payee or the payer only. A dispute on a payment that has not left yet (pending)
     * holds it, so settlement does not pay a contested amount; later payments are already with the
     * provider and only get the record for finance.
     */
    @Transactional
    public DisputeOutcome openDispute(Caller caller, DisputeRequest request) {
        Payment payment = payments.lockAsParty(request.paymentId(), caller.id())
                .orElseThrow(() -> new NotFoundException("payment", request.paymentId()));
        String reason = request.reason().trim();
        var open = disputes.findOpen(payment.id());
        if (open.isPresent()) {
            // A retried request (same caller, same reason) gets the dispute it opened; anything else conflicts.
            if (open.get().openedBy().equals(caller.id()) && open.get().reason().equals(reason)) {
                return new DisputeOutcome(DisputeResponse.of(open.get()), false);
            }
            throw new ConflictException("dispute-already-open", "this payment already has an open dispute");
        }
        boolean hold = payment.status() == PaymentStatus.PENDING;
        PaymentDispute dispute = disputes.open(payment.id(), caller.id(), reason, hold)
                .orElseThrow(() -> new ConflictException("dispute-already-open", "this payment already has an open dispute"));
        if (hold) {
            payments.holdPending(payment.id(), holdReason(dispute.id()));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("disputeId", dispute.id().toString());
        details.put("paymentStatus", payment.status().dbValue());
        details.put("held", hold);
        audit.record(caller.id(), "payment.dispute_opened", "payment", payment.id().toString(), json.writeValueAsString(details));
        return new DisputeOutcome(DisputeResponse.of(dispute), true);
    }

    /**
     * Finance's decision. Rejected: a payment this dispute held goes back to pending. Upheld: the hold
     * stays, for finance to cancel or correct the payment outside this endpoint.
     */
    @Transactional
    public DisputeResponse resolve(Caller caller, UUID disputeId, ResolveRequest request) {
        String outcome = request.outcome().trim();
        if (!outcome.equals("upheld") && !outcome.equals("rejected")) {
            throw new ValidationException("outcome", "must be upheld or rejected");
        }
        PaymentDispute dispute = disputes.lock(disputeId).orElseThrow(() -> new NotFoundException("dispute", disputeId));
        if (!"open".equals(dispute.status())) {
            if (outcome.equals(dispute.outcome()) && caller.id().equals(dispute.resolvedBy())) {
                return DisputeResponse.of(dispute);   // the same decision, retried
            }
            throw new ConflictException("dispute-already-resolved", "this dispute was already resolved as " + dispute.outcome());
        }
        PaymentDispute resolved = disputes.resolve(disputeId, outcome, request.note(), caller.id()).orElseThrow();
        boolean released = false;
        if (outcome.equals("rejected") && disputes.heldPayment(disputeId)) {
            released = payments.release(dispute.paymentId(), holdReason(disputeId)) > 0;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("disputeId", disputeId.toString());
        details.put("outcome", outcome);
        details.put("released", released);
        audit.record(caller.id(), "payment.dispute_resolved", "payment", dispute.paymentId().toString(), json.writeValueAsString(details));
        return DisputeResponse.of(resolved);
    }

    public Page<DisputeResponse> disputes(Caller caller, String status, PageRequest page) {
        if (status != null && !status.equals("open") && !status.equals("resolved")) {
            throw new ValidationException("status", "must be open or resolved");
        }
        KeysetCursor after = page.after();
        List<PaymentDispute> fetched = disputes.page(seesEverything(caller), caller.id(), status,
                after == null ? null : after.at(), after == null ? null : after.id(), page.fetchSize());
        return Page.fromFetched(fetched, page, d -> new KeysetCursor(d.createdAt(), d.id())).map(DisputeResponse::of);
    }

    static String holdReason(UUID disputeId) {
        return "disputed (dispute " + disputeId + ")";
    }
}
