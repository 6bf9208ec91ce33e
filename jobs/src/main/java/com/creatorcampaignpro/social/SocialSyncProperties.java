package com.creatorcampaignpro.social;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * socialSyncJob ({@code ccp.social.sync}): an account is due when its last attempt is older than
 * {@code interval}; one in 'error' waits {@code errorBackoff × 2^(failures-1)}, at most
 * {@code maxErrorBackoff}. {@code chunkSize} accounts are read, called and written together;
 * {@code callThreads} threads make the calls of all platforms (each platform's own bulkhead bounds
 * its share); a partition fails once more than {@code skipLimit} accounts answered unreadably.
 */
@ConfigurationProperties("ccp.social.sync")
public record SocialSyncProperties(
        @DefaultValue("6h") Duration interval,
        @DefaultValue("15m") Duration errorBackoff,
        @DefaultValue("24h") Duration maxErrorBackoff,
        @DefaultValue("100") int chunkSize,
        @DefaultValue("64") int callThreads,
        @DefaultValue("100") int skipLimit) {
}
