package com.creatorcampaignpro.social;

import com.creatorcampaignpro.error.ConflictException;
import com.creatorcampaignpro.error.NotFoundException;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.social.SocialDtos.ConnectRequest;
import com.creatorcampaignpro.social.SocialDtos.SocialAccountResponse;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Influencers' platform accounts. Platform calls happen outside database transactions (they can take
 * seconds); {@link SocialAccountSync} writes each outcome in its own short transaction.
 */
@Service
public class SocialService {
    private final SocialAccountDao accounts;
    private final SocialPlatformClients clients;
    private final SocialAccountSync sync;

    public SocialService(SocialAccountDao accounts, SocialPlatformClients clients, SocialAccountSync sync) {
        this.accounts = accounts;
        this.clients = clients;
        this.sync = sync;
    }

    public SocialAccountResponse connect(UUID userId, String platformName, ConnectRequest request) {
        Platform platform = parse(platformName);
        validateRedirectUri(request.redirectUri());
        if (platform == Platform.TWITTER && request.codeVerifier() == null) {
            throw new ValidationException("codeVerifier", "is required for twitter (X only issues codes with PKCE)");
        }
        SocialPlatformClient client = clients.client(platform);
        OAuthTokens tokens;
        try {
            tokens = client.exchangeCode(request.code().trim(), request.redirectUri(), request.codeVerifier());
        } catch (TokenRevokedException e) {
            throw new ValidationException("code", "was refused by " + platform.dbValue()
                    + ": invalid, expired, already used, or issued for another redirectUri");
        }
        return SocialAccountResponse.of(sync.connect(userId, platform, tokens));
    }

    public SocialAccountResponse refresh(UUID userId, String platformName) {
        Platform platform = parse(platformName);
        SocialAccount account = accounts.find(userId, platform.dbValue())
                .orElseThrow(() -> new NotFoundException("social account", platform.dbValue()));
        if ("disconnected".equals(account.status())) {
            throw new ConflictException("social-account-disconnected", platform.dbValue()
                    + " is disconnected" + (account.syncError() == null ? "" : " (" + account.syncError() + ")")
                    + ": connect it again with POST /api/social/" + platform.dbValue() + "/connect");
        }
        try {
            return SocialAccountResponse.of(sync.sync(userId, platform));
        } catch (UndecryptableTokenException e) {
            throw new ConflictException("reconnect-required", SocialAccountSync.UNREADABLE_TOKENS);
        } catch (TokenRevokedException e) {
            throw new ConflictException("reconnect-required", platform.dbValue()
                    + " revoked this app's access: connect the account again");
        }
    }

    /** Idempotent: disconnecting an already disconnected account succeeds again. Tokens are erased. */
    @Transactional
    public void disconnect(UUID userId, String platformName) {
        Platform platform = parse(platformName);
        SocialAccount account = accounts.lock(userId, platform.dbValue())
                .orElseThrow(() -> new NotFoundException("social account", platform.dbValue()));
        accounts.markDisconnected(account.id(), "disconnected by the owner");
        accounts.recomputeInfluencerMetrics(userId);
    }

    public List<SocialAccountResponse> list(UUID userId) {
        return accounts.listFor(userId).stream().map(SocialAccountResponse::of).toList();
    }

    private static Platform parse(String value) {
        return Platform.parse(value).orElseThrow(() -> new ValidationException("platform",
                "must be one of instagram, youtube, tiktok, twitter"));
    }

    /** Only an absolute http(s) URI can have been registered with a platform. */
    private static void validateRedirectUri(String value) {
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
                throw new ValidationException("redirectUri", "must be an absolute http(s) URI");
            }
        } catch (URISyntaxException e) {
            throw new ValidationException("redirectUri", "must be an absolute http(s) URI");
        }
    }
}
