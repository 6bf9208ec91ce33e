package com.creatorcampaignpro.payment;

import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Campaigns, payees and approved content for settlement tests, written straight to the database. */
public record SettlementFixtures(Jdbi jdbi) {

    public UUID user(String type) {
        return jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO users (email, password_hash, user_type) VALUES (:email, 'x', :type) RETURNING id""")
                .bind("email", type + "-" + UUID.randomUUID() + "@example.com").bind("type", type)
                .mapTo(UUID.class).one());
    }

    public UUID campaign(UUID marketer, long budget) {
        return jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO campaigns (marketer_id, name, status, budget, currency) VALUES (:m, 'Settle', 'active', :b, 'USD')
                RETURNING id""").bind("m", marketer).bind("b", budget).mapTo(UUID.class).one());
    }

    /** An influencer paid through Stripe (to {@code account}) or PayPal (to a fresh email), W-9 on file. */
    public UUID payee(String provider, String stripeAccount) {
        UUID influencer = user("influencer");
        String email = "payee-" + UUID.randomUUID() + "@example.com";
        jdbi.useHandle(h -> {
            h.execute("""
                    INSERT INTO payment_methods (user_id, provider, stripe_account_id, paypal_email, status, is_default)
                    VALUES (?, ?, ?, ?, 'active', TRUE)""", influencer, provider,
                    provider.equals("stripe") ? stripeAccount : null, provider.equals("paypal") ? email : null);
            h.execute("INSERT INTO payee_tax_profiles (user_id, country, form_on_file, withholding_rate) VALUES (?, 'US', 'w9', 0)",
                    influencer);
        });
        return influencer;
    }

    /** A payee with a tax profile of their own: {@code form} w9, w8ben or none, withholding {@code rate}. */
    public UUID payee(String provider, String stripeAccount, String form, String rate) {
        UUID payee = payee(provider, stripeAccount);
        jdbi.useHandle(h -> h.execute("UPDATE payee_tax_profiles SET form_on_file = ?, withholding_rate = CAST(? AS numeric)"
                + " WHERE user_id = ?", form, rate, payee));
        return payee;
    }

    /** An influencer whose Stripe method waits for onboarding ({@code account.updated} not received), W-9 on file. */
    public UUID pendingStripePayee(String stripeAccount) {
        UUID payee = payee("stripe", stripeAccount);
        jdbi.useHandle(h -> h.execute("UPDATE payment_methods SET status = 'pending' WHERE user_id = ?", payee));
        return payee;
    }

    public Map<String, Object> method(UUID payee) {
        return jdbi.withHandle(h -> h.createQuery("SELECT *, details::text AS details_json FROM payment_methods WHERE user_id = :u")
                .bind("u", payee).mapToMap().one());
    }

    /** The payee's notifications of one type, oldest first: their payloads as text. */
    public List<String> notifications(UUID payee, String type) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT payload::text FROM notifications WHERE recipient_id = :u AND type = :t ORDER BY id""")
                .bind("u", payee).bind("t", type).mapTo(String.class).list());
    }

    public String paypalEmail(UUID payee) {
        return jdbi.withHandle(h -> h.createQuery("SELECT paypal_email FROM payment_methods WHERE user_id = :u")
                .bind("u", payee).mapTo(String.class).one());
    }

    public UUID invitation(UUID campaign, UUID influencer, long rate, int reels) {
        return jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO campaign_invitations (campaign_id, influencer_id, rate_amount, currency, deliverables, status,
                                                  responded_at, expires_at)
                VALUES (:c, :i, :r, 'USD', CAST(:d AS jsonb), 'accepted', now(), now() + interval '1 day') RETURNING id""")
                .bind("c", campaign).bind("i", influencer).bind("r", rate)
                .bind("d", "[{\"platform\":\"instagram\",\"contentType\":\"reel\",\"quantity\":" + reels + "}]")
                .mapTo(UUID.class).one());
    }

    public UUID approvedReel(UUID campaign, UUID influencer, UUID invitation) {
        return jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO content (campaign_id, influencer_id, invitation_id, platform, content_type, status, reviewed_at,
                                     content_url)
                VALUES (:c, :i, :inv, 'instagram', 'reel', 'approved', clock_timestamp(), :url) RETURNING id""")
                .bind("c", campaign).bind("i", influencer).bind("inv", invitation)
                .bind("url", "https://example.com/" + UUID.randomUUID()).mapTo(UUID.class).one());
    }

    public Map<String, Object> payment(UUID contentId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM payments WHERE content_id = :c").bind("c", contentId)
                .mapToMap().one());
    }

    public List<Map<String, Object>> paymentsOf(UUID campaign) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM payments WHERE campaign_id = :c ORDER BY created_at, id")
                .bind("c", campaign).mapToMap().list());
    }
}
