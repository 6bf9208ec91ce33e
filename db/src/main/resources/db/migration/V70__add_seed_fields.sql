-- The seed's columns that V1 dropped and that carry information (docs/seed-schema.md maps all 113).

-- campaigns.objectives TEXT[] (seed) replaces our single objective; a non-blank objective becomes the
-- one-element array, so nothing already entered is lost.
ALTER TABLE campaigns ADD COLUMN objectives TEXT[] NOT NULL DEFAULT '{}';
UPDATE campaigns SET objectives = ARRAY[btrim(objective)] WHERE objective IS NOT NULL AND btrim(objective) <> '';
ALTER TABLE campaigns DROP COLUMN objective;

-- payments: when it is due, what it is for, and the tax rate that produced tax_amount (0.2000 = 20 %).
ALTER TABLE payments
    ADD COLUMN due_date    DATE,
    ADD COLUMN description TEXT CHECK (length(description) <= 2000),
    ADD COLUMN tax_rate    NUMERIC(5, 4) CHECK (tax_rate BETWEEN 0 AND 1);

-- payments.status: the whole settlement life cycle (PaymentStatus): unknown = sent, outcome not yet
-- known; unclaimed = PayPal holds it for the receiver; reversed = a paid payout clawed back.
ALTER TABLE payments DROP CONSTRAINT payments_status_check;
ALTER TABLE payments ADD CONSTRAINT payments_status_check CHECK (status IN
    ('pending', 'held', 'batched', 'submitted', 'unknown', 'paid', 'failed', 'unclaimed', 'returned', 'reversed'));
-- Settlement work queues include the payments whose outcome is still to be learned.
DROP INDEX payments_status;
CREATE INDEX payments_status ON payments (status)
    WHERE status IN ('pending', 'batched', 'submitted', 'unknown', 'unclaimed');
-- The settled history includes reversed payouts (the query's IN list must match this predicate).
DROP INDEX payments_settled;
CREATE INDEX payments_settled ON payments (COALESCE(paid_at, updated_at) DESC, id DESC)
    WHERE status IN ('paid', 'failed', 'returned', 'reversed');

-- payment_methods: the payee's display name for it (NULL = the default, "Stripe" or "PayPal <email>",
-- derived on read so it follows an email change), and provider details safe to show (never a secret
-- or a full account number). Verified is derived, not stored (PaymentMethod.verified, docs/seed-schema.md).
ALTER TABLE payment_methods
    ADD COLUMN name    TEXT  CHECK (length(name) BETWEEN 1 AND 100),
    ADD COLUMN details JSONB NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(details) = 'object');
