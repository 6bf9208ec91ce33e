package com.creatorcampaignpro.db.testing;

import org.jdbi.v3.core.Jdbi;

import java.util.UUID;

/**
 * The rows most tests need before they can test anything, written straight to the database: users,
 * a campaign, an accepted invitation, content in a given state, a payee with a payout method, a
 * payment. One place, so tests do not each grow their own copy (and a schema change is one edit).
 * Every builder returns the new row's id; defaults are an active USD campaign of 5,000.00, an
 * Instagram reel, a PayPal method.
 */
public final class Fixtures {
    private final Jdbi jdbi;

    public Fixtures(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** On the run's shared test database. */
    public static Fixtures shared() {
        return new Fixtures(TestDatabase.shared().jdbi());
    }

    /** A user of type marketer or influencer (influencers get their empty profile, as registration does). */
    public UUID user(String userType) {
        return jdbi.inTransaction(h -> {
            UUID id = h.createQuery("INSERT INTO users (email, user_type) VALUES (:email, :type) RETURNING id")
                    .bind("email", userType + "-" + UUID.randomUUID() + "@fixtures.example").bind("type", userType)
                    .mapTo(UUID.class).one();
            if (userType.equals("influencer")) {
                h.execute("INSERT INTO influencer_profiles (user_id) VALUES (?)", id);
            }
            return id;
        });
    }

    public CampaignBuilder campaign(UUID marketerId) {
        return new CampaignBuilder(marketerId);
    }

    /** An invitation the influencer has accepted, for the given total rate in the campaign's currency. */
    public UUID acceptedInvitation(UUID campaignId, UUID influencerId, long rateAmount) {
        return invitation(campaignId, influencerId, rateAmount, true);
    }

    /** An invitation still waiting for the influencer's answer. */
    public UUID pendingInvitation(UUID campaignId, UUID influencerId, long rateAmount) {
        return invitation(campaignId, influencerId, rateAmount, false);
    }

    private UUID invitation(UUID campaignId, UUID influencerId, long rateAmount, boolean accepted) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO campaign_invitations (campaign_id, influencer_id, rate_amount, currency, status,
                                                          expires_at, responded_at)
                        SELECT id, :influencer, :rate, currency, CASE WHEN :accepted THEN 'accepted' ELSE 'pending' END,
                               now() + interval '14 days', CASE WHEN :accepted THEN now() END
                        FROM campaigns WHERE id = :campaign
                        RETURNING id""")
                .bind("campaign", campaignId).bind("influencer", influencerId).bind("rate", rateAmount)
                .bind("accepted", accepted).mapTo(UUID.class).one());
    }

    public ContentBuilder content(UUID campaignId, UUID influencerId) {
        return new ContentBuilder(campaignId, influencerId);
    }

    /** An active default PayPal method for the payee. */
    public UUID payPalPayee(UUID userId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO payment_methods (user_id, provider, paypal_email, status, is_default)
                        VALUES (:user, 'paypal', :email, 'active', true) RETURNING id""")
                .bind("user", userId).bind("email", "payee-" + userId + "@paypal.example").mapTo(UUID.class).one());
    }

    /**
     * A payment for the content as the settlement job writes it: gross, fee, tax and net adding up, in
     * the campaign's currency, bound to the payout method (null: none yet).
     */
    public UUID payment(UUID contentId, UUID methodId, long gross, long fee, long tax, String status) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO payments (content_id, campaign_id, influencer_id, payment_method_id, provider, amount,
                                              fee_amount, tax_amount, net_amount, currency, status, paid_at)
                        SELECT c.id, c.campaign_id, c.influencer_id, :method,
                               (SELECT provider FROM payment_methods WHERE id = :method), :gross, :fee, :tax,
                               :gross - :fee - :tax, k.currency, :status, CASE WHEN :status = 'paid' THEN now() END
                        FROM content c JOIN campaigns k ON k.id = c.campaign_id
                        WHERE c.id = :content
                        RETURNING id""")
                .bind("content", contentId).bind("method", methodId).bind("gross", gross).bind("fee", fee)
                .bind("tax", tax).bind("status", status).mapTo(UUID.class).one());
    }

    public final class CampaignBuilder {
        private final UUID marketerId;
        private String name = "Fixture campaign";
        private String status = "active";
        private long budget = 500_000;
        private String currency = "USD";

        private CampaignBuilder(UUID marketerId) {
            this.marketerId = marketerId;
        }

        public CampaignBuilder name(String name) {
            this.name = name;
            return this;
        }

        public CampaignBuilder status(String status) {
            this.status = status;
            return this;
        }

        public CampaignBuilder budget(long budget, String currency) {
            this.budget = budget;
            this.currency = currency;
            return this;
        }

        public UUID create() {
            return jdbi.withHandle(h -> h.createQuery("""
                            INSERT INTO campaigns (marketer_id, name, status, budget, currency)
                            VALUES (:marketer, :name, :status, :budget, :currency) RETURNING id""")
                    .bind("marketer", marketerId).bind("name", name).bind("status", status).bind("budget", budget)
                    .bind("currency", currency).mapTo(UUID.class).one());
        }
    }

    public final class ContentBuilder {
        private final UUID campaignId;
        private final UUID influencerId;
        private UUID invitationId;
        private String platform = "instagram";
        private String contentType = "reel";
        private String status = "pending";
        private String platformMediaId;

        private ContentBuilder(UUID campaignId, UUID influencerId) {
            this.campaignId = campaignId;
            this.influencerId = influencerId;
        }

        public ContentBuilder invitation(UUID invitationId) {
            this.invitationId = invitationId;
            return this;
        }

        public ContentBuilder as(String platform, String contentType) {
            this.platform = platform;
            this.contentType = contentType;
            return this;
        }

        /** pending (submitted), approved, rejected, changes_requested or published. */
        public ContentBuilder status(String status) {
            this.status = status;
            return this;
        }

        /** Published under this platform media id (what the social sync matches on). */
        public ContentBuilder published(String platformMediaId) {
            this.status = "published";
            this.platformMediaId = platformMediaId;
            return this;
        }

        public UUID create() {
            return jdbi.withHandle(h -> h.createQuery("""
                            INSERT INTO content (campaign_id, influencer_id, invitation_id, platform, content_type, status,
                                                 content_url, platform_media_id, reviewed_at, published_at)
                            VALUES (:campaign, :influencer, :invitation, :platform, :type, :status, :url, :mediaId,
                                    CASE WHEN :status IN ('approved', 'rejected', 'changes_requested', 'published') THEN now() END,
                                    CASE WHEN :status = 'published' THEN now() END)
                            RETURNING id""")
                    .bind("campaign", campaignId).bind("influencer", influencerId).bind("invitation", invitationId)
                    .bind("platform", platform).bind("type", contentType).bind("status", status)
                    .bind("url", "https://cdn.example.com/" + UUID.randomUUID() + ".mp4").bind("mediaId", platformMediaId)
                    .mapTo(UUID.class).one());
        }
    }
}
