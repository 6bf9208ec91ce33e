package com.creatorcampaignpro.admin;

import com.creatorcampaignpro.error.NotFoundException;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.paging.KeysetCursor;
import com.creatorcampaignpro.paging.Page;
import com.creatorcampaignpro.paging.PageRequest;
import com.creatorcampaignpro.user.AccountDao;
import com.creatorcampaignpro.user.StaffRole;
import com.creatorcampaignpro.user.User;
import com.creatorcampaignpro.user.UserDao;
import com.creatorcampaignpro.user.UserType;
import com.creatorcampaignpro.web.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/admin/users")
@PreAuthorize("hasRole('admin')")
@Tag(name = "admin")
class AdminUserController {
    private final AccountDao accounts;
    private final UserDao users;
    private final RoleAdministration roles;

    AdminUserController(AccountDao accounts, UserDao users, RoleAdministration roles) {
        this.accounts = accounts;
        this.users = users;
        this.roles = roles;
    }

    record AdminUser(UUID id, String email, String userType, List<String> roles, String firstName, String lastName,
                     boolean emailVerified, boolean active, Instant lastLoginAt, Instant createdAt) {
        static AdminUser of(User u) {
            return new AdminUser(u.id(), u.email(), u.userType().dbValue(), u.roleNames(), u.firstName(), u.lastName(),
                    u.emailVerified(), u.active(), u.lastLoginAt(), u.createdAt());
        }
    }

    record AdminUserPage(List<AdminUser> items, String nextCursor) {
    }

    record RolesRequest(@NotNull @Size(max = 10) @Schema(description = "the complete set of staff roles: operator, finance, admin;"
            + " [] removes them all") @ArraySchema(maxItems = 10, schema = @Schema(allowableValues = {"operator", "finance", "admin"}))
            List<String> roles) {
    }

    @GetMapping
    @Operation(summary = "Every account, newest first (keyset pagination); filter by email substring or role")
    AdminUserPage list(@Parameter(description = "part of the email, any case") @RequestParam(required = false) String email,
                       @Parameter(description = "marketer, influencer, operator, finance or admin") @RequestParam(required = false) String role,
                       @Parameter(description = "1..100, default 20") @RequestParam(required = false) Integer limit,
                       @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String after) {
        if (role != null && UserType.parse(role).isEmpty() && StaffRole.parse(role).isEmpty()) {
            throw new ValidationException("role", "must be marketer, influencer, operator, finance or admin");
        }
        if (email != null && email.length() > 320) {
            throw new ValidationException("email", "must be at most 320 characters");
        }
        PageRequest page = PageRequest.of(limit, after);
        KeysetCursor cursor = page.after();
        List<User> fetched = accounts.page(email == null || email.isBlank() ? null : email.trim(),
                role == null ? null : role.toLowerCase(java.util.Locale.ROOT),
                cursor == null ? null : cursor.at(), cursor == null ? null : cursor.id(), page.fetchSize());
        Page<AdminUser> result = Page.fromFetched(fetched, page, u -> new KeysetCursor(u.createdAt(), u.id())).map(AdminUser::of);
        return new AdminUserPage(result.items(), result.nextCursor());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One account")
    AdminUser get(@PathVariable UUID id) {
        return users.find(id).map(AdminUser::of).orElseThrow(() -> new NotFoundException("user", id));
    }

    @PutMapping("/{id}/roles")
    @Operation(summary = "Replace the staff roles of an account (idempotent; audited)",
            description = "The change reaches the user's access token at their next refresh. 409 last-admin when it would"
                    + " leave the platform without an admin.")
    AdminUser replaceRoles(Caller caller, @PathVariable UUID id, @Valid @RequestBody RolesRequest request) {
        return AdminUser.of(roles.replaceRoles(caller.id(), id, request.roles()));
    }
}
