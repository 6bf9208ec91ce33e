package com.creatorcampaignpro.idempotency;

public record StoredResponse(byte[] requestHash, Integer responseStatus, String responseBody) {
}
