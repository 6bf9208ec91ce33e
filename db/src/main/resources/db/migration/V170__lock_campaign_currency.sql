-- A campaign's currency is fixed once it has an invitation (issue 12, point 5): invitations hold
-- their rate in it, payouts are made in it. The API checks first for a clean message; these
-- triggers make it hold for every writer and close the race between a currency change and an
-- invitation being sent. Both raise SQLSTATE CCP02, which the API maps to 409 currency-locked
-- (field currency, the constraint name says which side lost).
--
-- The race: an UPDATE of campaigns takes a FOR NO KEY UPDATE row lock, which the foreign-key check
-- of an invitation insert (FOR KEY SHARE) does not wait for. So the insert locks the campaign
-- FOR SHARE itself: it waits for a currency change in flight and then reads the committed currency;
-- a currency change waits for an invitation insert in flight and then sees it (each statement of a
-- plpgsql function takes a fresh snapshot under READ COMMITTED).
CREATE FUNCTION campaigns_refuse_currency_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM campaign_invitations WHERE campaign_id = NEW.id) THEN
        RAISE EXCEPTION 'campaign % has invitations: its currency stays %', NEW.id, OLD.currency
            USING ERRCODE = 'CCP02', CONSTRAINT = 'campaigns_currency_locked';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER campaigns_currency_locked BEFORE UPDATE OF currency ON campaigns
    FOR EACH ROW WHEN (NEW.currency IS DISTINCT FROM OLD.currency)
    EXECUTE FUNCTION campaigns_refuse_currency_change();

CREATE FUNCTION campaign_invitations_check_currency() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    campaign_currency CHAR(3);
BEGIN
    SELECT currency INTO campaign_currency FROM campaigns WHERE id = NEW.campaign_id FOR SHARE;
    IF FOUND AND campaign_currency IS DISTINCT FROM NEW.currency THEN
        RAISE EXCEPTION 'invitation in % but campaign % is in %', NEW.currency, NEW.campaign_id, campaign_currency
            USING ERRCODE = 'CCP02', CONSTRAINT = 'campaign_invitations_campaign_currency';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER campaign_invitations_campaign_currency BEFORE INSERT OR UPDATE OF currency, campaign_id ON campaign_invitations
    FOR EACH ROW EXECUTE FUNCTION campaign_invitations_check_currency();
