package com.creatorcampaignpro.payment;

import org.springframework.web.bind.annotation.RequestHeader;
import com.creatorcampaignpro.web.IdempotentRequests;
import com.creatorcampaignpro.paging.Page;
import com.creatorcampaignpro.paging.PageRequest;
import com.creatorcampaignpro.payment.PaymentDtos.DisputePage;
import com.creatorcampaignpro.payment.PaymentDtos.DisputeRequest;
import com.creatorcampaignpro.payment.PaymentDtos.DisputeResponse;
import com.creatorcampaignpro.payment.PaymentDtos.PaymentPage;
import com.creatorcampaignpro.payment.PaymentDtos.PaymentResponse;
import com.creatorcampaignpro.payment.PaymentDtos.ResolveRequest;
import com.creatorcampaignpro.web.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping("/api/payments")
@PreAuthorize("isAuthenticated()")
@Tag(name = "payments")
class PaymentController {
    private final PaymentService payments;
    private final IdempotentRequests idempotent;

    PaymentController(PaymentService payments, IdempotentRequests idempotent) {
        this.payments = payments;
        this.idempotent = idempotent;
    }

    @GetMapping
    @Operation(summary = "Payments the caller receives (influencer) or pays (marketer); finance and admins see all."
            + " Newest first, keyset pagination")
    PaymentPage list(Caller caller,
                     @Parameter(description = "pending, held, batched, submitted, paid, failed or returned") @RequestParam(required = false) String status,
                     @RequestParam(required = false) UUID campaignId,
                     @RequestParam(required = false) Integer limit,
                     @RequestParam(required = false) String after) {
        Page<PaymentResponse> page = payments.list(caller, status, campaignId, PageRequest.of(limit, after));
        return new PaymentPage(page.items(), page.nextCursor());
    }

    @GetMapping("/history")
    @Operation(summary = "Settled payments (paid, failed, returned), most recently settled first, same scoping")
    PaymentPage history(Caller caller, @RequestParam(required = false) UUID campaignId,
                        @RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
        Page<PaymentResponse> page = payments.history(caller, campaignId, PageRequest.of(limit, after));
        return new PaymentPage(page.items(), page.nextCursor());
    }

    @GetMapping("/disputes")
    @Operation(summary = "Disputes on the caller's payments; finance and admins see all")
    DisputePage disputes(Caller caller, @Parameter(description = "open or resolved") @RequestParam(required = false) String status,
                         @RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
        Page<DisputeResponse> page = payments.disputes(caller, status, PageRequest.of(limit, after));
        return new DisputePage(page.items(), page.nextCursor());
    }

    @PostMapping("/disputes")
    @Operation(summary = "Dispute a payment (its payee or payer only); a pending payment is held meanwhile."
            + " Repeating the same request answers 200 with the dispute it opened")
    ResponseEntity<DisputeResponse> openDispute(Caller caller, @Valid @RequestBody DisputeRequest request,
                                                @RequestHeader(value = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
        return idempotent.execute(caller.id(), idempotencyKey, "POST /api/payments/disputes", request, DisputeResponse.class, () -> {
            PaymentService.DisputeOutcome outcome = payments.openDispute(caller, request);
            return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(outcome.dispute());
        });
    }

    @PostMapping("/disputes/{id}/resolve")
    @PreAuthorize("hasRole('finance')")
    @Operation(summary = "Finance resolves a dispute: upheld (the hold stays) or rejected (a held payment is released);"
            + " repeating the same decision answers it again")
    DisputeResponse resolve(Caller caller, @PathVariable UUID id, @Valid @RequestBody ResolveRequest request) {
        return payments.resolve(caller, id, request);
    }
}
