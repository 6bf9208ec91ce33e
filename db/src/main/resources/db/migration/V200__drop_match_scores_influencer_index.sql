-- match_scores_influencer served one statement: the users delete trigger of V150 (an influencer's
-- matches go with the account). The application never deletes users (accounts are deactivated and
-- soft-deleted: deleted_at), so that trigger runs only on an operator's or a test's hard delete, where
-- a scan of match_scores (about a million rows, a fraction of a second) is affordable. The index, on
-- the other hand, was maintained for every row matchScoringJob writes: measured with psql on the
-- benchmark database (20,000 rows a page, delete then insert, alternated, 2026-12-03 16:42 UTC, load
-- average ~6), the insert took 131-145 ms with it and 70-106 ms without, about 40 % of the job's
-- insert (BENCHMARKS.md, AI matching).
DROP INDEX match_scores_influencer;
