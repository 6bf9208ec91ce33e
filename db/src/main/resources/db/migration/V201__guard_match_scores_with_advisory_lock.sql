-- V150 had matchScoringJob lock the rows its matches refer to FOR KEY SHARE, as the dropped foreign
-- keys did. Measured per page of 200 campaigns (20,000 rows, ~420 ms): the users lock 49 ms, the
-- campaigns lock 11 ms; with two writer transactions locking the same popular influencers the users
-- lock took 10 s a run instead of 2.4 s (shared row locks of two transactions are MultiXacts, and
-- every lock dirties its users page). Instead, one advisory lock, key 7161691447537984360 (the bytes
-- of 'ccpmatch'; MatchScoreDao.WRITE_LOCK):
--
-- * each job write transaction takes it shared first, then writes only rows whose campaign and
--   influencer exist (a plain read, no row lock), and commits at once;
-- * a delete of campaigns or users takes it exclusively in its statement trigger, then deletes the
--   matches of the deleted ids.
--
-- Why nothing is left behind (both sides READ COMMITTED; the DAO refuses any other isolation): a
-- delete whose trigger comes while a job write holds the lock waits for that short transaction to
-- commit; the trigger's DELETE then takes a fresh snapshot (each statement of a plpgsql function
-- does under READ COMMITTED) and removes the rows just written (MatchScoreDaoConcurrencyIntegrationTests).
-- A job write that asks for the lock after a delete took it waits until the delete commits, and its
-- statements, all after the lock, no longer see the deleted ids. No deadlock: the job's write takes
-- no row lock on users or campaigns, and a delete asks for the lock only after its own rows are gone.
--
-- match_score_runs loses its foreign key too: its check locks the campaign FOR KEY SHARE inside the
-- job's write, after the advisory lock, while a campaign delete holds that row and waits for the
-- advisory lock: a deadlock. The campaigns trigger deletes the runs instead, as its cascade did.
-- A statement that deleted nothing (a marketer's delete of a campaign not theirs) takes no lock.
ALTER TABLE match_score_runs DROP CONSTRAINT match_score_runs_campaign_id_fkey;

CREATE OR REPLACE FUNCTION match_scores_forget_campaigns() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM gone) THEN
        RETURN NULL;
    END IF;
    PERFORM pg_advisory_xact_lock(7161691447537984360);
    DELETE FROM match_scores WHERE campaign_id IN (SELECT id FROM gone);
    DELETE FROM match_score_runs WHERE campaign_id IN (SELECT id FROM gone);
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION match_scores_forget_influencers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM gone) THEN
        RETURN NULL;
    END IF;
    PERFORM pg_advisory_xact_lock(7161691447537984360);
    DELETE FROM match_scores WHERE influencer_id IN (SELECT id FROM gone);
    RETURN NULL;
END $$;
