package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.db.JsonbCodec;
import com.creatorcampaignpro.db.Rows;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@RegisterRowMapper(PaymentMethodDao.PaymentMethodMapper.class)
public interface PaymentMethodDao {

    /**
     * Serializes one user's method changes (first-becomes-default, one default, promote on delete):
     * without it two concurrent adds could both see "no methods yet".
     */
    @SqlQuery("SELECT id FROM users WHERE id = :userId FOR UPDATE")
    Optional<UUID> lockUser(@Bind("userId") UUID userId);

    @SqlQuery("SELECT * FROM payment_methods WHERE user_id = :userId ORDER BY created_at, id")
    List<PaymentMethod> listFor(@Bind("userId") UUID userId);

    @SqlQuery("SELECT * FROM payment_methods WHERE id = :id AND user_id = :userId")
    Optional<PaymentMethod> findOwned(@Bind("id") UUID id, @Bind("userId") UUID userId);

    @SqlQuery("SELECT * FROM payment_methods WHERE user_id = :userId AND provider = 'stripe'")
    Optional<PaymentMethod> findStripe(@Bind("userId") UUID userId);

    @SqlQuery("SELECT * FROM payment_methods WHERE user_id = :userId AND provider = 'paypal' AND lower(paypal_email) = lower(:email)")
    Optional<PaymentMethod> findPaypal(@Bind("userId") UUID userId, @Bind("email") String email);

    /** Empty when the user already has this Stripe account or PayPal email (the unique indexes decide). */
    @SqlQuery("""
            INSERT INTO payment_methods (user_id, provider, name, details, stripe_account_id, paypal_email, status, is_default)
            VALUES (:userId, :provider, :name, :details, :stripeAccountId, :paypalEmail, :status,
                    NOT EXISTS (SELECT 1 FROM payment_methods WHERE user_id = :userId AND is_default))
            ON CONFLICT DO NOTHING
            RETURNING *
            """)
    Optional<PaymentMethod> insert(@Bind("userId") UUID userId, @Bind("provider") String provider,
                                   @Bind("name") String name, @Bind("details") PaymentMethodDetails details,
                                   @Bind("stripeAccountId") String stripeAccountId, @Bind("paypalEmail") String paypalEmail,
                                   @Bind("status") String status);

    /** Moves the default to {@code id} in one statement, so the one-default index never sees two. */
    @SqlUpdate("""
            UPDATE payment_methods SET is_default = (id = :id), updated_at = now()
            WHERE user_id = :userId AND (is_default OR id = :id)
            """)
    int makeDefault(@Bind("id") UUID id, @Bind("userId") UUID userId);

    @SqlQuery("""
            UPDATE payment_methods SET paypal_email = :email, updated_at = now()
            WHERE id = :id AND user_id = :userId AND provider = 'paypal'
            RETURNING *
            """)
    Optional<PaymentMethod> updatePaypalEmail(@Bind("id") UUID id, @Bind("userId") UUID userId, @Bind("email") String email);

    @SqlQuery("""
            UPDATE payment_methods SET name = :name, updated_at = now()
            WHERE id = :id AND user_id = :userId
            RETURNING *
            """)
    Optional<PaymentMethod> rename(@Bind("id") UUID id, @Bind("userId") UUID userId, @Bind("name") String name);

    @SqlQuery("""
            UPDATE payment_methods SET status = :status, updated_at = now()
            WHERE id = :id AND user_id = :userId
            RETURNING *
            """)
    Optional<PaymentMethod> updateStatus(@Bind("id") UUID id, @Bind("userId") UUID userId, @Bind("status") String status);

    /** Stripe reported the connected account ready for payouts; already-active methods are left alone. */
    @SqlQuery("""
            UPDATE payment_methods
            SET status = 'active', details = details || '{"payoutsEnabled": true}', updated_at = now()
            WHERE provider = 'stripe' AND stripe_account_id = :accountId AND status = 'pending'
            RETURNING *
            """)
    List<PaymentMethod> activateStripeAccount(@Bind("accountId") String stripeAccountId);

    @SqlUpdate("DELETE FROM payment_methods WHERE id = :id AND user_id = :userId")
    int delete(@Bind("id") UUID id, @Bind("userId") UUID userId);

    /** After the default was deleted, the oldest remaining method takes over. */
    @SqlUpdate("""
            UPDATE payment_methods SET is_default = TRUE, updated_at = now()
            WHERE id = (SELECT id FROM payment_methods WHERE user_id = :userId ORDER BY created_at, id LIMIT 1)
              AND NOT EXISTS (SELECT 1 FROM payment_methods WHERE user_id = :userId AND is_default)
            """)
    int promoteOldest(@Bind("userId") UUID userId);

    /** Payments already handed to (or about to reach) a provider through this method (PaymentStatus.IN_FLIGHT). */
    @SqlQuery("SELECT count(*) FROM payments WHERE payment_method_id = :id AND status IN ('batched', 'submitted', 'unknown', 'unclaimed')")
    long countInFlightPayments(@Bind("id") UUID id);

    class PaymentMethodMapper implements RowMapper<PaymentMethod> {
        @Override
        public PaymentMethod map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new PaymentMethod(
                    rs.getObject("id", UUID.class),
                    rs.getObject("user_id", UUID.class),
                    rs.getString("provider"),
                    rs.getString("name"),
                    JsonbCodec.PAYMENT_METHOD_DETAILS_COLUMN.map(rs, "details", ctx),
                    rs.getString("stripe_account_id"),
                    rs.getString("paypal_email"),
                    rs.getString("status"),
                    rs.getBoolean("is_default"),
                    Rows.instant(rs, "created_at"),
                    Rows.instant(rs, "updated_at"));
        }
    }
}
