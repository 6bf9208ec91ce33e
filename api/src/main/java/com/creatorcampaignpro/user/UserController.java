package com.creatorcampaignpro.user;

import com.creatorcampaignpro.error.NotFoundException;
import com.creatorcampaignpro.web.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users")
@Tag(name = "users")
class UserController {
    private final UserDao users;

    UserController(UserDao users) {
        this.users = users;
    }

    record ProfileUpdate(@Size(max = 100) String firstName, @Size(max = 100) String lastName,
                         @Size(max = 200) String companyName, @Size(max = 40) String phone) {
    }

    @GetMapping("/profile")
    @Operation(summary = "The caller's own account")
    UserResponse profile(Caller caller) {
        return users.find(caller.id()).map(UserResponse::of).orElseThrow(() -> new NotFoundException("user", caller.id()));
    }

    @PutMapping("/profile")
    @Operation(summary = "Replace the caller's name, company and phone (email and password have their own flows)")
    UserResponse updateProfile(Caller caller, @Valid @RequestBody ProfileUpdate update) {
        return users.updateProfile(caller.id(), trim(update.firstName()), trim(update.lastName()),
                        update.companyName(), update.phone())
                .map(UserResponse::of)
                .orElseThrow(() -> new NotFoundException("user", caller.id()));
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
