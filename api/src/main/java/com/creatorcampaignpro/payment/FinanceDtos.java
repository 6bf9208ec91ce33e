package com.creatorcampaignpro.payment;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What finance sees of payout batches. Amounts in minor units of {@code currency}. */
final class FinanceDtos {
    private FinanceDtos() {
    }

    record BatchResponse(UUID id, String provider, String currency,
                         @Schema(description = "awaiting_approval, ready, submitting, submitted, completed or failed") String status,
                         String senderBatchId, String providerBatchId, String providerStatus, int itemCount,
                         @Schema(description = "minor units") long totalGross, @Schema(description = "minor units") long totalFee,
                         @Schema(description = "minor units") long totalTax, @Schema(description = "minor units") long totalNet,
                         boolean requiresApproval, UUID approvedBy, Instant approvedAt, String failureReason,
                         Long jobExecutionId, Instant createdAt, Instant submittedAt, Instant completedAt) {
        static BatchResponse of(PayoutDao.Batch b) {
            return new BatchResponse(b.id(), b.provider(), b.currency(), b.status(), b.senderBatchId(), b.providerBatchId(),
                    b.providerStatus(), b.itemCount(), b.totalGross(), b.totalFee(), b.totalTax(), b.totalNet(),
                    b.requiresApproval(), b.approvedBy(), b.approvedAt(), b.failureReason(), b.jobExecutionId(),
                    b.createdAt(), b.submittedAt(), b.completedAt());
        }
    }

    record BatchDetail(BatchResponse batch,
                       @Schema(description = "number of the batch's payments in each status") Map<String, Long> itemStatuses) {
    }

    record BatchPage(List<BatchResponse> items, String nextCursor) {
    }
}
