-- matchScoringJob writes about a million match_scores rows a full run. Measured per 50,000 rows
-- (psql, loaded 2-core machine): the two foreign keys' per-row RI triggers took about half of the
-- insert, parsing and storing the jsonb components most of the rest. So:
--
-- 1. components become the ten-thousandths of each component value (0..10000) in MatchComponent
--    order, fixed per model_version; the DAO's row mapper turns them back into the same
--    {"category":0.6667,...} text, so the API explains a score as before.
-- 2. The foreign keys go; the job checks the references set-based instead (it locks the page's
--    campaigns and the influencers it inserts FOR KEY SHARE, as the RI triggers did, and skips any
--    deleted meanwhile), and these statement-level triggers keep ON DELETE CASCADE's effect.
--
-- Stored matches are derived data: they are dropped here and the next run (changedOnly included,
-- as its campaigns have no run any more) scores them again.
TRUNCATE match_scores, match_score_runs;

ALTER TABLE match_scores DROP CONSTRAINT match_scores_campaign_id_fkey;
ALTER TABLE match_scores DROP CONSTRAINT match_scores_influencer_id_fkey;
ALTER TABLE match_scores ALTER COLUMN components TYPE SMALLINT[] USING NULL;
ALTER TABLE match_scores ADD CONSTRAINT match_scores_components_present CHECK (cardinality(components) > 0);

CREATE FUNCTION match_scores_forget_campaigns() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM match_scores WHERE campaign_id IN (SELECT id FROM gone);
    RETURN NULL;
END $$;

CREATE FUNCTION match_scores_forget_influencers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM match_scores WHERE influencer_id IN (SELECT id FROM gone);
    RETURN NULL;
END $$;

CREATE TRIGGER campaigns_forget_match_scores AFTER DELETE ON campaigns
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION match_scores_forget_campaigns();
CREATE TRIGGER users_forget_match_scores AFTER DELETE ON users
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION match_scores_forget_influencers();
