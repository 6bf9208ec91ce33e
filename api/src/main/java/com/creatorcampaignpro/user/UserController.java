package com.creatorcampaignpro.user;

import com.creatorcampaignpro.error.NotFoundException;
import com.creatorcampaignpro.web.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users")
@PreAuthorize("isAuthenticated()")   // any role: every operation here acts on the caller's own account
@Tag(name = "users")
class UserController {
    private final UserDao users;
    private final AccountDeletion deletion;

    UserController(UserDao users, AccountDeletion deletion) {
        this.users = users;
        this.deletion = deletion;
    }

    record ProfileUpdate(@Size(max = 100) String firstName, @Size(max = 100) String lastName,
                         @Size(max = 200) String companyName, @Size(max = 40) String phone) {
    }

    record DeleteAccountRequest(
            @Size(max = 1024) @Schema(description = "the account's password (required when it has one)") String password,
            @Size(max = 8192) @Schema(description = "a fresh Google ID token, for accounts that sign in with Google only")
            String googleIdToken) {
    }

    @GetMapping("/profile")
    @Operation(summary = "The caller's own account")
    UserResponse profile(Caller caller) {
        return users.find(caller.id()).filter(User::active).map(UserResponse::of)
                .orElseThrow(() -> new NotFoundException("user", caller.id()));
    }

    @PutMapping("/profile")
    @Operation(summary = "Replace the caller's name, company and phone (email and password have their own flows)")
    UserResponse updateProfile(Caller caller, @Valid @RequestBody ProfileUpdate update) {
        return users.updateProfile(caller.id(), trim(update.firstName()), trim(update.lastName()),
                        update.companyName(), update.phone())
                .map(UserResponse::of)
                .orElseThrow(() -> new NotFoundException("user", caller.id()));
    }

    @DeleteMapping("/account")
    @Operation(summary = "Delete the caller's account after re-checking the password (or a Google ID token)",
            description = "Personal data is removed or anonymized; campaigns, content and payments stay for finance."
                    + " Every session ends; the account can never log in again. 409 last-admin for the only admin.")
    ResponseEntity<Void> deleteAccount(Caller caller, @Valid @RequestBody DeleteAccountRequest request,
                                       HttpServletRequest http) {
        deletion.delete(caller.id(), request.password(), request.googleIdToken(), http.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
