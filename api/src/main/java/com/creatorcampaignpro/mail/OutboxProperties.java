package com.creatorcampaignpro.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** The outbound email outbox and its sender. SMTP itself is Boot's {@code spring.mail.*}. */
@ConfigurationProperties("ccp.mail")
public record OutboxProperties(
        @DefaultValue("true") boolean senderEnabled,
        @DefaultValue("Creator Campaign Pro <no-reply@creatorcampaignpro.com>") String from,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("20") int batchSize,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("30s") Duration firstRetryDelay) {
}
