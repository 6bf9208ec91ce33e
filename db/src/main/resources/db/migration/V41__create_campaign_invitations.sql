-- A marketer invites an influencer to a campaign with a proposed rate and deliverables; the
-- influencer accepts or declines. The accepted invitation's rate is the agreed rate that payout
-- settlement uses for the content submitted under it (content.invitation_id, V42).
CREATE TABLE campaign_invitations (
    id            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    campaign_id   UUID        NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    influencer_id UUID        NOT NULL REFERENCES users (id),
    rate_amount   BIGINT      NOT NULL CHECK (rate_amount >= 0),   -- minor units
    currency      CHAR(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    deliverables  JSONB       NOT NULL DEFAULT '[]',
    message       TEXT        NOT NULL DEFAULT '',
    status        TEXT        NOT NULL DEFAULT 'pending'
                  CHECK (status IN ('pending', 'accepted', 'declined', 'withdrawn', 'expired')),
    response_note TEXT,                   -- the influencer's reason when declining
    expires_at    TIMESTAMPTZ NOT NULL,   -- a pending invitation past this moment is expired
    responded_at  TIMESTAMPTZ,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT campaign_invitations_responded CHECK ((status = 'pending') = (responded_at IS NULL))
);
-- One live invitation per (campaign, influencer): pending or accepted. Declined, withdrawn and
-- expired ones stay as history and do not block a new invitation.
CREATE UNIQUE INDEX campaign_invitations_one_live ON campaign_invitations (campaign_id, influencer_id)
    WHERE status IN ('pending', 'accepted');
-- Listings, newest first, keyset-paged on (created_at, id): per campaign and per influencer.
CREATE INDEX campaign_invitations_campaign ON campaign_invitations (campaign_id, created_at DESC, id DESC);
CREATE INDEX campaign_invitations_influencer ON campaign_invitations (influencer_id, created_at DESC, id DESC);
