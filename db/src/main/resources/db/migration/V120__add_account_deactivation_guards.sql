-- Accounts locked out at once (issue 12).
--
-- 1. users.deactivated_at: stamped by the database whenever is_active goes from true to false,
--    whoever does it. Every instance polls the accounts deactivated within the access-token
--    lifetime and refuses their tokens from memory (auth/RevokedAccounts): no query per request.
ALTER TABLE users ADD COLUMN deactivated_at TIMESTAMPTZ;
UPDATE users SET deactivated_at = coalesce(deleted_at, updated_at) WHERE NOT is_active;
CREATE INDEX users_deactivated_at ON users (deactivated_at) WHERE deactivated_at IS NOT NULL;

CREATE FUNCTION users_stamp_deactivation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.is_active AND NOT NEW.is_active THEN
        NEW.deactivated_at := now();
    ELSIF NEW.is_active THEN
        NEW.deactivated_at := NULL;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER users_stamp_deactivation BEFORE UPDATE OF is_active ON users
    FOR EACH ROW EXECUTE FUNCTION users_stamp_deactivation();

-- 2. Personal data of a deleted or deactivated account can never be written back, whatever
--    request was in flight when it was deleted: writes that put data in (not the anonymizing
--    ones, which empty or disable) check the owner under FOR SHARE. That waits for a deletion in
--    progress (it holds the row FOR UPDATE) and then sees its outcome. SQLSTATE CCP01 is mapped to
--    409 account-inactive by the API.
CREATE FUNCTION refuse_inactive_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM users WHERE id = NEW.user_id AND is_active FOR SHARE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'account % is deleted or deactivated', NEW.user_id USING ERRCODE = 'CCP01';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER influencer_profiles_active_owner BEFORE UPDATE ON influencer_profiles
    FOR EACH ROW
    WHEN ((NEW.display_name, NEW.bio, NEW.categories, NEW.languages, NEW.location, NEW.country, NEW.audience)
          IS DISTINCT FROM (OLD.display_name, OLD.bio, OLD.categories, OLD.languages, OLD.location, OLD.country, OLD.audience)
          AND NOT (NEW.display_name = '' AND NEW.bio = '' AND NEW.location IS NULL AND NEW.country IS NULL
                   AND NEW.audience = '{}'::jsonb))
    EXECUTE FUNCTION refuse_inactive_owner();
CREATE TRIGGER influencer_profiles_active_owner_insert BEFORE INSERT ON influencer_profiles
    FOR EACH ROW EXECUTE FUNCTION refuse_inactive_owner();

CREATE TRIGGER payment_methods_active_owner BEFORE INSERT OR UPDATE ON payment_methods
    FOR EACH ROW WHEN (NEW.status <> 'disabled')
    EXECUTE FUNCTION refuse_inactive_owner();

CREATE TRIGGER social_accounts_active_owner BEFORE INSERT OR UPDATE ON social_accounts
    FOR EACH ROW WHEN (NEW.status <> 'disconnected')
    EXECUTE FUNCTION refuse_inactive_owner();
