package com.creatorcampaignpro.social;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * socialSyncJob ({@code ccp.social.sync}): an account is due when its last attempt is older than
 * {@code interval}; one in 'error' waits {@code errorBackoff × 2^(failures-1)}, at most
 * {@code maxErrorBackoff}. Each platform's due accounts are split into {@code partitionsPerPlatform}
 * partitions (slices by account id) that run at once, so a chunk write slower than the next chunk's
 * calls (which run ahead during it) still does not hold up the platform, as many at once as the
 * connection pool allows after {@code reservedConnections} left to the rest of the instance (a running
 * partition holds at most one connection; see SocialSyncJobConfiguration); in each, {@code chunkSize}
 * accounts are read, called (concurrently, on a pool per
 * platform of {@code ccp.social.<platform>.limits.max-concurrent} threads) and written together; a
 * partition fails once more than {@code skipLimit} accounts answered unreadably. Media retention
 * (social_account_media, applied to each account as it is synced): its {@code mediaKeep} most recent
 * posts, none posted more than {@code mediaMaxAge} ago.
 */
@ConfigurationProperties("ccp.social.sync")
public record SocialSyncProperties(
        @DefaultValue("6h") Duration interval,
        @DefaultValue("15m") Duration errorBackoff,
        @DefaultValue("24h") Duration maxErrorBackoff,
        @DefaultValue("100") int chunkSize,
        @DefaultValue("2") int partitionsPerPlatform,
        @DefaultValue("4") int reservedConnections,
        @DefaultValue("100") int skipLimit,
        @DefaultValue("50") int mediaKeep,
        @DefaultValue("400d") Duration mediaMaxAge) {

    public SocialSyncProperties {
        if (partitionsPerPlatform < 1) {
            throw new IllegalArgumentException("ccp.social.sync.partitions-per-platform must be 1 or more, not "
                    + partitionsPerPlatform);
        }
        if (reservedConnections < 0) {
            throw new IllegalArgumentException("ccp.social.sync.reserved-connections must be 0 or more, not "
                    + reservedConnections);
        }
    }
}
