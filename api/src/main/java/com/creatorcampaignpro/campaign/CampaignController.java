package com.creatorcampaignpro.campaign;

import com.creatorcampaignpro.campaign.CampaignDtos.CampaignPage;
import com.creatorcampaignpro.campaign.CampaignDtos.CampaignRequest;
import com.creatorcampaignpro.campaign.CampaignDtos.CampaignResponse;
import com.creatorcampaignpro.paging.Page;
import com.creatorcampaignpro.paging.PageRequest;
import com.creatorcampaignpro.web.Caller;
import com.creatorcampaignpro.web.IdempotentRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.UUID;

@RestController
@RequestMapping("/api/campaigns")
@PreAuthorize("hasRole('marketer')")
@Tag(name = "campaigns")
class CampaignController {
    private final CampaignService campaigns;
    private final IdempotentRequests idempotent;

    CampaignController(CampaignService campaigns, IdempotentRequests idempotent) {
        this.campaigns = campaigns;
        this.idempotent = idempotent;
    }

    @GetMapping
    @Operation(summary = "The caller's campaigns, newest first (keyset pagination)")
    CampaignPage list(Caller caller,
                      @Parameter(description = "draft, active, paused, completed or cancelled") @RequestParam(required = false) String status,
                      @Parameter(description = "1..100, default 20") @RequestParam(required = false) Integer limit,
                      @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String after) {
        Page<CampaignResponse> page = campaigns.list(caller.id(), status, PageRequest.of(limit, after));
        return new CampaignPage(page.items(), page.nextCursor());
    }

    @PostMapping
    @Operation(summary = "Create a campaign (draft unless status says active)",
            description = "Send an Idempotency-Key header to make retries safe: a repeat returns the first answer.")
    ResponseEntity<CampaignResponse> create(Caller caller, @Valid @RequestBody CampaignRequest request,
                                            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
        return idempotent.execute(caller.id(), idempotencyKey, "POST /api/campaigns", request, CampaignResponse.class, () -> {
            CampaignResponse created = campaigns.create(caller.id(), request);
            return ResponseEntity.status(HttpStatus.CREATED)
                    .location(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(created.id()).toUri())
                    .body(created);
        });
    }

    @GetMapping("/{id}")
    @Operation(summary = "One of the caller's campaigns")
    CampaignResponse get(Caller caller, @PathVariable UUID id) {
        return campaigns.get(caller.id(), id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a campaign's editable fields; status moves draft -> active -> paused -> completed | cancelled")
    CampaignResponse update(Caller caller, @PathVariable UUID id, @Valid @RequestBody CampaignRequest request) {
        return campaigns.update(caller.id(), id, request);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a draft or cancelled campaign")
    ResponseEntity<Void> delete(Caller caller, @PathVariable UUID id) {
        campaigns.delete(caller.id(), id);
        return ResponseEntity.noContent().build();
    }
}
