-- The finance payouts CSV reads payments in (created_at, id) order, filtered by a created_at range:
-- read in index order it streams from the first row on, instead of sorting a million rows on disk
-- (external merge, no parallel workers under a JDBC cursor) before the first byte goes out.
CREATE INDEX payments_created ON payments (created_at, id);
