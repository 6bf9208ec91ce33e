package com.creatorcampaignpro.auth;

import org.springframework.web.bind.annotation.RequestHeader;
import com.creatorcampaignpro.web.IdempotentRequests;
import com.creatorcampaignpro.auth.AuthDtos.Accepted;
import com.creatorcampaignpro.auth.AuthDtos.ForgotPasswordRequest;
import com.creatorcampaignpro.auth.AuthDtos.GoogleSignInRequest;
import com.creatorcampaignpro.auth.AuthDtos.LoginRequest;
import com.creatorcampaignpro.auth.AuthDtos.RefreshRequest;
import com.creatorcampaignpro.auth.AuthDtos.RegisterRequest;
import com.creatorcampaignpro.auth.AuthDtos.ResetPasswordRequest;
import com.creatorcampaignpro.auth.AuthDtos.TokenResponse;
import com.creatorcampaignpro.auth.AuthDtos.VerifyEmailRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth")
@PreAuthorize("permitAll()")   // public by design: these endpoints are how a caller gets a token
@Tag(name = "auth")
class AuthController {
    private static final Accepted RESET_REQUESTED = new Accepted(
            "if an account exists for this email, a link to reset its password is on its way");

    private final AuthService auth;
    private final TokenService tokens;
    private final EmailTokenService emailTokens;
    private final GoogleSignIn google;
    private final AuthProperties properties;

    AuthController(AuthService auth, TokenService tokens, EmailTokenService emailTokens, GoogleSignIn google,
                   AuthProperties properties) {
        this.auth = auth;
        this.tokens = tokens;
        this.emailTokens = emailTokens;
        this.google = google;
        this.properties = properties;
    }

    @PostMapping("/register")
    @Operation(summary = "Create a marketer or influencer account and log it in",
            description = "With an Idempotency-Key header, a retry of a registration that succeeded answers 201 again"
                    + " (Idempotent-Replayed: true) with fresh tokens, after checking the password as a login does.")
    ResponseEntity<TokenResponse> register(@Valid @RequestBody RegisterRequest r, HttpServletRequest request,
                                           @RequestHeader(value = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
        var registered = auth.register(new AuthService.Registration(r.email(), r.password(), r.userType(), r.firstName(),
                r.lastName(), r.companyName(), r.phone()), idempotencyKey, clientAddress(request));
        ResponseEntity.BodyBuilder created = ResponseEntity.status(HttpStatus.CREATED);
        if (registered.replayed()) {
            created.header("Idempotent-Replayed", "true");
        }
        return created.body(TokenResponse.of(registered.tokens()));
    }

    @PostMapping("/login")
    @Operation(summary = "Exchange email and password for an access token and a refresh token",
            description = "Rate limited per client address and per account: 429 with Retry-After.")
    TokenResponse login(@Valid @RequestBody LoginRequest r, HttpServletRequest request) {
        return TokenResponse.of(auth.login(r.email(), r.password(), clientAddress(request)));
    }

    @PostMapping("/refresh")
    @Operation(summary = "Rotate a refresh token: returns a new pair; the presented token is spent",
            description = "Presenting an already-rotated token revokes every token of its login.")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest r) {
        return TokenResponse.of(tokens.rotate(r.refreshToken()));
    }

    @PostMapping("/logout")
    @Operation(summary = "Revoke a refresh token and every token rotated from the same login")
    ResponseEntity<Void> logout(@Valid @RequestBody RefreshRequest r) {
        tokens.revoke(r.refreshToken());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/verify-email")
    @Operation(summary = "Confirm the account's email with the token from the verification email",
            description = "400 naming token when it is unknown, expired or already used.")
    ResponseEntity<Void> verifyEmail(@Valid @RequestBody VerifyEmailRequest r) {
        emailTokens.verifyEmail(r.token());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/forgot-password")
    @Operation(summary = "Email a single-use password reset link",
            description = "Always 202 with the same body, whether or not the email has an account; at most a few"
                    + " links per account and hour are sent.")
    ResponseEntity<Accepted> forgotPassword(@Valid @RequestBody ForgotPasswordRequest r) {
        emailTokens.forgotPassword(r.email());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(RESET_REQUESTED);
    }

    @PostMapping("/reset-password")
    @Operation(summary = "Set a new password with the token from the reset email; logs out every session")
    ResponseEntity<Void> resetPassword(@Valid @RequestBody ResetPasswordRequest r) {
        emailTokens.resetPassword(r.token(), r.password());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/google")
    @Operation(summary = "Sign in with a Google ID token; links or creates the account",
            description = "A new account needs userType. 401 for a token that is not Google's, not for this"
                    + " application, or expired.")
    TokenResponse google(@Valid @RequestBody GoogleSignInRequest r) {
        return TokenResponse.of(google.signIn(r.idToken(), r.userType()));
    }

    private String clientAddress(HttpServletRequest request) {
        if (properties.loginLimit().trustForwardedFor()) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].trim();
            }
        }
        return request.getRemoteAddr();
    }
}
