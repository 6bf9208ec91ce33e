package com.creatorcampaignpro.content;

import org.springframework.web.bind.annotation.RequestHeader;
import com.creatorcampaignpro.web.IdempotentRequests;
import com.creatorcampaignpro.content.ContentDtos.ContentPage;
import com.creatorcampaignpro.content.ContentDtos.ContentResponse;
import com.creatorcampaignpro.content.ContentDtos.PublishRequest;
import com.creatorcampaignpro.content.ContentDtos.ReviewRequest;
import com.creatorcampaignpro.content.ContentDtos.SubmitRequest;
import com.creatorcampaignpro.content.ContentDtos.UpdateRequest;
import com.creatorcampaignpro.paging.Page;
import com.creatorcampaignpro.paging.PageRequest;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.UUID;

@RestController
@RequestMapping("/api/content")
@Tag(name = "content")
class ContentController {
    private final ContentService contents;
    private final IdempotentRequests idempotent;

    ContentController(ContentService contents, IdempotentRequests idempotent) {
        this.contents = contents;
        this.idempotent = idempotent;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('marketer', 'influencer')")
    @Operation(summary = "An influencer's own content, or the content of a marketer's campaigns, newest first")
    ContentPage list(Caller caller, @RequestParam(required = false) UUID campaignId,
                     @Parameter(description = "pending, approved, rejected, changes_requested or published") @RequestParam(required = false) String status,
                     @RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
        Page<ContentResponse> page = contents.list(caller.id(), caller.hasRole("influencer"), campaignId, status,
                PageRequest.of(limit, after));
        return new ContentPage(page.items(), page.nextCursor());
    }

    @PostMapping
    @PreAuthorize("hasRole('influencer')")
    @Operation(summary = "Submit content to a campaign under an accepted invitation (201; 200 when the same submission exists)")
    ResponseEntity<ContentResponse> submit(Caller caller, @Valid @RequestBody SubmitRequest request,
                                           @RequestHeader(value = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
        return idempotent.execute(caller.id(), idempotencyKey, "POST /api/content", request, ContentResponse.class, () -> {
            ContentService.Submitted submitted = contents.submit(caller.id(), request);
            if (!submitted.created()) {
                return ResponseEntity.ok(submitted.content());
            }
            return ResponseEntity.status(HttpStatus.CREATED)
                    .location(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(submitted.content().id()).toUri())
                    .body(submitted.content());
        });
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('marketer', 'influencer')")
    @Operation(summary = "One content, to its influencer or the campaign's marketer")
    ContentResponse get(Caller caller, @PathVariable UUID id) {
        return contents.get(caller.id(), id);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('influencer')")
    @Operation(summary = "Edit or resubmit own content while pending or changes_requested (back to pending)")
    ContentResponse update(Caller caller, @PathVariable UUID id, @Valid @RequestBody UpdateRequest request) {
        return contents.update(caller.id(), id, request);
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasRole('marketer')")
    @Operation(summary = "Approve pending content of one of the caller's campaigns (optional feedback)")
    ContentResponse approve(Caller caller, @PathVariable UUID id, @RequestBody(required = false) ReviewRequest request) {
        return contents.review(caller.id(), id, ContentStatus.APPROVED, feedback(request));
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasRole('marketer')")
    @Operation(summary = "Reject pending content, with feedback (final)")
    ContentResponse reject(Caller caller, @PathVariable UUID id, @RequestBody(required = false) ReviewRequest request) {
        return contents.review(caller.id(), id, ContentStatus.REJECTED, feedback(request));
    }

    @PostMapping("/{id}/request-changes")
    @PreAuthorize("hasRole('marketer')")
    @Operation(summary = "Ask for changes to pending content, with feedback; the influencer resubmits with PUT")
    ContentResponse requestChanges(Caller caller, @PathVariable UUID id, @RequestBody(required = false) ReviewRequest request) {
        return contents.review(caller.id(), id, ContentStatus.CHANGES_REQUESTED, feedback(request));
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize("hasRole('influencer')")
    @Operation(summary = "Report approved content live on its platform with the platform's media id (-> published)")
    ContentResponse publish(Caller caller, @PathVariable UUID id, @RequestBody(required = false) PublishRequest request) {
        return contents.publish(caller.id(), id, request);
    }

    private static String feedback(ReviewRequest request) {
        return request == null ? null : request.feedback();
    }
}
