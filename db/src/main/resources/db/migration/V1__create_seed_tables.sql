-- The seed's ten tables, under their seed names, hardened: TIMESTAMPTZ everywhere, NOT NULL where a
-- row means nothing without the value, CHECKs on every status/platform/type, money as BIGINT minor
-- units beside an ISO-4217 currency, the unique keys of DESIGN.md, and an index for every foreign key.
-- An influencer is identified by their user id everywhere (influencer_profiles is keyed by user_id).

CREATE TABLE users (
    id              UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    email           TEXT        NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
    password_hash   TEXT,                -- NULL for accounts that only sign in with Google
    user_type       TEXT        NOT NULL CHECK (user_type IN ('marketer', 'influencer')),
    first_name      TEXT        NOT NULL DEFAULT '',
    last_name       TEXT        NOT NULL DEFAULT '',
    company_name    TEXT,
    phone           TEXT,
    avatar_url      TEXT,
    email_verified  BOOLEAN     NOT NULL DEFAULT FALSE,
    is_active       BOOLEAN     NOT NULL DEFAULT TRUE,
    last_login_at   TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- Emails are unique whatever their case; lookups use lower(email) too.
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));

CREATE TABLE influencer_profiles (
    user_id             UUID PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    display_name        TEXT          NOT NULL DEFAULT '',
    bio                 TEXT          NOT NULL DEFAULT '',
    categories          TEXT[]        NOT NULL DEFAULT '{}',
    languages           TEXT[]        NOT NULL DEFAULT '{}',
    location            TEXT,                      -- free text, e.g. "Lisbon, PT"
    country             CHAR(2),                   -- ISO-3166 alpha-2, for audience/location fit
    total_followers     BIGINT        NOT NULL DEFAULT 0 CHECK (total_followers >= 0),
    avg_engagement_rate NUMERIC(7, 4) NOT NULL DEFAULT 0 CHECK (avg_engagement_rate >= 0),  -- percent
    avg_views           BIGINT        NOT NULL DEFAULT 0 CHECK (avg_views >= 0),
    audience            JSONB         NOT NULL DEFAULT '{}',  -- demographics as reported by platforms
    rating              NUMERIC(3, 2) NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 5),
    completed_campaigns INTEGER       NOT NULL DEFAULT 0 CHECK (completed_campaigns >= 0),
    availability        TEXT          NOT NULL DEFAULT 'available'
                        CHECK (availability IN ('available', 'busy', 'unavailable')),
    verified            BOOLEAN       NOT NULL DEFAULT FALSE,
    metrics_as_of       TIMESTAMPTZ,               -- when followers/engagement were last synced
    created_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX influencer_profiles_categories_gin ON influencer_profiles USING GIN (categories);
CREATE INDEX influencer_profiles_languages_gin ON influencer_profiles USING GIN (languages);

CREATE TABLE social_accounts (
    id                UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id           UUID          NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    platform          TEXT          NOT NULL CHECK (platform IN ('instagram', 'youtube', 'tiktok', 'twitter')),
    platform_user_id  TEXT,
    username          TEXT,
    profile_url       TEXT,
    followers         BIGINT        NOT NULL DEFAULT 0 CHECK (followers >= 0),
    following         BIGINT        NOT NULL DEFAULT 0 CHECK (following >= 0),
    posts_count       BIGINT        NOT NULL DEFAULT 0 CHECK (posts_count >= 0),
    engagement_rate   NUMERIC(7, 4) NOT NULL DEFAULT 0 CHECK (engagement_rate >= 0),
    avg_views         BIGINT        NOT NULL DEFAULT 0 CHECK (avg_views >= 0),
    -- OAuth tokens, AES-GCM encrypted by the application (key from CCP_TOKEN_KEY); never plain text.
    access_token_enc  BYTEA,
    refresh_token_enc BYTEA,
    token_expires_at  TIMESTAMPTZ,
    scopes            TEXT,
    status            TEXT          NOT NULL DEFAULT 'connected'
                      CHECK (status IN ('connected', 'disconnected', 'error')),
    connected_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    last_synced_at    TIMESTAMPTZ,
    sync_error        TEXT,
    sync_failures     INTEGER       NOT NULL DEFAULT 0 CHECK (sync_failures >= 0),
    created_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT social_accounts_user_platform_key UNIQUE (user_id, platform)
);
-- The sync job pages through connected accounts of one platform, least recently synced first.
CREATE INDEX social_accounts_sync_due ON social_accounts (platform, last_synced_at NULLS FIRST, id)
    WHERE status = 'connected';

CREATE TABLE content_rates (
    id            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    influencer_id UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    platform      TEXT        NOT NULL CHECK (platform IN ('instagram', 'youtube', 'tiktok', 'twitter')),
    content_type  TEXT        NOT NULL
                  CHECK (content_type IN ('post', 'story', 'reel', 'video', 'short', 'tweet', 'live')),
    rate_amount   BIGINT      NOT NULL CHECK (rate_amount >= 0),   -- minor units
    currency      CHAR(3)     NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT content_rates_influencer_platform_type_key UNIQUE (influencer_id, platform, content_type)
);

CREATE TABLE campaigns (
    id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    marketer_id         UUID          NOT NULL REFERENCES users (id),
    name                TEXT          NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description         TEXT          NOT NULL DEFAULT '',
    objective           TEXT,
    status              TEXT          NOT NULL DEFAULT 'draft'
                        CHECK (status IN ('draft', 'active', 'paused', 'completed', 'cancelled')),
    budget              BIGINT        NOT NULL CHECK (budget >= 0),          -- minor units
    spent               BIGINT        NOT NULL DEFAULT 0 CHECK (spent >= 0), -- minor units
    currency            CHAR(3)       NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
    start_date          DATE,
    end_date            DATE,
    target_categories   TEXT[]        NOT NULL DEFAULT '{}',
    target_languages    TEXT[]        NOT NULL DEFAULT '{}',
    target_countries    TEXT[]        NOT NULL DEFAULT '{}',
    target_platforms    TEXT[]        NOT NULL DEFAULT '{}',
    min_followers       BIGINT        CHECK (min_followers >= 0),
    max_followers       BIGINT        CHECK (max_followers >= 0),
    min_engagement_rate NUMERIC(7, 4) CHECK (min_engagement_rate >= 0),
    target_audience     JSONB         NOT NULL DEFAULT '{}',
    deliverables        JSONB         NOT NULL DEFAULT '[]',
    created_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT campaigns_dates_ordered CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
    CONSTRAINT campaigns_follower_range CHECK (max_followers IS NULL OR min_followers IS NULL OR max_followers >= min_followers)
);
-- A marketer's campaigns, newest first, keyset-paged on (created_at, id).
CREATE INDEX campaigns_marketer_created ON campaigns (marketer_id, created_at DESC, id DESC);
CREATE INDEX campaigns_status ON campaigns (status) WHERE status IN ('active', 'paused');

CREATE TABLE campaign_metrics (
    id                UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    campaign_id       UUID        NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    content_count     INTEGER     NOT NULL DEFAULT 0,
    total_reach       BIGINT      NOT NULL DEFAULT 0,
    total_impressions BIGINT      NOT NULL DEFAULT 0,
    total_views       BIGINT      NOT NULL DEFAULT 0,
    total_engagement  BIGINT      NOT NULL DEFAULT 0,  -- likes + comments + shares + saves
    total_likes       BIGINT      NOT NULL DEFAULT 0,
    total_comments    BIGINT      NOT NULL DEFAULT 0,
    total_shares      BIGINT      NOT NULL DEFAULT 0,
    total_saves       BIGINT      NOT NULL DEFAULT 0,
    total_clicks      BIGINT      NOT NULL DEFAULT 0,
    total_conversions BIGINT      NOT NULL DEFAULT 0,
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT campaign_metrics_campaign_key UNIQUE (campaign_id)
);

CREATE TABLE content (
    id                UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    campaign_id       UUID        NOT NULL REFERENCES campaigns (id),
    influencer_id     UUID        NOT NULL REFERENCES users (id),
    platform          TEXT        NOT NULL CHECK (platform IN ('instagram', 'youtube', 'tiktok', 'twitter')),
    content_type      TEXT        NOT NULL
                      CHECK (content_type IN ('post', 'story', 'reel', 'video', 'short', 'tweet', 'live')),
    title             TEXT        NOT NULL DEFAULT '',
    caption           TEXT        NOT NULL DEFAULT '',
    content_url       TEXT,
    media_urls        TEXT[]      NOT NULL DEFAULT '{}',
    platform_media_id TEXT,                -- the platform's id, to match synced media
    deliverable       TEXT,                -- which of the campaign's deliverables this fulfils
    status            TEXT        NOT NULL DEFAULT 'pending'
                      CHECK (status IN ('pending', 'approved', 'rejected', 'changes_requested', 'published')),
    feedback          TEXT,
    submitted_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    reviewed_by       UUID REFERENCES users (id),
    reviewed_at       TIMESTAMPTZ,
    published_at      TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX content_campaign ON content (campaign_id, status);
CREATE INDEX content_influencer ON content (influencer_id, created_at DESC);
CREATE INDEX content_reviewed_by ON content (reviewed_by) WHERE reviewed_by IS NOT NULL;
CREATE UNIQUE INDEX content_platform_media_key ON content (platform, platform_media_id)
    WHERE platform_media_id IS NOT NULL;

CREATE TABLE content_metrics (
    id          UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    content_id  UUID        NOT NULL REFERENCES content (id) ON DELETE CASCADE,
    views       BIGINT      NOT NULL DEFAULT 0 CHECK (views >= 0),
    likes       BIGINT      NOT NULL DEFAULT 0 CHECK (likes >= 0),
    comments    BIGINT      NOT NULL DEFAULT 0 CHECK (comments >= 0),
    shares      BIGINT      NOT NULL DEFAULT 0 CHECK (shares >= 0),
    saves       BIGINT      NOT NULL DEFAULT 0 CHECK (saves >= 0),
    reach       BIGINT      NOT NULL DEFAULT 0 CHECK (reach >= 0),
    impressions BIGINT      NOT NULL DEFAULT 0 CHECK (impressions >= 0),
    clicks      BIGINT      NOT NULL DEFAULT 0 CHECK (clicks >= 0),
    conversions BIGINT      NOT NULL DEFAULT 0 CHECK (conversions >= 0),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT content_metrics_content_key UNIQUE (content_id)
);

CREATE TABLE payment_methods (
    id                UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id           UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider          TEXT        NOT NULL CHECK (provider IN ('stripe', 'paypal')),
    stripe_account_id TEXT,
    paypal_email      TEXT,
    status            TEXT        NOT NULL DEFAULT 'pending'
                      CHECK (status IN ('pending', 'active', 'disabled')),
    is_default        BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT payment_methods_provider_details CHECK (
        (provider = 'stripe' AND stripe_account_id IS NOT NULL) OR
        (provider = 'paypal' AND paypal_email IS NOT NULL))
);
CREATE INDEX payment_methods_user ON payment_methods (user_id);
-- At most one default method per user.
CREATE UNIQUE INDEX payment_methods_one_default ON payment_methods (user_id) WHERE is_default;

CREATE TABLE payments (
    id                 UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    -- One payment per approved deliverable: the anchor of settlement idempotency.
    content_id         UUID        NOT NULL REFERENCES content (id),
    campaign_id        UUID        NOT NULL REFERENCES campaigns (id),
    influencer_id      UUID        NOT NULL REFERENCES users (id),
    payment_method_id  UUID REFERENCES payment_methods (id) ON DELETE SET NULL,
    provider           TEXT        CHECK (provider IN ('stripe', 'paypal')),
    amount             BIGINT      NOT NULL CHECK (amount >= 0),       -- gross, minor units
    fee_amount         BIGINT      NOT NULL DEFAULT 0 CHECK (fee_amount >= 0),
    tax_amount         BIGINT      NOT NULL DEFAULT 0 CHECK (tax_amount >= 0),
    net_amount         BIGINT      NOT NULL CHECK (net_amount >= 0),
    currency           CHAR(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    status             TEXT        NOT NULL DEFAULT 'pending'
                       CHECK (status IN ('pending', 'held', 'batched', 'submitted', 'paid', 'failed', 'returned')),
    hold_reason        TEXT,
    failure_reason     TEXT,
    provider_reference TEXT,
    attempt            INTEGER     NOT NULL DEFAULT 0 CHECK (attempt >= 0),
    paid_at            TIMESTAMPTZ,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT payments_content_key UNIQUE (content_id),
    CONSTRAINT payments_amounts_add_up CHECK (net_amount = amount - fee_amount - tax_amount)
);
CREATE INDEX payments_campaign ON payments (campaign_id);
CREATE INDEX payments_influencer ON payments (influencer_id, created_at DESC);
CREATE INDEX payments_method ON payments (payment_method_id) WHERE payment_method_id IS NOT NULL;
CREATE INDEX payments_status ON payments (status) WHERE status IN ('pending', 'batched', 'submitted');
