package com.creatorcampaignpro.auth;

import com.creatorcampaignpro.user.UserResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;

final class AuthDtos {

    private AuthDtos() {
    }

    record RegisterRequest(
            @NotBlank @Email(regexp = ".+@.+\\..+", message = "must be an email address") @Size(max = 320) String email,
            @NotBlank @Schema(description = "10 characters to 72 bytes of UTF-8 (bcrypt's limit: 72 ASCII characters, fewer with accents or emoji)", minLength = 10, maxLength = 72) String password,
            @NotBlank @Schema(allowableValues = {"marketer", "influencer"}) String userType,
            @Size(max = 100) String firstName,
            @Size(max = 100) String lastName,
            @Size(max = 200) String companyName,
            @Size(max = 40) String phone) {
    }

    record LoginRequest(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 1024) String password) {
    }

    record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {
    }

    record VerifyEmailRequest(@NotBlank @Size(max = 200) String token) {
    }

    record ForgotPasswordRequest(
            @NotBlank @Email(regexp = ".+@.+\\..+", message = "must be an email address") @Size(max = 320) String email) {
    }

    record ResetPasswordRequest(@NotBlank @Size(max = 200) String token,
                                @NotBlank @Schema(description = "the new password, 10 characters to 72 bytes of UTF-8 (bcrypt's limit)", minLength = 10, maxLength = 72) String password) {
    }

    record GoogleSignInRequest(
            @NotBlank @Size(max = 8192) @Schema(description = "the ID token (JWT) from Google Identity Services") String idToken,
            @Schema(allowableValues = {"marketer", "influencer"}, description = "required only when the account is new")
            String userType) {
    }

    record Accepted(String message) {
    }

    record TokenResponse(String tokenType, String accessToken, long expiresIn, Instant accessTokenExpiresAt,
                         String refreshToken, Instant refreshTokenExpiresAt, UserResponse user) {

        static TokenResponse of(TokenService.IssuedTokens t) {
            long expiresIn = Math.max(0, t.accessTokenExpiresAt().getEpochSecond() - Instant.now().getEpochSecond());
            return new TokenResponse("Bearer", t.accessToken(), expiresIn, t.accessTokenExpiresAt(), t.refreshToken(),
                    t.refreshTokenExpiresAt(), UserResponse.of(t.user()));
        }
    }
}
