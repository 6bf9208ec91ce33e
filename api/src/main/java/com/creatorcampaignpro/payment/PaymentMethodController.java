package com.creatorcampaignpro.payment;

import org.springframework.web.bind.annotation.RequestHeader;
import com.creatorcampaignpro.web.IdempotentRequests;
import com.creatorcampaignpro.payment.PaymentDtos.MethodCreated;
import com.creatorcampaignpro.payment.PaymentDtos.MethodList;
import com.creatorcampaignpro.payment.PaymentDtos.MethodRequest;
import com.creatorcampaignpro.payment.PaymentDtos.MethodResponse;
import com.creatorcampaignpro.payment.PaymentDtos.MethodUpdate;
import com.creatorcampaignpro.web.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Payout methods belong to payees: influencers. */
@RestController
@RequestMapping("/api/payments/methods")
@PreAuthorize("hasRole('influencer')")
@Tag(name = "payments")
class PaymentMethodController {
    private final PaymentMethodService methods;
    private final IdempotentRequests idempotent;

    PaymentMethodController(PaymentMethodService methods, IdempotentRequests idempotent) {
        this.methods = methods;
        this.idempotent = idempotent;
    }

    @GetMapping
    @Operation(summary = "The caller's payout methods, oldest first")
    MethodList list(Caller caller) {
        return new MethodList(methods.list(caller.id()));
    }

    @PostMapping
    @Operation(summary = "Add a method: stripe opens an Express account and returns its onboarding link (again on"
            + " a repeat, 200); paypal stores the email. The first method becomes the default")
    ResponseEntity<MethodCreated> add(Caller caller, @Valid @RequestBody MethodRequest request,
                                      @RequestHeader(value = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
        // Adding a Stripe method calls Stripe: no database transaction may be open around it.
        return idempotent.executeOutsideTransaction(caller.id(), idempotencyKey, "POST /api/payments/methods", request,
                MethodCreated.class, () -> {
                    PaymentMethodService.Outcome outcome = methods.add(caller.id(), request);
                    return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(outcome.body());
                });
    }

    @PutMapping("/{id}")
    @Operation(summary = "Make the method the default, or change a PayPal email")
    MethodResponse update(Caller caller, @PathVariable UUID id, @Valid @RequestBody MethodUpdate update) {
        return methods.update(caller.id(), id, update);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a method (409 while a payment through it is batched or submitted)")
    ResponseEntity<Void> delete(Caller caller, @PathVariable UUID id) {
        methods.delete(caller.id(), id);
        return ResponseEntity.noContent().build();
    }
}
