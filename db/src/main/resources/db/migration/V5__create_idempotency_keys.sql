-- Idempotency-Key support for POSTs that create things: a retried request with the same key gets
-- the first answer back instead of a second resource. Keys are per user and kept 24 hours.
CREATE TABLE idempotency_keys (
    user_id         UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    idempotency_key TEXT        NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 255),
    request_hash    BYTEA       NOT NULL,   -- SHA-256 of method, path and body: same key, other request = error
    response_status INTEGER,
    response_body   TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
