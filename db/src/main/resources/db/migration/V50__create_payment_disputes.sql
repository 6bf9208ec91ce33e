-- Disputes over a payment, opened by its payee (the influencer) or its payer (the campaign's
-- marketer) and resolved by finance. At most one open dispute per payment: the partial unique index
-- is what refuses a second one, even from two concurrent requests.
CREATE TABLE payment_disputes (
    id              UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    payment_id      UUID        NOT NULL REFERENCES payments (id),
    opened_by       UUID        NOT NULL REFERENCES users (id),
    reason          TEXT        NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    status          TEXT        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
    outcome         TEXT        CHECK (outcome IN ('upheld', 'rejected')),
    resolution_note TEXT,
    resolved_by     UUID REFERENCES users (id),
    -- The payment's status when the dispute opened, so a rejected dispute can release its hold.
    held_payment    BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    resolved_at     TIMESTAMPTZ,
    CONSTRAINT payment_disputes_resolution CHECK (
        (status = 'open' AND outcome IS NULL AND resolved_by IS NULL AND resolved_at IS NULL) OR
        (status = 'resolved' AND outcome IS NOT NULL AND resolved_at IS NOT NULL))
);
CREATE UNIQUE INDEX payment_disputes_one_open ON payment_disputes (payment_id) WHERE status = 'open';
CREATE INDEX payment_disputes_payment ON payment_disputes (payment_id);
CREATE INDEX payment_disputes_opened_by ON payment_disputes (opened_by);
CREATE INDEX payment_disputes_resolved_by ON payment_disputes (resolved_by) WHERE resolved_by IS NOT NULL;
-- Finance's queue, newest first (keyset on created_at, id).
CREATE INDEX payment_disputes_created ON payment_disputes (created_at DESC, id DESC);

-- One Stripe connected account per user: a retried "add Stripe" returns the account it already made.
CREATE UNIQUE INDEX payment_methods_one_stripe ON payment_methods (user_id) WHERE provider = 'stripe';
-- A PayPal email is added once per user, whatever its letter case.
CREATE UNIQUE INDEX payment_methods_paypal_email ON payment_methods (user_id, lower(paypal_email))
    WHERE provider = 'paypal';
-- The settled-payments history is ordered by when it settled.
CREATE INDEX payments_settled ON payments (COALESCE(paid_at, updated_at) DESC, id DESC)
    WHERE status IN ('paid', 'failed', 'returned');
