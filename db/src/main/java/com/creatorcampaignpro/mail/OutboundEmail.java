package com.creatorcampaignpro.mail;

import java.util.UUID;

/** An email waiting in the outbox. */
public record OutboundEmail(UUID id, String toAddress, String subject, String body, String kind, int attempts) {
}
