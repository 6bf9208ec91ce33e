-- matchScoringJob's output: each scored campaign's top K influencers by the core scorer, with the
-- components that explain each score. A campaign's rows are replaced in one transaction (delete,
-- then insert from arrays), so a reader sees the old list or the new one, never a mix.
CREATE TABLE match_scores (
    campaign_id   UUID             NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    influencer_id UUID             NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    rank          INTEGER          NOT NULL CHECK (rank >= 1),
    -- the scorer's double, unrounded: the stored order is exactly the scorer's order
    score         DOUBLE PRECISION NOT NULL CHECK (score BETWEEN 0 AND 100),
    components    JSONB            NOT NULL,   -- {"category": 0.667, ...}: each component's value 0..1
    model_version TEXT             NOT NULL,
    computed_at   TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (campaign_id, influencer_id)
);
CREATE INDEX match_scores_influencer ON match_scores (influencer_id);

-- One row per campaign scored: when, with which model, and which version of the campaign (its
-- updated_at), so a run "changed since the last one" picks campaigns edited after their last scoring,
-- and the API can tell whether stored matches are fresh.
CREATE TABLE match_score_runs (
    campaign_id         UUID        PRIMARY KEY REFERENCES campaigns (id) ON DELETE CASCADE,
    computed_at         TIMESTAMPTZ NOT NULL,
    campaign_updated_at TIMESTAMPTZ NOT NULL,
    model_version       TEXT        NOT NULL,
    influencers_scored  INTEGER     NOT NULL CHECK (influencers_scored >= 0),
    matches             INTEGER     NOT NULL CHECK (matches >= 0)
);
