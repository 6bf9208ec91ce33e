package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.db.Rows;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@RegisterRowMapper(PaymentDisputeDao.DisputeMapper.class)
public interface PaymentDisputeDao {

    /** Empty when the payment already has an open dispute (the partial unique index decides, race-free). */
    @SqlQuery("""
            INSERT INTO payment_disputes (payment_id, opened_by, reason, held_payment)
            VALUES (:paymentId, :openedBy, :reason, :heldPayment)
            ON CONFLICT DO NOTHING
            RETURNING *
            """)
    Optional<PaymentDispute> open(@Bind("paymentId") UUID paymentId, @Bind("openedBy") UUID openedBy,
                                  @Bind("reason") String reason, @Bind("heldPayment") boolean heldPayment);

    @SqlQuery("SELECT * FROM payment_disputes WHERE payment_id = :paymentId AND status = 'open'")
    Optional<PaymentDispute> findOpen(@Bind("paymentId") UUID paymentId);

    @SqlQuery("SELECT * FROM payment_disputes WHERE id = :id FOR UPDATE")
    Optional<PaymentDispute> lock(@Bind("id") UUID id);

    @SqlQuery("SELECT held_payment FROM payment_disputes WHERE id = :id")
    boolean heldPayment(@Bind("id") UUID id);

    @SqlQuery("""
            UPDATE payment_disputes SET status = 'resolved', outcome = :outcome, resolution_note = :note,
                resolved_by = :resolvedBy, resolved_at = now()
            WHERE id = :id AND status = 'open'
            RETURNING *
            """)
    Optional<PaymentDispute> resolve(@Bind("id") UUID id, @Bind("outcome") String outcome, @Bind("note") String note,
                                     @Bind("resolvedBy") UUID resolvedBy);

    /** Disputes on payments the caller receives or pays ({@code everyone}: finance's view), newest first. */
    @SqlQuery("""
            SELECT d.* FROM payment_disputes d
            JOIN payments p ON p.id = d.payment_id
            JOIN campaigns c ON c.id = p.campaign_id
            WHERE (:everyone OR p.influencer_id = :userId OR c.marketer_id = :userId)
              AND (CAST(:status AS text) IS NULL OR d.status = :status)
              AND (CAST(:afterAt AS timestamptz) IS NULL OR (d.created_at, d.id) < (:afterAt, :afterId))
            ORDER BY d.created_at DESC, d.id DESC
            LIMIT :limit
            """)
    List<PaymentDispute> page(@Bind("everyone") boolean everyone, @Bind("userId") UUID userId,
                              @Bind("status") String status, @Bind("afterAt") Instant afterAt,
                              @Bind("afterId") UUID afterId, @Bind("limit") int limit);

    class DisputeMapper implements RowMapper<PaymentDispute> {
        @Override
        public PaymentDispute map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new PaymentDispute(
                    rs.getObject("id", UUID.class),
                    rs.getObject("payment_id", UUID.class),
                    rs.getObject("opened_by", UUID.class),
                    rs.getString("reason"),
                    rs.getString("status"),
                    rs.getString("outcome"),
                    rs.getString("resolution_note"),
                    rs.getObject("resolved_by", UUID.class),
                    Rows.instant(rs, "created_at"),
                    Rows.instant(rs, "resolved_at"));
        }
    }
}
