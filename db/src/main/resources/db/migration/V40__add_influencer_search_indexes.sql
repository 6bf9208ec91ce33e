-- Influencer search (GET /api/influencers): indexes for the sort keys and the free-text filter.
-- The GIN indexes on categories and languages come from V1.

-- Free text on name and bio: a trigram index answers ILIKE '%words%' without scanning 40k bios.
-- pg_trgm ships with PostgreSQL's contrib (the local server and the embedded binaries both have it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX influencer_profiles_text_trgm ON influencer_profiles
    USING GIN ((display_name || ' ' || bio) gin_trgm_ops);
CREATE INDEX influencer_profiles_location_trgm ON influencer_profiles USING GIN (location gin_trgm_ops)
    WHERE location IS NOT NULL;

-- Keyset pages sorted by a non-unique key: (key, user_id) scanned backwards gives
-- ORDER BY key DESC, user_id DESC and resolves the row comparison of the cursor in the index.
CREATE INDEX influencer_profiles_by_followers ON influencer_profiles (total_followers, user_id);
CREATE INDEX influencer_profiles_by_engagement ON influencer_profiles (avg_engagement_rate, user_id);
CREATE INDEX influencer_profiles_by_rating ON influencer_profiles (rating, user_id);

-- Price filter: "offers <content type> between <min> and <max> <currency>". The EXISTS subquery is
-- correlated on influencer_id (served by content_rates' unique key); this one serves the planner
-- when the price filter is the most selective one and it drives the search from the rates side.
CREATE INDEX content_rates_price ON content_rates (content_type, currency, rate_amount, influencer_id);
