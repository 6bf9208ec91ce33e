package com.creatorcampaignpro.payment;

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
 * Reads of payments, scoped in SQL: with {@code everyone} false a caller sees the payments they
 * receive (influencer_id) or pay for (their campaign's marketer_id); finance passes true.
 */
@RegisterRowMapper(PaymentDao.PaymentMapper.class)
public interface PaymentDao {

    String SELECT = """
            SELECT p.*, c.name AS campaign_name, c.marketer_id
            FROM payments p JOIN campaigns c ON c.id = p.campaign_id
            """;
    String VISIBLE = "(:everyone OR p.influencer_id = :userId OR c.marketer_id = :userId)";

    /** Current payments, newest first, keyset on (created_at, id). */
    @SqlQuery(SELECT + "WHERE " + VISIBLE + """
              AND (CAST(:status AS text) IS NULL OR p.status = :status)
              AND (CAST(:campaignId AS uuid) IS NULL OR p.campaign_id = :campaignId)
              AND (CAST(:afterAt AS timestamptz) IS NULL OR (p.created_at, p.id) < (:afterAt, :afterId))
            ORDER BY p.created_at DESC, p.id DESC
            LIMIT :limit
            """)
    List<Payment> page(@Bind("everyone") boolean everyone, @Bind("userId") UUID userId, @Bind("status") String status,
                       @Bind("campaignId") UUID campaignId, @Bind("afterAt") Instant afterAt,
                       @Bind("afterId") UUID afterId, @Bind("limit") int limit);

    /** Settled payments (PaymentStatus.SETTLED: paid, failed, returned, reversed), most recently settled first, keyset on (settled_at, id). */
    @SqlQuery(SELECT + "WHERE " + VISIBLE + """
              AND p.status IN ('paid', 'failed', 'returned', 'reversed')
              AND (CAST(:campaignId AS uuid) IS NULL OR p.campaign_id = :campaignId)
              AND (CAST(:afterAt AS timestamptz) IS NULL
                   OR (COALESCE(p.paid_at, p.updated_at), p.id) < (:afterAt, :afterId))
            ORDER BY COALESCE(p.paid_at, p.updated_at) DESC, p.id DESC
            LIMIT :limit
            """)
    List<Payment> history(@Bind("everyone") boolean everyone, @Bind("userId") UUID userId,
                          @Bind("campaignId") UUID campaignId, @Bind("afterAt") Instant afterAt,
                          @Bind("afterId") UUID afterId, @Bind("limit") int limit);

    /** The payment if the caller is its payee or payer; locked, since a dispute may put it on hold. */
    @SqlQuery(SELECT + "WHERE p.id = :id AND (p.influencer_id = :userId OR c.marketer_id = :userId) FOR UPDATE OF p")
    Optional<Payment> lockAsParty(@Bind("id") UUID id, @Bind("userId") UUID userId);

    @SqlQuery(SELECT + "WHERE p.id = :id FOR UPDATE OF p")
    Optional<Payment> lock(@Bind("id") UUID id);

    /** Only a pending payment can be held: anything later is already with a provider. */
    @SqlUpdate("UPDATE payments SET status = 'held', hold_reason = :reason, updated_at = now() WHERE id = :id AND status = 'pending'")
    int holdPending(@Bind("id") UUID id, @Bind("reason") String reason);

    @SqlUpdate("""
            UPDATE payments SET status = 'pending', hold_reason = NULL, updated_at = now()
            WHERE id = :id AND status = 'held' AND hold_reason = :reason
            """)
    int release(@Bind("id") UUID id, @Bind("reason") String reason);

    class PaymentMapper implements RowMapper<Payment> {
        @Override
        public Payment map(ResultSet rs, StatementContext ctx) throws SQLException {
            String currency = rs.getString("currency");
            return new Payment(
                    rs.getObject("id", UUID.class),
                    rs.getObject("content_id", UUID.class),
                    rs.getObject("campaign_id", UUID.class),
                    rs.getString("campaign_name"),
                    rs.getObject("marketer_id", UUID.class),
                    rs.getObject("influencer_id", UUID.class),
                    rs.getObject("payment_method_id", UUID.class),
                    rs.getString("provider"),
                    Money.of(rs.getLong("amount"), currency),
                    Money.of(rs.getLong("fee_amount"), currency),
                    Money.of(rs.getLong("tax_amount"), currency),
                    Money.of(rs.getLong("net_amount"), currency),
                    rs.getBigDecimal("tax_rate"),
                    PaymentStatus.parse(rs.getString("status")).orElseThrow(),
                    rs.getString("hold_reason"),
                    rs.getString("failure_reason"),
                    rs.getString("provider_reference"),
                    rs.getInt("attempt"),
                    Rows.date(rs, "due_date"),
                    rs.getString("description"),
                    Rows.instant(rs, "paid_at"),
                    Rows.instant(rs, "created_at"),
                    Rows.instant(rs, "updated_at"));
        }
    }
}
