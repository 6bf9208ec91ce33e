-- Account flows: email verification and password reset tokens, the outbound email outbox, Google
-- sign-in links, account deletion (anonymization) and avatars kept in the database.

-- The Google account a user signs in with ("sub" of Google's ID token): stable, unlike the email.
ALTER TABLE users ADD COLUMN google_subject TEXT;
CREATE UNIQUE INDEX users_google_subject_key ON users (google_subject) WHERE google_subject IS NOT NULL;
-- Set when the account was deleted: the row stays (payments and campaigns point at it), anonymized.
ALTER TABLE users ADD COLUMN deleted_at TIMESTAMPTZ;

-- Single-use tokens mailed to users. Only a SHA-256 of the token is stored; a token is spent by
-- setting used_at in the same statement that checks it (UPDATE ... WHERE used_at IS NULL RETURNING).
CREATE TABLE email_tokens (
    id         UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id    UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT        NOT NULL CHECK (purpose IN ('verify', 'reset')),
    token_hash BYTEA       NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT email_tokens_hash_key UNIQUE (token_hash)
);
-- Per-user lookups: rate limiting reset requests, spending every other token of a purpose.
CREATE INDEX email_tokens_user_purpose ON email_tokens (user_id, purpose, created_at);

-- The outbox: an email is written in the same transaction as whatever it announces and sent later
-- by a poller (OutboxMailer) that claims rows with FOR UPDATE SKIP LOCKED, so two instances never
-- send the same row at once. The body is cleared once sent: it may hold a single-use link.
CREATE TABLE outbound_emails (
    id              UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    to_address      TEXT        NOT NULL,
    subject         TEXT        NOT NULL,
    body            TEXT        NOT NULL,
    kind            TEXT        NOT NULL,   -- e.g. verify-email, reset-password: for logs and tests
    user_id         UUID REFERENCES users (id) ON DELETE SET NULL,
    status          TEXT        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts        INTEGER     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error      TEXT,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at         TIMESTAMPTZ
);
CREATE INDEX outbound_emails_due ON outbound_emails (next_attempt_at) WHERE status = 'pending';
CREATE INDEX outbound_emails_user ON outbound_emails (user_id) WHERE user_id IS NOT NULL;

-- Avatars live in the database so every instance serves the same image without shared storage.
CREATE TABLE user_avatars (
    user_id      UUID PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    content_type TEXT        NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/webp')),
    image        BYTEA       NOT NULL,
    sha256       TEXT        NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
