package com.creatorcampaignpro.auth;

import com.creatorcampaignpro.auth.AuthDtos.LoginRequest;
import com.creatorcampaignpro.auth.AuthDtos.RefreshRequest;
import com.creatorcampaignpro.auth.AuthDtos.RegisterRequest;
import com.creatorcampaignpro.auth.AuthDtos.TokenResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth")
@Tag(name = "auth")
class AuthController {
    private final AuthService auth;
    private final TokenService tokens;
    private final AuthProperties properties;

    AuthController(AuthService auth, TokenService tokens, AuthProperties properties) {
        this.auth = auth;
        this.tokens = tokens;
        this.properties = properties;
    }

    @PostMapping("/register")
    @Operation(summary = "Create a marketer or influencer account and log it in")
    ResponseEntity<TokenResponse> register(@Valid @RequestBody RegisterRequest r) {
        var issued = auth.register(new AuthService.Registration(r.email(), r.password(), r.userType(), r.firstName(),
                r.lastName(), r.companyName(), r.phone()));
        return ResponseEntity.status(HttpStatus.CREATED).body(TokenResponse.of(issued));
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
