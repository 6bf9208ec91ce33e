-- Per-post media history of a connected account: written by the social sync (issue 8), read by the
-- performance prediction (issue 10). One row per (account, platform media id), refreshed in place;
-- as_of is when the counters were read. A NULL counter means the platform does not report it.
CREATE TABLE social_account_media (
    social_account_id UUID        NOT NULL REFERENCES social_accounts (id) ON DELETE CASCADE,
    platform          TEXT        NOT NULL CHECK (platform IN ('instagram', 'youtube', 'tiktok', 'twitter')),
    platform_media_id TEXT        NOT NULL,
    media_type        TEXT        NOT NULL,  -- the platform's own word: IMAGE, VIDEO, CAROUSEL_ALBUM, REELS, short, tweet...
    content_type      TEXT        CHECK (content_type IN ('post', 'story', 'reel', 'video', 'short', 'tweet', 'live')), -- ours; NULL if unmappable
    permalink         TEXT,
    posted_at         TIMESTAMPTZ NOT NULL,
    views             BIGINT      CHECK (views >= 0),
    likes             BIGINT      CHECK (likes >= 0),
    comments          BIGINT      CHECK (comments >= 0),
    shares            BIGINT      CHECK (shares >= 0),
    saves             BIGINT      CHECK (saves >= 0),
    reach             BIGINT      CHECK (reach >= 0),
    impressions       BIGINT      CHECK (impressions >= 0),
    as_of             TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (social_account_id, platform_media_id)
);
CREATE INDEX social_account_media_platform_media ON social_account_media (platform, platform_media_id);
CREATE INDEX social_account_media_recent ON social_account_media (social_account_id, posted_at DESC);
