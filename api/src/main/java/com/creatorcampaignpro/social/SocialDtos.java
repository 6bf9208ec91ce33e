package com.creatorcampaignpro.social;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

final class SocialDtos {

    private SocialDtos() {
    }

    /** What the client got back from the platform's authorization redirect. */
    record ConnectRequest(
            @NotBlank @Size(max = 4096) @Schema(description = "the authorization code from the platform's redirect") String code,
            @NotBlank @Size(max = 2048) @Schema(description = "the redirect URI used to obtain the code, byte for byte") String redirectUri,
            @Size(min = 43, max = 128) @Pattern(regexp = "[A-Za-z0-9._~-]+", message = "must use only A-Z a-z 0-9 . _ ~ -")
            @Schema(description = "PKCE code verifier (RFC 7636); required for twitter") String codeVerifier) {
    }

    /** A connected account as its owner sees it: numbers and health, never tokens. */
    record SocialAccountResponse(String platform, String status, String platformUserId, String username,
                                 String profileUrl, long followers, long following, long posts,
                                 @Schema(description = "percent") BigDecimal engagementRate, long avgViews,
                                 Instant tokenExpiresAt, Instant connectedAt, Instant lastSyncedAt,
                                 String syncError) {

        static SocialAccountResponse of(SocialAccount a) {
            return new SocialAccountResponse(a.platform().dbValue(), a.status(), a.platformUserId(), a.username(),
                    a.profileUrl(), a.followers(), a.following(), a.postsCount(), a.engagementRate(), a.avgViews(),
                    a.tokenExpiresAt(), a.connectedAt(), a.lastSyncedAt(), a.syncError());
        }
    }

    record SocialAccountList(List<SocialAccountResponse> items) {
    }
}
