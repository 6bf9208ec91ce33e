-- Reconciliation looks pending Stripe accounts up at Stripe (their account.updated webhook may never
-- arrive); the longest unchecked go first, so each pending account gets its turn.
ALTER TABLE payment_methods ADD COLUMN provider_checked_at TIMESTAMPTZ;

CREATE INDEX payment_methods_pending_stripe ON payment_methods (provider_checked_at NULLS FIRST, stripe_account_id)
    WHERE provider = 'stripe' AND status = 'pending' AND stripe_account_id IS NOT NULL;
