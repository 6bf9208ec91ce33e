package com.creatorcampaignpro.user;

import java.time.Instant;
import java.util.UUID;

/** A user's profile picture as stored: the bytes, their type, and a hash that doubles as the ETag. */
public record Avatar(UUID userId, String contentType, byte[] image, String sha256, Instant updatedAt) {
}
