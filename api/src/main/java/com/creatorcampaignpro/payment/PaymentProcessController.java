package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.payment.PaymentDtos.PaymentResponse;
import com.creatorcampaignpro.web.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@Tag(name = "payments")
class PaymentProcessController {
    private final PaymentProcessing processing;

    PaymentProcessController(PaymentProcessing processing) {
        this.processing = processing;
    }

    record ProcessRequest(@NotNull UUID contentId) {
    }

    @PostMapping("/api/payments/process")
    @PreAuthorize("hasRole('marketer')")
    @Operation(summary = "Settle one approved content item of the caller's campaign now (accrue, batch of one, submit)"
            + " and return its payment; the same rules as payoutSettlementJob (holds, budget, approval threshold)."
            + " Retrying is safe: one payment per content; an Idempotency-Key replays the first answer")
    PaymentResponse process(Caller caller, @RequestHeader(value = "Idempotency-Key", required = false) String key,
                            @Valid @RequestBody ProcessRequest request) {
        return processing.process(caller.id(), request.contentId(), key);
    }
}
