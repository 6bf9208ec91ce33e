package com.creatorcampaignpro.payment;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

final class PaymentDtos {

    private PaymentDtos() {
    }

    record MethodRequest(
            @NotBlank @Schema(allowableValues = {"stripe", "paypal"}) String provider,
            @Size(max = 100) @Schema(description = "display name; default \"Stripe\" or \"PayPal <email>\"") String name,
            @Email(message = "must be an email address") @Size(max = 254) @Schema(description = "paypal only") String paypalEmail,
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO-3166 alpha-2 code") @Size(max = 2)
            @Schema(description = "stripe only: the payee's country (ISO-3166 alpha-2)")
            String country,
            Boolean isDefault) {
    }

    record MethodUpdate(
            @Size(max = 100) @Schema(description = "a new display name") String name,
            @Schema(description = "true makes this the default (the previous default stops being one)") Boolean isDefault,
            @Email(message = "must be an email address") @Size(max = 254) @Schema(description = "paypal methods only") String paypalEmail) {
    }

    record MethodResponse(UUID id, String provider, String name, String status, boolean isDefault,
                          @Schema(description = "the provider confirmed it receives payouts (Stripe: onboarded; "
                                  + "PayPal: after a payout reached it)") boolean verified,
                          @Schema(description = "provider details safe to show: country, payoutsEnabled")
                          PaymentMethodDetails details,
                          String paypalEmail, String stripeAccountId, Instant createdAt, Instant updatedAt) {
        static MethodResponse of(PaymentMethod m) {
            return new MethodResponse(m.id(), m.provider(), m.name(), m.status(), m.isDefault(), m.verified(),
                    m.details(), m.paypalEmail(), m.stripeAccountId(), m.createdAt(), m.updatedAt());
        }
    }

    /** A new or existing Stripe method comes with a fresh single-use onboarding link. */
    record MethodCreated(MethodResponse method, String onboardingUrl, Instant onboardingUrlExpiresAt) {
    }

    record MethodList(List<MethodResponse> items) {
    }

    record PaymentResponse(UUID id, UUID contentId, UUID campaignId, String campaignName, UUID influencerId,
                           UUID paymentMethodId, String provider,
                           @Schema(description = "gross, minor units") long amount,
                           @Schema(description = "minor units") long feeAmount,
                           @Schema(description = "minor units") long taxAmount,
                           @Schema(description = "amount - fee - tax, minor units") long netAmount,
                           @Schema(description = "the tax rate applied, e.g. 0.2000 = 20 %; null when none") BigDecimal taxRate,
                           String currency,
                           @Schema(allowableValues = {"pending", "held", "batched", "submitted", "unknown", "paid",
                                   "failed", "unclaimed", "returned", "reversed"}) String status,
                           String holdReason, String failureReason,
                           String providerReference, LocalDate dueDate, String description, Instant paidAt,
                           Instant createdAt, Instant updatedAt) {
        static PaymentResponse of(Payment p) {
            return new PaymentResponse(p.id(), p.contentId(), p.campaignId(), p.campaignName(), p.influencerId(),
                    p.paymentMethodId(), p.provider(), p.amount().minorUnits(), p.fee().minorUnits(),
                    p.tax().minorUnits(), p.net().minorUnits(), p.taxRate(), p.currency(), p.status().dbValue(),
                    p.holdReason(), p.failureReason(), p.providerReference(), p.dueDate(), p.description(),
                    p.paidAt(), p.createdAt(), p.updatedAt());
        }
    }

    record PaymentPage(List<PaymentResponse> items, String nextCursor) {
    }

    record DisputeRequest(@NotNull UUID paymentId, @NotBlank @Size(max = 2000) String reason) {
    }

    record ResolveRequest(@NotBlank @Schema(allowableValues = {"upheld", "rejected"}) String outcome,
                          @Size(max = 2000) String note) {
    }

    record DisputeResponse(UUID id, UUID paymentId, UUID openedBy, String reason, String status, String outcome,
                           String resolutionNote, UUID resolvedBy, Instant createdAt, Instant resolvedAt) {
        static DisputeResponse of(PaymentDispute d) {
            return new DisputeResponse(d.id(), d.paymentId(), d.openedBy(), d.reason(), d.status(), d.outcome(),
                    d.resolutionNote(), d.resolvedBy(), d.createdAt(), d.resolvedAt());
        }
    }

    record DisputePage(List<DisputeResponse> items, String nextCursor) {
    }
}
