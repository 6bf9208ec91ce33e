package com.creatorcampaignpro.invitation;

import com.creatorcampaignpro.campaign.Deliverable;
import com.creatorcampaignpro.db.JsonbCodec;
import com.creatorcampaignpro.db.Rows;
import com.creatorcampaignpro.money.Money;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Campaign invitations. Reads report a pending invitation past its expiry as {@code expired}
 * (computed, see {@link #SELECT}); {@link #expireOverdue} writes that down when a new invitation
 * needs the (campaign, influencer) slot.
 */
@RegisterRowMapper(InvitationDao.InvitationMapper.class)
public interface InvitationDao {

    String EFFECTIVE_STATUS = "CASE WHEN i.status = 'pending' AND i.expires_at <= now() THEN 'expired' ELSE i.status END";

    String SELECT = "SELECT i.*, " + EFFECTIVE_STATUS + " AS effective_status, c.name AS campaign_name, c.marketer_id\n"
            + "FROM campaign_invitations i JOIN campaigns c ON c.id = i.campaign_id\n";

    @SqlUpdate("""
            UPDATE campaign_invitations SET status = 'expired', responded_at = now(), updated_at = now()
            WHERE campaign_id = :campaignId AND influencer_id = :influencerId
              AND status = 'pending' AND expires_at <= now()
            """)
    int expireOverdue(@Bind("campaignId") UUID campaignId, @Bind("influencerId") UUID influencerId);

    /** Empty when a live (pending or accepted) invitation already holds the pair: no race, no duplicate. */
    @SqlQuery("""
            INSERT INTO campaign_invitations (campaign_id, influencer_id, rate_amount, currency, deliverables, message, expires_at)
            VALUES (:campaignId, :influencerId, :rateAmount, :currency, :deliverables, :message, :expiresAt)
            ON CONFLICT (campaign_id, influencer_id) WHERE status IN ('pending', 'accepted') DO NOTHING
            RETURNING id
            """)
    Optional<UUID> insertIfNoneLive(@Bind("campaignId") UUID campaignId, @Bind("influencerId") UUID influencerId,
                                    @Bind("rateAmount") long rateAmount, @Bind("currency") String currency,
                                    @Bind("deliverables") List<Deliverable> deliverables, @Bind("message") String message,
                                    @Bind("expiresAt") Instant expiresAt);

    default Optional<UUID> insertIfNoneLive(UUID campaignId, UUID influencerId, Money rate, List<Deliverable> deliverables,
                                            String message, Instant expiresAt) {
        return insertIfNoneLive(campaignId, influencerId, rate.minorUnits(), rate.currency(), deliverables, message, expiresAt);
    }

    @SqlQuery(SELECT + "WHERE i.campaign_id = :campaignId AND i.influencer_id = :influencerId AND i.status IN ('pending', 'accepted')")
    Optional<Invitation> findLive(@Bind("campaignId") UUID campaignId, @Bind("influencerId") UUID influencerId);

    /** The pair's most relevant invitation: the live one if any, else the latest. */
    @SqlQuery(SELECT + """
            WHERE i.campaign_id = :campaignId AND i.influencer_id = :influencerId
            ORDER BY (i.status IN ('pending', 'accepted')) DESC, i.created_at DESC
            LIMIT 1
            """)
    Optional<Invitation> findLatest(@Bind("campaignId") UUID campaignId, @Bind("influencerId") UUID influencerId);

    @SqlQuery(SELECT + "WHERE i.id = :id")
    Optional<Invitation> find(@Bind("id") UUID id);

    /** The invitation if this user is a party to it (the invited influencer or the campaign's marketer). */
    @SqlQuery(SELECT + "WHERE i.id = :id AND (i.influencer_id = :userId OR c.marketer_id = :userId)")
    Optional<Invitation> findForParty(@Bind("id") UUID id, @Bind("userId") UUID userId);

    /** Locks the row so an answer and a withdrawal cannot both win. */
    @SqlQuery(SELECT + "WHERE i.id = :id AND i.influencer_id = :influencerId FOR UPDATE OF i")
    Optional<Invitation> lockForInfluencer(@Bind("id") UUID id, @Bind("influencerId") UUID influencerId);

    @SqlQuery(SELECT + "WHERE i.id = :id AND c.marketer_id = :marketerId FOR UPDATE OF i")
    Optional<Invitation> lockForMarketer(@Bind("id") UUID id, @Bind("marketerId") UUID marketerId);

    @SqlUpdate("""
            UPDATE campaign_invitations
            SET status = :status, response_note = :note, responded_at = now(), updated_at = now()
            WHERE id = :id AND status = 'pending'
            """)
    int close(@Bind("id") UUID id, @Bind("status") String status, @Bind("note") String note);

    /** A keyset page of the influencer's invitations, newest first; null filters mean all. */
    @SqlQuery(SELECT + """
            WHERE i.influencer_id = :influencerId
              AND (CAST(:campaignId AS uuid) IS NULL OR i.campaign_id = :campaignId)
              AND (CAST(:status AS text) IS NULL OR
            """ + EFFECTIVE_STATUS + """
             = :status)
              AND (CAST(:afterAt AS timestamptz) IS NULL OR (i.created_at, i.id) < (:afterAt, :afterId))
            ORDER BY i.created_at DESC, i.id DESC
            LIMIT :limit
            """)
    List<Invitation> pageForInfluencer(@Bind("influencerId") UUID influencerId, @Bind("campaignId") UUID campaignId,
                                       @Bind("status") String status, @Bind("afterAt") Instant afterAt,
                                       @Bind("afterId") UUID afterId, @Bind("limit") int limit);

    /** A keyset page of invitations to the marketer's campaigns, newest first; null filters mean all. */
    @SqlQuery(SELECT + """
            WHERE c.marketer_id = :marketerId
              AND (CAST(:campaignId AS uuid) IS NULL OR i.campaign_id = :campaignId)
              AND (CAST(:status AS text) IS NULL OR
            """ + EFFECTIVE_STATUS + """
             = :status)
              AND (CAST(:afterAt AS timestamptz) IS NULL OR (i.created_at, i.id) < (:afterAt, :afterId))
            ORDER BY i.created_at DESC, i.id DESC
            LIMIT :limit
            """)
    List<Invitation> pageForMarketer(@Bind("marketerId") UUID marketerId, @Bind("campaignId") UUID campaignId,
                                     @Bind("status") String status, @Bind("afterAt") Instant afterAt,
                                     @Bind("afterId") UUID afterId, @Bind("limit") int limit);

    class InvitationMapper implements RowMapper<Invitation> {
        @Override
        public Invitation map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Invitation(
                    rs.getObject("id", UUID.class),
                    rs.getObject("campaign_id", UUID.class),
                    rs.getString("campaign_name"),
                    rs.getObject("marketer_id", UUID.class),
                    rs.getObject("influencer_id", UUID.class),
                    Money.of(rs.getLong("rate_amount"), rs.getString("currency")),
                    JsonbCodec.DELIVERABLES_COLUMN.map(rs, "deliverables", ctx),
                    rs.getString("message"),
                    InvitationStatus.parse(rs.getString("effective_status")).orElseThrow(),
                    rs.getString("response_note"),
                    Rows.instant(rs, "expires_at"),
                    Rows.instant(rs, "responded_at"),
                    Rows.instant(rs, "created_at"),
                    Rows.instant(rs, "updated_at"));
        }
    }
}
