-- Content submitted through the API belongs to an accepted invitation: it carries the agreed rate
-- (campaign_invitations.rate_amount/currency) that payout settlement pays for approved content.
-- Nullable because content can also arrive by import or demo data without an invitation.
ALTER TABLE content ADD COLUMN invitation_id UUID REFERENCES campaign_invitations (id);
CREATE INDEX content_invitation ON content (invitation_id) WHERE invitation_id IS NOT NULL;

-- Submitting the same URL twice under one invitation is a retry, not a second deliverable: the API
-- answers with the existing row. A rejected submission frees its URL for a fresh one.
CREATE UNIQUE INDEX content_invitation_url_key ON content (invitation_id, content_url)
    WHERE invitation_id IS NOT NULL AND status <> 'rejected';

-- The marketer's listing: content of one campaign, newest first, keyset-paged on (created_at, id).
-- (The influencer's listing uses V1's content_influencer.)
CREATE INDEX content_campaign_created ON content (campaign_id, created_at DESC, id DESC);
