package com.creatorcampaignpro.payment;

import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Campaigns, payees and approved content for settlement tests, written straight to the database. */
record SettlementFixtures(Jdbi jdbi) {

    UUID user(String type) {
        return jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO users (email, password_hash, user_type) VALUES (:email, 'x', :type) RETURNING id""")
                .bind("email", type + "-" + UUID.randomUUID() + "@example.com").bind("type", type)
                .mapTo(UUID.class).one());
    }

    UUID campaign(UUID marketer, long budget) {
        return jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO campaigns (marketer_id, name, status, budget, currency) VALUES (:m, 'Settle', 'active', :b, 'USD')
                RETURNING id""").bind("m", marketer).bind("b", budget).mapTo(UUID.class).one());
    }

    /** An influencer paid through Stripe (to {@code account}) or PayPal (to a fresh email), W-9 on file. */
    UUID payee(String provider, String stripeAccount) {
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

    String paypalEmail(UUID payee) {
        return jdbi.withHandle(h -> h.createQuery("SELECT paypal_email FROM payment_methods WHERE user_id = :u")
                .bind("u", payee).mapTo(String.class).one());
    }

    UUID invitation(UUID campaign, UUID influencer, long rate, int reels) {
        return jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO campaign_invitations (campaign_id, influencer_id, rate_amount, currency, deliverables, status,
                                                  responded_at, expires_at)
                VALUES (:c, :i, :r, 'USD', CAST(:d AS jsonb), 'accepted', now(), now() + interval '1 day') RETURNING id""")
                .bind("c", campaign).bind("i", influencer).bind("r", rate)
                .bind("d", "[{\"platform\":\"instagram\",\"contentType\":\"reel\",\"quantity\":" + reels + "}]")
                .mapTo(UUID.class).one());
    }

    UUID approvedReel(UUID campaign, UUID influencer, UUID invitation) {
        return jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO content (campaign_id, influencer_id, invitation_id, platform, content_type, status, reviewed_at,
                                     content_url)
                VALUES (:c, :i, :inv, 'instagram', 'reel', 'approved', clock_timestamp(), :url) RETURNING id""")
                .bind("c", campaign).bind("i", influencer).bind("inv", invitation)
                .bind("url", "https://example.com/" + UUID.randomUUID()).mapTo(UUID.class).one());
    }

    Map<String, Object> payment(UUID contentId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM payments WHERE content_id = :c").bind("c", contentId)
                .mapToMap().one());
    }

    List<Map<String, Object>> paymentsOf(UUID campaign) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM payments WHERE campaign_id = :c ORDER BY created_at, id")
                .bind("c", campaign).mapToMap().list());
    }
}
