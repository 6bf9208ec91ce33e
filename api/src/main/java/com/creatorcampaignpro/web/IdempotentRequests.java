package com.creatorcampaignpro.web;

import com.creatorcampaignpro.crypto.Sha256;
import com.creatorcampaignpro.error.ConflictException;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.idempotency.IdempotencyKeyDao;
import com.creatorcampaignpro.idempotency.StoredResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Makes a creating POST safe to retry: with an {@code Idempotency-Key} header the first request's
 * answer is stored in the same transaction as what it created, and a retry gets that answer back
 * (header {@code Idempotent-Replayed: true}) instead of creating a second resource.
 */
@Component
public class IdempotentRequests {
    public static final String HEADER = "Idempotency-Key";

    private final IdempotencyKeyDao keys;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    public IdempotentRequests(IdempotencyKeyDao keys, TransactionTemplate transaction, JsonMapper json) {
        this.keys = keys;
        this.transaction = transaction;
        this.json = json;
    }

    public <T> ResponseEntity<T> execute(UUID userId, String key, String endpoint, Object request, Class<T> bodyType,
                                         Supplier<ResponseEntity<T>> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > 255) {
            throw new ValidationException(HEADER, "must be 1 to 255 characters");
        }
        byte[] requestHash = Sha256.of(endpoint + "\n" + json.writeValueAsString(request));
        return transaction.execute(tx -> {
            if (keys.claim(userId, key, requestHash) == 1) {
                ResponseEntity<T> response = action.get();
                keys.complete(userId, key, response.getStatusCode().value(), json.writeValueAsString(response.getBody()));
                return response;
            }
            StoredResponse stored = keys.find(userId, key).orElseThrow();
            if (!Arrays.equals(stored.requestHash(), requestHash)) {
                throw new ConflictException("idempotency-key-reused",
                        "this Idempotency-Key was already used for a different request; use a new key per request");
            }
            return ResponseEntity.status(stored.responseStatus())
                    .header("Idempotent-Replayed", "true")
                    .body(json.readValue(stored.responseBody(), bodyType));
        });
    }

}
