package com.creatorcampaignpro.social;

import com.creatorcampaignpro.social.SocialDtos.ConnectRequest;
import com.creatorcampaignpro.social.SocialDtos.SocialAccountList;
import com.creatorcampaignpro.social.SocialDtos.SocialAccountResponse;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/social")
@PreAuthorize("hasRole('influencer')")
@Tag(name = "social")
class SocialController {
    private final SocialService social;

    SocialController(SocialService social) {
        this.social = social;
    }

    @GetMapping("/accounts")
    @Operation(summary = "The caller's platform accounts (never their tokens)")
    SocialAccountList list(Caller caller) {
        return new SocialAccountList(social.list(caller.id()));
    }

    @PostMapping("/{platform}/connect")
    @Operation(summary = "Exchange an OAuth authorization code, store the tokens encrypted, read the profile once;"
            + " connecting again replaces the tokens")
    ResponseEntity<SocialAccountResponse> connect(Caller caller, @PathVariable String platform,
                                                  @Valid @RequestBody ConnectRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(social.connect(caller.id(), platform, request));
    }

    @PostMapping("/{platform}/refresh")
    @Operation(summary = "Re-read the account now (refreshing its token if it expires soon)")
    SocialAccountResponse refresh(Caller caller, @PathVariable String platform) {
        return social.refresh(caller.id(), platform);
    }

    @DeleteMapping("/{platform}/disconnect")
    @Operation(summary = "Disconnect: erase the tokens; the account stops counting in the profile's totals")
    ResponseEntity<Void> disconnect(Caller caller, @PathVariable String platform) {
        social.disconnect(caller.id(), platform);
        return ResponseEntity.noContent().build();
    }
}
