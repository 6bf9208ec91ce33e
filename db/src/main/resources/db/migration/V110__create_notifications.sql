-- Live notifications (README, "Live notifications"): written in the transaction of the change they
-- report, fanned out to every instance with LISTEN/NOTIFY, replayed after a reconnect by id.
CREATE TABLE notifications (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    audience     TEXT        NOT NULL CHECK (audience IN ('user', 'operators')),
    recipient_id UUID        REFERENCES users (id) ON DELETE CASCADE,
    type         TEXT        NOT NULL CHECK (length(type) BETWEEN 1 AND 100),
    payload      JSONB       NOT NULL DEFAULT '{}',
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT notifications_recipient_for_users CHECK ((audience = 'user') = (recipient_id IS NOT NULL))
);
CREATE INDEX notifications_recipient ON notifications (recipient_id, id);
CREATE INDEX notifications_operators ON notifications (id) WHERE audience = 'operators';
CREATE INDEX notifications_created_at ON notifications (created_at);

-- Ids in commit order: a transaction that writes notifications takes this lock before its rows get
-- their ids and keeps it until it ends, so a row with a lower id is never committed after one with a
-- higher id. Readers can then resume with "id > last seen" (Last-Event-ID) without losing a row that
-- was still in flight. Only notification-writing transactions serialize, from their insert to commit.
CREATE FUNCTION notifications_serialize() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('ccp.notifications'));
    RETURN NULL;
END $$;
CREATE TRIGGER notifications_serialize BEFORE INSERT ON notifications
    FOR EACH STATEMENT EXECUTE FUNCTION notifications_serialize();

-- Delivered at commit only (NOTIFY is transactional); the payload is the highest new id.
CREATE FUNCTION notifications_announce() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('ccp_notifications', (SELECT max(id)::text FROM new_rows));
    RETURN NULL;
END $$;
CREATE TRIGGER notifications_announce AFTER INSERT ON notifications
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notifications_announce();
