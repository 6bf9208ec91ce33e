package com.creatorcampaignpro.invitation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** @param ttl how long a pending invitation waits for an answer before it expires */
@ConfigurationProperties("ccp.invitations")
public record InvitationProperties(@DefaultValue("14d") Duration ttl) {
}
