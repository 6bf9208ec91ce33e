package com.creatorcampaignpro.user;

import com.creatorcampaignpro.crypto.Sha256;
import com.creatorcampaignpro.error.NotFoundException;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.web.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.UUID;

@RestController
@RequestMapping("/api/users")
@Tag(name = "users")
class AvatarController {
    private final UserAvatarDao avatars;
    private final AccountDao accounts;
    private final UserDao users;
    private final AvatarProperties properties;
    private final TransactionTemplate transaction;

    AvatarController(UserAvatarDao avatars, AccountDao accounts, UserDao users, AvatarProperties properties,
                     TransactionTemplate transaction) {
        this.avatars = avatars;
        this.accounts = accounts;
        this.users = users;
        this.properties = properties;
        this.transaction = transaction;
    }

    @PostMapping(value = "/upload-avatar", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Upload the caller's profile picture (multipart field file: PNG, JPEG or WebP, at most 2 MB and 4096 x 4096 pixels)",
            description = "The format is read from the file's bytes, not from its declared type, and the whole"
                    + " image is checked (PNG and JPEG decoded, WebP structure walked) before it is stored. The answer's"
                    + " avatarUrl serves the image.")
    UserResponse upload(Caller caller, @RequestParam(value = "file", required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new ValidationException("file", "is required: a PNG, JPEG or WebP image");
        }
        if (file.getSize() > properties.maxSize().toBytes()) {
            throw new ValidationException("file", "must be at most " + properties.maxSize().toKilobytes() + " KB");
        }
        byte[] bytes = file.getBytes();
        ImageType type = ImageType.sniff(bytes)
                .orElseThrow(() -> new ValidationException("file", "must be a PNG, JPEG or WebP image"));
        AvatarImages.verify(bytes, type);
        String sha256 = Sha256.hex(bytes);
        // The hash in the URL changes with the image, so clients and caches never show a stale one.
        String url = "/api/users/" + caller.id() + "/avatar?v=" + sha256.substring(0, 12);
        return transaction.execute(tx -> {
            if (accounts.setAvatarUrl(caller.id(), url) == 0) {
                throw new NotFoundException("user", caller.id());
            }
            avatars.upsert(caller.id(), type.mediaType(), bytes, sha256);
            return users.find(caller.id()).map(UserResponse::of).orElseThrow();
        });
    }

    @GetMapping("/{id}/avatar")
    @PreAuthorize("permitAll()")   // public like any profile picture: <img> tags send no bearer token
    @Operation(summary = "A user's profile picture", security = {})
    ResponseEntity<byte[]> avatar(@PathVariable UUID id,
                                  @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        Avatar avatar = avatars.find(id).orElseThrow(() -> new NotFoundException("avatar", id));
        String etag = "\"" + avatar.sha256() + "\"";
        CacheControl cache = CacheControl.maxAge(properties.cacheMaxAge()).cachePublic();
        if (etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(avatar.contentType()))
                .eTag(etag)
                .cacheControl(cache)
                .header("X-Content-Type-Options", "nosniff")
                .body(avatar.image());
    }

}
