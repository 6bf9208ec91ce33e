package com.creatorcampaignpro.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** {@code ccp.notifications}: the live stream's timings. */
@ConfigurationProperties("ccp.notifications")
public record NotificationProperties(Duration streamTimeout, Duration keepAlive, Duration safetyPoll) {
    public NotificationProperties {
        streamTimeout = streamTimeout == null ? Duration.ofMinutes(30) : streamTimeout;
        keepAlive = keepAlive == null ? Duration.ofSeconds(25) : keepAlive;
        safetyPoll = safetyPoll == null ? Duration.ofSeconds(10) : safetyPoll;
    }
}
