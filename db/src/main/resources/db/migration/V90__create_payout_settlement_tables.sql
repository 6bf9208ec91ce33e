-- payoutSettlementJob (issue 9): batches handed to a provider, one row per attempt to pay a
-- payment (its idempotency key stored before the provider call), payees' tax profiles, and the
-- webhook events already applied.

-- One batch = the payments of one provider and currency paid together: a PayPal payout (at most
-- 15,000 items, sender_batch_id derived from the id) or a Stripe transfer_group (one transfer each).
CREATE TABLE payout_batches (
    id                UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    provider          TEXT        NOT NULL CHECK (provider IN ('stripe', 'paypal')),
    currency          CHAR(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    -- awaiting_approval -> ready -> submitting -> submitted -> completed; failed when the provider
    -- refused the whole batch (its payments fail and get a new attempt in a later batch).
    status            TEXT        NOT NULL
                      CHECK (status IN ('awaiting_approval', 'ready', 'submitting', 'submitted', 'completed', 'failed')),
    sender_batch_id   TEXT UNIQUE CHECK (length(sender_batch_id) <= 256),
    provider_batch_id TEXT,
    provider_status   TEXT,
    item_count        INTEGER     NOT NULL DEFAULT 0 CHECK (item_count >= 0),
    total_gross       BIGINT      NOT NULL DEFAULT 0 CHECK (total_gross >= 0),
    total_fee         BIGINT      NOT NULL DEFAULT 0 CHECK (total_fee >= 0),
    total_tax         BIGINT      NOT NULL DEFAULT 0 CHECK (total_tax >= 0),
    total_net         BIGINT      NOT NULL DEFAULT 0 CHECK (total_net >= 0),
    -- The Spring Batch execution that made it (no FK: Batch metadata has its own retention) and
    -- who launched that run (null for the scheduler): the approver must be someone else.
    job_execution_id  BIGINT,
    job_instance_id   BIGINT,
    launched_by       UUID REFERENCES users (id),
    requires_approval BOOLEAN     NOT NULL DEFAULT FALSE,
    approved_by       UUID REFERENCES users (id),
    approved_at       TIMESTAMPTZ,
    failure_reason    TEXT,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    submitted_at      TIMESTAMPTZ,
    completed_at      TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT payout_batches_totals_add_up CHECK (total_net = total_gross - total_fee - total_tax),
    CONSTRAINT payout_batches_four_eyes CHECK (approved_by IS NULL OR launched_by IS NULL OR approved_by <> launched_by),
    CONSTRAINT payout_batches_approved CHECK ((approved_by IS NULL) = (approved_at IS NULL))
);
CREATE INDEX payout_batches_launched_by ON payout_batches (launched_by) WHERE launched_by IS NOT NULL;
CREATE INDEX payout_batches_approved_by ON payout_batches (approved_by) WHERE approved_by IS NOT NULL;
-- The job's work queues: batches still to submit or to reconcile. Finance lists newest first.
CREATE INDEX payout_batches_open ON payout_batches (status, created_at) WHERE status NOT IN ('completed', 'failed');
CREATE INDEX payout_batches_created ON payout_batches (created_at DESC, id DESC);

ALTER TABLE payments ADD COLUMN payout_batch_id UUID REFERENCES payout_batches (id);
ALTER TABLE payments ADD COLUMN submitted_at TIMESTAMPTZ;
CREATE INDEX payments_payout_batch ON payments (payout_batch_id) WHERE payout_batch_id IS NOT NULL;

-- One row per attempt to pay a payment. The row, with its idempotency key and exactly what will be
-- sent, is committed before the provider call: a retry, a crash or a restart sends the same request
-- under the same key, and a payment whose answer was lost is looked up by it. A failed attempt is
-- followed by a new attempt (new number, new key) in a later run.
CREATE TABLE payment_attempts (
    payment_id         UUID        NOT NULL REFERENCES payments (id),
    attempt            INTEGER     NOT NULL CHECK (attempt >= 1),
    payout_batch_id    UUID        NOT NULL REFERENCES payout_batches (id),
    provider           TEXT        NOT NULL CHECK (provider IN ('stripe', 'paypal')),
    idempotency_key    TEXT        NOT NULL,
    amount             BIGINT      NOT NULL CHECK (amount > 0),   -- the net amount sent, minor units
    currency           CHAR(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    destination        TEXT        NOT NULL,                      -- Stripe account id or PayPal email
    -- prepared: key stored, not sent yet; sent: the call is out; then what the provider said.
    outcome            TEXT        NOT NULL DEFAULT 'prepared'
                       CHECK (outcome IN ('prepared', 'sent', 'unknown', 'accepted', 'paid', 'failed', 'unclaimed',
                                          'returned', 'reversed')),
    provider_reference TEXT,
    raw_status         TEXT,
    failure_reason     TEXT,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at            TIMESTAMPTZ,
    answered_at        TIMESTAMPTZ,
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (payment_id, attempt),
    -- Stripe keys are per payment attempt; a PayPal batch's items share the batch's key.
    CONSTRAINT payment_attempts_one_per_batch UNIQUE (payout_batch_id, payment_id)
);
CREATE INDEX payment_attempts_key ON payment_attempts (idempotency_key);

-- A payee's tax situation. No row: the configured default (no form on file) applies.
CREATE TABLE payee_tax_profiles (
    user_id          UUID PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    country          CHAR(2)      NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    form_on_file     TEXT         NOT NULL DEFAULT 'none' CHECK (form_on_file IN ('w9', 'w8ben', 'none')),
    -- Withheld from the gross (after the platform fee is set aside); 0.2400 = 24 %.
    withholding_rate NUMERIC(5, 4) NOT NULL DEFAULT 0 CHECK (withholding_rate BETWEEN 0 AND 1),
    updated_by       UUID REFERENCES users (id),
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX payee_tax_profiles_updated_by ON payee_tax_profiles (updated_by) WHERE updated_by IS NOT NULL;

-- Provider webhook events already applied, inserted in the same transaction as their effect:
-- a redelivered event finds its row and changes nothing.
CREATE TABLE processed_webhook_events (
    provider    TEXT        NOT NULL CHECK (provider IN ('stripe', 'paypal')),
    event_id    TEXT        NOT NULL CHECK (length(event_id) BETWEEN 1 AND 255),
    event_type  TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, event_id)
);
CREATE INDEX processed_webhook_events_received ON processed_webhook_events (received_at);

-- Rounds a non-negative amount in minor units half to even (banker's rounding), as core's Money does
-- for percentages: settlement computes fee and tax in SQL, set-based, and must agree with Java.
CREATE FUNCTION ccp_round_half_even(amount NUMERIC) RETURNS BIGINT
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE WHEN amount - trunc(amount) = 0.5 AND trunc(amount)::BIGINT % 2 = 0 THEN trunc(amount)::BIGINT
                ELSE round(amount)::BIGINT END
$$;
