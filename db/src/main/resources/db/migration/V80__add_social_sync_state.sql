-- socialSyncJob (issue 8): what a sync needs to know about each account beyond its counters.
--
-- sync_attempted_at: the last attempt, whatever its outcome ('epoch' = never). "Due" is judged on it
--   rather than on last_synced_at, so an account that failed in a run is not read again by a restart
--   of that run, and the keyset of the reader (sync_attempted_at, id) only moves forward. NOT NULL so
--   that the keyset is a plain row comparison on the index.
-- rate_limited_until: the cooldown a 429 or throttle answer started for this account; every caller
--   (the job, the refresh endpoint) waits it out without calling the platform.
-- engagement_formula, engagement_sample, views_sample, metrics_window_*: which declared formula made
--   engagement_rate and avg_views, from how many posts, posted when. A sample of 0 means the platform
--   reported nothing to measure: the influencer's overall figures leave that account out. NULL
--   (rows synced before this migration) counts as before.
ALTER TABLE social_accounts
    ADD COLUMN sync_attempted_at    TIMESTAMPTZ NOT NULL DEFAULT 'epoch',
    ADD COLUMN rate_limited_until   TIMESTAMPTZ,
    ADD COLUMN engagement_formula   TEXT,
    ADD COLUMN engagement_sample    INTEGER CHECK (engagement_sample >= 0),
    ADD COLUMN views_sample         INTEGER CHECK (views_sample >= 0),
    ADD COLUMN metrics_window_start TIMESTAMPTZ,
    ADD COLUMN metrics_window_end   TIMESTAMPTZ;

UPDATE social_accounts SET sync_attempted_at = last_synced_at WHERE last_synced_at IS NOT NULL;

-- The due index of V1 covered only 'connected' rows: accounts in 'error' left it and were never
-- retried. Now both, least recently attempted first; the job filters 'error' rows by a backoff that
-- grows with sync_failures. Rows without an access token (disconnected) have nothing to sync.
DROP INDEX social_accounts_sync_due;
CREATE INDEX social_accounts_sync_due ON social_accounts (platform, sync_attempted_at, id)
    WHERE status IN ('connected', 'error') AND access_token_enc IS NOT NULL;

-- The time the platform's figures of a published content were read (the sync's as-of), beside
-- updated_at (any write). Synced figures go through content_metrics, so the capture triggers of the
-- rollup carry them to campaign_metrics like any other change.
ALTER TABLE content_metrics ADD COLUMN platform_as_of TIMESTAMPTZ;
