package com.creatorcampaignpro.social;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/** The configured client of each platform; a platform without credentials has none. */
public final class SocialPlatformClients {
    private final Map<Platform, SocialPlatformClient> clients = new EnumMap<>(Platform.class);

    public SocialPlatformClients(Collection<SocialPlatformClient> configured) {
        configured.forEach(c -> clients.put(c.platform(), c));
    }

    public SocialPlatformClient client(Platform platform) {
        SocialPlatformClient client = clients.get(platform);
        if (client == null) {
            throw new PlatformNotConfiguredException(platform);
        }
        return client;
    }

    public boolean isConfigured(Platform platform) {
        return clients.containsKey(platform);
    }
}
