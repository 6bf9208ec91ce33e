package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.paging.Page;
import com.creatorcampaignpro.paging.PageRequest;
import com.creatorcampaignpro.payment.FinanceDtos.BatchDetail;
import com.creatorcampaignpro.payment.FinanceDtos.BatchPage;
import com.creatorcampaignpro.payment.FinanceDtos.BatchResponse;
import com.creatorcampaignpro.web.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.UUID;

/** Finance: payout batches, their four-eyes approval, and the payout CSV. */
@RestController
@RequestMapping("/api/finance")
@PreAuthorize("hasRole('finance')")
@Tag(name = "finance")
class FinanceController {
    private final FinanceService finance;
    private final PayoutCsvExport csv;

    FinanceController(FinanceService finance, PayoutCsvExport csv) {
        this.finance = finance;
        this.csv = csv;
    }

    @GetMapping("/batches")
    @Operation(summary = "Payout batches, newest first, with totals (minor units); keyset pagination")
    BatchPage batches(@Parameter(description = "awaiting_approval, ready, submitting, submitted, completed or failed")
                      @RequestParam(required = false) String status,
                      @RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
        Page<BatchResponse> page = finance.batches(status, PageRequest.of(limit, after));
        return new BatchPage(page.items(), page.nextCursor());
    }

    @GetMapping("/batches/{id}")
    @Operation(summary = "One payout batch: totals and how many of its payments are in each status")
    BatchDetail batch(@PathVariable UUID id) {
        return finance.batch(id);
    }

    @PostMapping("/batches/{id}/approve")
    @Operation(summary = "Approve a batch over the approval threshold (four-eyes: not by whoever launched its run);"
            + " the next payoutSettlementJob run submits it. Repeating it answers the same approval")
    BatchDetail approve(Caller caller, @PathVariable UUID id) {
        return finance.approve(caller, id);
    }

    @GetMapping(value = "/payouts.csv", produces = "text/csv")
    @Operation(summary = "Payouts as CSV (" + PayoutCsvLayout.VERSION + "), one row per payment, streamed; filters:"
            + " from/to (ISO date or instant, on created_at), status, provider, batch")
    ResponseEntity<StreamingResponseBody> payoutsCsv(@RequestParam(required = false) String from,
                                                     @RequestParam(required = false) String to,
                                                     @RequestParam(required = false) String status,
                                                     @RequestParam(required = false) String provider,
                                                     @RequestParam(required = false) String batch) {
        PayoutCsvExport.Filter filter = PayoutCsvExport.Filter.of(from, to, status, provider, batch);
        StreamingResponseBody body = out -> csv.write(filter, out);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + PayoutCsvLayout.VERSION + ".csv\"")
                .header("X-CCP-CSV-Version", PayoutCsvLayout.VERSION)
                .body(body);
    }
}
