package com.creatorcampaignpro.web;

import com.creatorcampaignpro.crypto.Sha256;
import com.creatorcampaignpro.error.ConflictException;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.idempotency.IdempotencyKeyDao;
import com.creatorcampaignpro.idempotency.StoredResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Makes a creating POST safe to retry: with an {@code Idempotency-Key} header the first request's
 * answer is stored, and a retry gets that answer back (header {@code Idempotent-Replayed: true},
 * and the first answer's Location) instead of creating a second resource. Keys are per user; the
 * same key with a different request is a 409. Two modes:
 * <ul>
 *   <li>{@link #execute}: the answer is stored in the same transaction as what the action wrote, for
 *       actions that only touch our database;</li>
 *   <li>{@link #executeOutsideTransaction}: for actions that must not run inside a transaction of
 *       ours (a provider call, a job launch, which commits on its own): the key is claimed and
 *       committed first, the action runs outside, then the answer is stored. A failed action gives the key up; a claim left unfinished
 *       by a dead instance is taken over after {@link #STALE_CLAIM} (the action must itself be
 *       idempotent, as every provider call and launch of ours is).</li>
 * </ul>
 */
@Component
public class IdempotentRequests {
    public static final String HEADER = "Idempotency-Key";
    static final Duration STALE_CLAIM = Duration.ofMinutes(2);

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
        byte[] requestHash = fingerprint(key, endpoint, request);
        return transaction.execute(tx -> {
            if (keys.claim(userId, key, requestHash) == 1) {
                ResponseEntity<T> response = action.get();
                complete(userId, key, response);
                return response;
            }
            return replay(userId, key, requestHash, bodyType)
                    .orElseThrow(IdempotentRequests::inProgress);
        });
    }

    public <T> ResponseEntity<T> executeOutsideTransaction(UUID userId, String key, String endpoint, Object request,
                                                           Class<T> bodyType, Supplier<ResponseEntity<T>> action) {
        if (key == null) {
            return action.get();
        }
        byte[] requestHash = fingerprint(key, endpoint, request);
        boolean claimed = Boolean.TRUE.equals(transaction.execute(tx -> keys.claim(userId, key, requestHash) == 1));
        if (!claimed) {
            Optional<ResponseEntity<T>> replayed = transaction.execute(tx -> replay(userId, key, requestHash, bodyType));
            if (replayed.isPresent()) {
                return replayed.get();
            }
            boolean tookOver = Boolean.TRUE.equals(transaction.execute(tx ->
                    keys.takeOverStale(userId, key, STALE_CLAIM.toSeconds()) == 1));
            if (!tookOver) {
                throw inProgress();
            }
        }
        ResponseEntity<T> response;
        try {
            response = action.get();
        } catch (RuntimeException failed) {
            transaction.executeWithoutResult(tx -> keys.release(userId, key));
            throw failed;
        }
        transaction.executeWithoutResult(tx -> complete(userId, key, response));
        return response;
    }

    /** Checks the header and hashes what identifies the request; the same key must come with the same request. */
    public byte[] fingerprint(String key, String endpoint, Object request) {
        if (key.isBlank() || key.length() > 255) {
            throw new ValidationException(HEADER, "must be 1 to 255 characters");
        }
        return Sha256.of(endpoint + "\n" + json.writeValueAsString(request));
    }

    /** The stored answer to repeat, empty while the first request is still running; 409 for another request. */
    public <T> Optional<ResponseEntity<T>> replay(UUID userId, String key, byte[] requestHash, Class<T> bodyType) {
        StoredResponse stored = keys.find(userId, key).orElse(null);
        if (stored == null) {
            return Optional.empty();
        }
        if (!Arrays.equals(stored.requestHash(), requestHash)) {
            throw new ConflictException("idempotency-key-reused",
                    "this Idempotency-Key was already used for a different request; use a new key per request");
        }
        if (stored.responseStatus() == null) {
            return Optional.empty();
        }
        StoredAnswer answer = json.readValue(stored.responseBody(), StoredAnswer.class);
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(stored.responseStatus())
                .header("Idempotent-Replayed", "true");
        if (answer.location() != null) {
            builder.header(HttpHeaders.LOCATION, answer.location());
        }
        return Optional.of(builder.body(answer.body() == null || answer.body().isNull() ? null : json.treeToValue(answer.body(), bodyType)));
    }

    /** Stores the answer for later replays (within the caller's transaction, if any). */
    public void complete(UUID userId, String key, ResponseEntity<?> response) {
        String location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        JsonNode body = response.getBody() == null ? null : json.valueToTree(response.getBody());
        keys.complete(userId, key, response.getStatusCode().value(), json.writeValueAsString(new StoredAnswer(location, body)));
    }

    private static ConflictException inProgress() {
        return new ConflictException("idempotency-key-in-progress",
                "a request with this Idempotency-Key is still being processed; retry in a moment");
    }

    /** What is kept of an answer: its Location and its body. */
    record StoredAnswer(String location, JsonNode body) {
    }
}
