-- Staff roles beside users.user_type (marketer | influencer): operators run jobs, finance settles
-- payouts, admins grant roles. A table rather than an array so each grant says who and when.
CREATE TABLE staff_roles (
    user_id    UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role       TEXT        NOT NULL CHECK (role IN ('operator', 'finance', 'admin')),
    granted_by UUID REFERENCES users (id) ON DELETE SET NULL,
    granted_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, role)
);
CREATE INDEX staff_roles_granted_by ON staff_roles (granted_by) WHERE granted_by IS NOT NULL;

-- Rotating refresh tokens. Only a SHA-256 of the token is stored. Every token descends from one
-- login (its family); presenting a token that was already rotated revokes the whole family.
CREATE TABLE refresh_tokens (
    id          UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id   UUID        NOT NULL,
    token_hash  BYTEA       NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    revoked_at  TIMESTAMPTZ,
    replaced_by UUID REFERENCES refresh_tokens (id) ON DELETE SET NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT refresh_tokens_hash_key UNIQUE (token_hash)
);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_replaced_by ON refresh_tokens (replaced_by) WHERE replaced_by IS NOT NULL;

-- Login attempts, for rate limiting per client address and per account across every instance.
-- Old rows are deleted as new ones arrive (see LoginAttemptDao.purgeOlderThan).
CREATE TABLE login_attempts (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_key  TEXT        NOT NULL,   -- lower(email)
    client_key   TEXT        NOT NULL,   -- client address
    succeeded    BOOLEAN     NOT NULL,
    attempted_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_account ON login_attempts (account_key, attempted_at);
CREATE INDEX login_attempts_client ON login_attempts (client_key, attempted_at);
CREATE INDEX login_attempts_attempted_at ON login_attempts (attempted_at);

-- Every staff action and every money movement, append-only.
CREATE TABLE audit_log (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor_id    UUID REFERENCES users (id) ON DELETE SET NULL,
    action      TEXT        NOT NULL,
    target_type TEXT        NOT NULL,
    target_id   TEXT,
    details     JSONB       NOT NULL DEFAULT '{}',
    at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_actor ON audit_log (actor_id, at) WHERE actor_id IS NOT NULL;
CREATE INDEX audit_log_target ON audit_log (target_type, target_id, at);
