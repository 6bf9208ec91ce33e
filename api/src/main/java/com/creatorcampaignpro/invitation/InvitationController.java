package com.creatorcampaignpro.invitation;

import org.springframework.web.bind.annotation.RequestHeader;
import com.creatorcampaignpro.web.IdempotentRequests;
import com.creatorcampaignpro.invitation.InvitationDtos.DeclineRequest;
import com.creatorcampaignpro.invitation.InvitationDtos.InvitationPage;
import com.creatorcampaignpro.invitation.InvitationDtos.InvitationResponse;
import com.creatorcampaignpro.invitation.InvitationDtos.InviteRequest;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.UUID;

@RestController
@RequestMapping("/api")
@Tag(name = "invitations")
class InvitationController {
    private final InvitationService invitations;
    private final IdempotentRequests idempotent;

    InvitationController(InvitationService invitations, IdempotentRequests idempotent) {
        this.invitations = invitations;
        this.idempotent = idempotent;
    }

    @PostMapping("/campaigns/{id}/invite-influencer")
    @PreAuthorize("hasRole('marketer')")
    @Operation(summary = "Invite an influencer to one of the caller's campaigns with a proposed rate and deliverables; "
            + "201 when created, 200 when the same live invitation already exists")
    ResponseEntity<InvitationResponse> invite(Caller caller, @PathVariable UUID id, @Valid @RequestBody InviteRequest request,
                                              @RequestHeader(value = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
        return idempotent.execute(caller.id(), idempotencyKey, "POST /api/campaigns/" + id + "/invite-influencer", request,
                InvitationResponse.class, () -> {
                    InvitationService.Invited invited = invitations.invite(caller.id(), id, request);
                    if (!invited.created()) {
                        return ResponseEntity.ok(invited.invitation());
                    }
                    return ResponseEntity.status(HttpStatus.CREATED)
                            .location(ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/invitations/{id}")
                                    .buildAndExpand(invited.invitation().id()).toUri())
                            .body(invited.invitation());
                });
    }

    @GetMapping("/campaigns/{id}/invitations")
    @PreAuthorize("hasRole('marketer')")
    @Operation(summary = "Invitations of one of the caller's campaigns, newest first")
    InvitationPage campaignInvitations(Caller caller, @PathVariable UUID id,
                                       @Parameter(description = "pending, accepted, declined, withdrawn or expired") @RequestParam(required = false) String status,
                                       @RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
        return page(invitations.listForCampaign(caller.id(), id, status, PageRequest.of(limit, after)));
    }

    @GetMapping("/invitations")
    @PreAuthorize("hasAnyRole('marketer', 'influencer')")
    @Operation(summary = "An influencer's invitations, or the invitations to a marketer's campaigns, newest first")
    InvitationPage list(Caller caller,
                        @RequestParam(required = false) UUID campaignId,
                        @Parameter(description = "pending, accepted, declined, withdrawn or expired") @RequestParam(required = false) String status,
                        @RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
        return page(invitations.list(caller.id(), caller.hasRole("influencer"), campaignId, status, PageRequest.of(limit, after)));
    }

    @GetMapping("/invitations/{id}")
    @PreAuthorize("hasAnyRole('marketer', 'influencer')")
    @Operation(summary = "One invitation, to the invited influencer or the campaign's marketer")
    InvitationResponse get(Caller caller, @PathVariable UUID id) {
        return invitations.get(caller.id(), id);
    }

    @PostMapping("/invitations/{id}/accept")
    @PreAuthorize("hasRole('influencer')")
    @Operation(summary = "Accept a pending invitation: its rate becomes the agreed rate")
    InvitationResponse accept(Caller caller, @PathVariable UUID id) {
        return invitations.accept(caller.id(), id);
    }

    @PostMapping("/invitations/{id}/decline")
    @PreAuthorize("hasRole('influencer')")
    @Operation(summary = "Decline a pending invitation, optionally saying why")
    InvitationResponse decline(Caller caller, @PathVariable UUID id,
                               @Valid @RequestBody(required = false) DeclineRequest request) {
        return invitations.decline(caller.id(), id, request == null ? null : request.reason());
    }

    @PostMapping("/invitations/{id}/withdraw")
    @PreAuthorize("hasRole('marketer')")
    @Operation(summary = "Take back a pending invitation")
    InvitationResponse withdraw(Caller caller, @PathVariable UUID id) {
        return invitations.withdraw(caller.id(), id);
    }

    private static InvitationPage page(Page<InvitationResponse> page) {
        return new InvitationPage(page.items(), page.nextCursor());
    }
}
