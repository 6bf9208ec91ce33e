package com.creatorcampaignpro.payment;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The set-based statements of payout settlement (accrue and batch). Each runs inside a transaction
 * that first takes the locks named on it; every statement is idempotent, so a step killed halfway
 * and run again finishes the work without doing any of it twice.
 */
public interface SettlementDao {

    String BEYOND = "beyond the agreed deliverables";
    String NO_RATE = "no agreed rate for this content";
    String CURRENCY = "rate currency differs from the campaign currency";
    String OVER_BUDGET = "over the campaign budget";
    String NO_METHOD = "no active payout method";
    String NO_TAX_FORM = "no tax form on file";

    String DUE_CONTENT = "\n" + """
            c.status IN ('approved', 'published')
            AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.content_id = c.id)
            AND (CAST(:contentId AS uuid) IS NULL OR c.id = :contentId)
            """;

    /**
     * Locks up to {@code limit} campaigns that have approved or published content without a payment
     * (one content item when {@code contentId} is given), in id order (no deadlock between two
     * accruals). Every writer of payments and of campaigns.spent takes this lock first: the budget
     * check that follows sees everything committed before it.
     */
    @SqlQuery("""
            SELECT id FROM campaigns
            WHERE id IN (SELECT DISTINCT c.campaign_id FROM content c WHERE """ + DUE_CONTENT + """
                         ORDER BY 1 LIMIT :limit)
            ORDER BY id
            FOR UPDATE
            """)
    List<UUID> lockCampaignsWithDueContent(@Bind("contentId") UUID contentId, @Bind("limit") int limit);

    /** Counts of what one accrual created. */
    record Accrued(long pending, long held, long spent) {
    }

    /**
     * Creates exactly one payment per due content item of the locked campaigns (the unique content
     * key makes a repeat a no-op) and adds what is owed to campaigns.spent, in one statement.
     *
     * <p>Gross: content under an invitation gets its unit's share of the invitation's rate (the rate
     * allocated over all agreed units, the cents adding up to the rate, the remainder to the first
     * units); content beyond the agreed units of its platform and type is held with gross 0, never
     * paid automatically. Content without an invitation is paid the influencer's own rate for its
     * platform and type. Fee = feeRate x gross, tax = the payee's withholding rate x (gross - fee),
     * both rounded half to even. Held, in this order: beyond / no rate / other currency (nothing
     * owed), over the budget (nothing owed: spent never passes the budget), no active default payout
     * method and no tax form (owed, counted in spent, paid once resolved).
     */
    @SqlQuery("""
            WITH cand AS (
                SELECT c.id AS content_id, c.campaign_id, c.influencer_id, c.invitation_id,
                       COALESCE(c.reviewed_at, c.submitted_at) AS approved_at,
                       -- An invitation without listed deliverables agrees to one unit of anything.
                       CASE WHEN i.id IS NOT NULL AND jsonb_array_length(i.deliverables) = 0 THEN '*' ELSE c.platform END
                           AS unit_platform,
                       CASE WHEN i.id IS NOT NULL AND jsonb_array_length(i.deliverables) = 0 THEN '*' ELSE c.content_type END
                           AS unit_type,
                       cam.budget, cam.spent, cam.currency AS campaign_currency,
                       i.rate_amount AS invitation_rate, i.currency AS invitation_currency,
                       r.rate_amount AS own_rate, r.currency AS own_currency
                FROM content c
                JOIN campaigns cam ON cam.id = c.campaign_id
                LEFT JOIN campaign_invitations i ON i.id = c.invitation_id
                LEFT JOIN content_rates r ON c.invitation_id IS NULL AND r.influencer_id = c.influencer_id
                                          AND r.platform = c.platform AND r.content_type = c.content_type
                WHERE c.campaign_id = ANY(:campaignIds) AND """ + DUE_CONTENT + """
            ),
            agreed AS (
                SELECT i.id AS invitation_id, g.unit_platform, g.unit_type, g.quantity,
                       -- sum() of bigint is numeric: cast back, or the division below stops being integral.
                       CAST(sum(g.quantity) OVER (PARTITION BY i.id ORDER BY g.first_position) - g.quantity AS bigint)
                           AS unit_offset,
                       CAST(sum(g.quantity) OVER (PARTITION BY i.id) AS bigint) AS total_units
                FROM campaign_invitations i
                CROSS JOIN LATERAL (
                    SELECT lower(d ->> 'platform') AS unit_platform, lower(d ->> 'contentType') AS unit_type,
                           CAST(sum((d ->> 'quantity')::int) AS bigint) AS quantity, min(position) AS first_position
                    FROM jsonb_array_elements(i.deliverables) WITH ORDINALITY AS e(d, position)
                    GROUP BY 1, 2
                    UNION ALL
                    SELECT '*', '*', 1, 1 WHERE jsonb_array_length(i.deliverables) = 0
                ) g
                WHERE i.id IN (SELECT invitation_id FROM cand WHERE invitation_id IS NOT NULL)
            ),
            used AS (
                SELECT c.invitation_id,
                       CASE WHEN jsonb_array_length(i.deliverables) = 0 THEN '*' ELSE c.platform END AS unit_platform,
                       CASE WHEN jsonb_array_length(i.deliverables) = 0 THEN '*' ELSE c.content_type END AS unit_type,
                       count(*) AS units_used
                FROM payments p
                JOIN content c ON c.id = p.content_id
                JOIN campaign_invitations i ON i.id = c.invitation_id
                WHERE c.invitation_id IN (SELECT invitation_id FROM cand WHERE invitation_id IS NOT NULL)
                  AND p.hold_reason IS DISTINCT FROM '""" + BEYOND + """
            '
                GROUP BY 1, 2, 3
            ),
            ranked AS (
                SELECT cand.*, a.quantity, a.unit_offset, a.total_units,
                       COALESCE(u.units_used, 0) + row_number() OVER (
                           PARTITION BY cand.invitation_id, cand.unit_platform, cand.unit_type
                           ORDER BY cand.approved_at, cand.content_id) - 1 AS unit
                FROM cand
                LEFT JOIN agreed a ON a.invitation_id = cand.invitation_id
                                  AND a.unit_platform = cand.unit_platform AND a.unit_type = cand.unit_type
                LEFT JOIN used u ON u.invitation_id = cand.invitation_id
                                AND u.unit_platform = cand.unit_platform AND u.unit_type = cand.unit_type
            ),
            priced AS (
                SELECT r.*,
                       CASE WHEN r.invitation_id IS NULL THEN COALESCE(r.own_rate, 0)
                            WHEN r.quantity IS NULL OR r.unit >= r.quantity THEN 0
                            ELSE r.invitation_rate / r.total_units
                                 + CASE WHEN r.unit_offset + r.unit < r.invitation_rate % r.total_units THEN 1 ELSE 0 END
                       END AS gross,
                       COALESCE(r.invitation_currency, r.own_currency, r.campaign_currency) AS currency,
                       CASE WHEN r.invitation_id IS NOT NULL AND (r.quantity IS NULL OR r.unit >= r.quantity) THEN '""" + BEYOND + """
            '
                            WHEN r.invitation_id IS NULL AND r.own_rate IS NULL THEN '""" + NO_RATE + """
            '
                            WHEN COALESCE(r.invitation_currency, r.own_currency) <> r.campaign_currency THEN '""" + CURRENCY + """
            '
                       END AS owed_hold
                FROM ranked r
            ),
            budgeted AS (
                SELECT p.*,
                       p.owed_hold IS NULL AND p.spent + sum(p.gross) FILTER (WHERE p.owed_hold IS NULL) OVER (
                           PARTITION BY p.campaign_id ORDER BY p.approved_at, p.content_id
                           ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) > p.budget AS over_budget
                FROM priced p
            ),
            taxed AS (
                SELECT b.*,
                       ccp_round_half_even(b.gross * CAST(:feeRate AS numeric)) AS fee,
                       CASE WHEN tp.form_on_file IS NOT NULL AND tp.form_on_file <> 'none' THEN tp.withholding_rate
                            WHEN :noFormHolds THEN 0
                            ELSE CAST(:backupRate AS numeric) END AS tax_rate,
                       (tp.form_on_file IS NULL OR tp.form_on_file = 'none') AND :noFormHolds AS tax_hold,
                       NOT EXISTS (SELECT 1 FROM payment_methods m
                                   WHERE m.user_id = b.influencer_id AND m.is_default AND m.status = 'active') AS method_hold
                FROM budgeted b
                LEFT JOIN payee_tax_profiles tp ON tp.user_id = b.influencer_id
            ),
            inserted AS (
                INSERT INTO payments (content_id, campaign_id, influencer_id, amount, fee_amount, tax_amount, net_amount,
                                      tax_rate, currency, status, hold_reason)
                SELECT t.content_id, t.campaign_id, t.influencer_id, t.gross, t.fee,
                       ccp_round_half_even((t.gross - t.fee) * t.tax_rate),
                       t.gross - t.fee - ccp_round_half_even((t.gross - t.fee) * t.tax_rate),
                       -- the rate of the tax profile used (or the backup rate); none yet while held for a form
                       CASE WHEN t.tax_hold THEN NULL ELSE t.tax_rate END,
                       t.currency,
                       CASE WHEN t.owed_hold IS NULL AND NOT t.over_budget AND NOT t.method_hold AND NOT t.tax_hold
                            THEN 'pending' ELSE 'held' END,
                       CASE WHEN t.owed_hold IS NOT NULL THEN t.owed_hold
                            WHEN t.over_budget THEN '""" + OVER_BUDGET + """
            '
                            WHEN t.method_hold THEN '""" + NO_METHOD + """
            '
                            WHEN t.tax_hold THEN '""" + NO_TAX_FORM + """
            '
                       END
                FROM taxed t
                ON CONFLICT (content_id) DO NOTHING
                RETURNING campaign_id, amount, status, hold_reason
            ),
            owed AS (
                SELECT campaign_id, sum(amount) AS amount FROM inserted
                WHERE hold_reason IS NULL OR hold_reason IN ('""" + NO_METHOD + "', '" + NO_TAX_FORM + """
            ')
                GROUP BY campaign_id
            ),
            spend AS (
                UPDATE campaigns c SET spent = c.spent + o.amount, updated_at = now()
                FROM owed o WHERE c.id = o.campaign_id AND o.amount > 0
                RETURNING o.amount
            )
            SELECT count(*) FILTER (WHERE status = 'pending') AS pending,
                   count(*) FILTER (WHERE status = 'held') AS held,
                   (SELECT COALESCE(sum(amount), 0) FROM owed) AS spent
            FROM inserted
            """)
    @RegisterConstructorMapper(Accrued.class)
    Accrued accrue(@Bind("campaignIds") UUID[] campaignIds, @Bind("contentId") UUID contentId,
                   @Bind("feeRate") BigDecimal feeRate, @Bind("noFormHolds") boolean noFormHolds,
                   @Bind("backupRate") BigDecimal backupRate);

    String NO_OPEN_DISPUTE = "\n" + """
            NOT EXISTS (SELECT 1 FROM payment_disputes d WHERE d.payment_id = p.id AND d.status = 'open')
            """;

    /**
     * Locks the payments held for a missing method or tax form, before the releases below read the
     * disputes in a statement of their own: a dispute opens with its payment locked
     * (PaymentDao.lockAsParty), so it either committed before this lock (and the release sees it) or
     * waits and then holds the released, pending payment itself. Either way a disputed payment is
     * never paid by a release.
     */
    @SqlQuery("""
            SELECT p.id FROM payments p
            WHERE p.status = 'held' AND p.hold_reason IN ('""" + NO_METHOD + "', '" + NO_TAX_FORM + """
            ')
            ORDER BY p.id
            FOR UPDATE
            """)
    List<UUID> lockReleasableHolds();

    /**
     * Payments held only for a missing payout method whose payee now has an active default one, and
     * no open dispute (a dispute's own hold is never released or overwritten here).
     */
    @SqlUpdate("""
            UPDATE payments p SET status = 'pending', hold_reason = NULL, updated_at = now()
            WHERE p.status = 'held' AND p.hold_reason = '""" + NO_METHOD + """
            '
              AND """ + NO_OPEN_DISPUTE + """
              AND EXISTS (SELECT 1 FROM payment_methods m
                          WHERE m.user_id = p.influencer_id AND m.is_default AND m.status = 'active')
            """)
    int releaseMethodHolds();

    /**
     * Payments held only for a missing tax form whose payee has filed one since: the tax is computed
     * from the profile now on file. A payee still without a default method stays held for that.
     */
    @SqlUpdate("""
            UPDATE payments p
            SET tax_amount = t.tax, net_amount = p.amount - p.fee_amount - t.tax, tax_rate = t.rate,
                status = CASE WHEN t.has_method THEN 'pending' ELSE 'held' END,
                hold_reason = CASE WHEN t.has_method THEN NULL ELSE '""" + NO_METHOD + """
            ' END,
                updated_at = now()
            FROM (SELECT p2.id, ccp_round_half_even((p2.amount - p2.fee_amount) * tp.withholding_rate) AS tax,
                         tp.withholding_rate AS rate,
                         EXISTS (SELECT 1 FROM payment_methods m WHERE m.user_id = p2.influencer_id
                                 AND m.is_default AND m.status = 'active') AS has_method
                  FROM payments p2 JOIN payee_tax_profiles tp ON tp.user_id = p2.influencer_id
                  WHERE p2.status = 'held' AND p2.hold_reason = '""" + NO_TAX_FORM + """
            ' AND tp.form_on_file <> 'none') t
            WHERE p.id = t.id AND """ + NO_OPEN_DISPUTE)
    int releaseTaxHolds();

    /** A provider and currency with pending payments ready to batch, oldest first. */
    record BatchGroup(String provider, String currency) {
    }

    String READY = "\n" + """
            FROM payments p
            JOIN payment_methods m ON m.user_id = p.influencer_id AND m.is_default AND m.status = 'active'
            WHERE p.status = 'pending' AND p.net_amount > 0
              AND (CAST(:paymentId AS uuid) IS NULL OR p.id = :paymentId)
              AND """ + NO_OPEN_DISPUTE;

    /** {@code paymentId}: only that payment (POST /api/payments/process); null: any. */
    @SqlQuery("SELECT m.provider, p.currency " + READY + " GROUP BY 1, 2 ORDER BY min(p.created_at) LIMIT 1")
    @RegisterConstructorMapper(BatchGroup.class)
    Optional<BatchGroup> nextBatchGroup(@Bind("paymentId") UUID paymentId);

    /**
     * Locks the payees of the next {@code max} ready payments of one group, with the lock that
     * deleting a payout method takes (PaymentMethodDao.lockUser): a method being deleted now is
     * either gone before we bind it, or bound before its delete checks for in-flight payments.
     */
    @SqlQuery("""
            SELECT id FROM users WHERE id IN (
                SELECT p.influencer_id """ + READY + """
                  AND m.provider = :provider AND p.currency = :currency
                ORDER BY p.created_at, p.id LIMIT :max)
            ORDER BY id
            FOR UPDATE
            """)
    List<UUID> lockPayeesOfNextBatch(@Bind("paymentId") UUID paymentId, @Bind("provider") String provider,
                                     @Bind("currency") String currency, @Bind("max") int max);

    /** A created batch: its id, size and whether it waits for a finance approval. */
    record CreatedBatch(UUID id, int itemCount, long totalNet, String status) {
    }

    /**
     * Creates one batch of up to {@code max} ready payments of a provider and currency and binds each
     * payment to it and to its payee's default method, in one statement. Over {@code approvalThreshold}
     * (total net, minor units) the batch waits for approval. PayPal's sender_batch_id is derived
     * from the batch id here, before anything is sent.
     */
    @SqlQuery("""
            WITH picked AS (
                SELECT p.id, m.id AS method_id, p.amount, p.fee_amount, p.tax_amount, p.net_amount
            """ + READY + """
                  AND m.provider = :provider AND p.currency = :currency
                ORDER BY p.created_at, p.id
                LIMIT :max
                FOR UPDATE OF p
            ),
            new_batch AS (
                SELECT gen_random_uuid() AS id
            ),
            batch AS (
                INSERT INTO payout_batches (id, provider, currency, status, sender_batch_id, item_count, total_gross,
                                            total_fee, total_tax, total_net, job_execution_id, job_instance_id, launched_by,
                                            requires_approval)
                SELECT b.id, :provider, :currency,
                       CASE WHEN sum(p.net_amount) > :approvalThreshold THEN 'awaiting_approval' ELSE 'ready' END,
                       CASE WHEN :provider = 'paypal' THEN 'ccp-' || b.id END,
                       count(*), sum(p.amount), sum(p.fee_amount), sum(p.tax_amount), sum(p.net_amount),
                       :jobExecutionId, :jobInstanceId, :launchedBy, sum(p.net_amount) > :approvalThreshold
                FROM picked p CROSS JOIN new_batch b
                GROUP BY b.id
                RETURNING id, item_count, total_net, status
            ),
            bound AS (
                UPDATE payments p SET status = 'batched', payout_batch_id = b.id, payment_method_id = k.method_id,
                                      provider = :provider, updated_at = now()
                FROM picked k CROSS JOIN batch b
                WHERE p.id = k.id
                RETURNING p.id
            )
            SELECT b.id, b.item_count, b.total_net, b.status FROM batch b WHERE (SELECT count(*) FROM bound) > 0
            """)
    @RegisterConstructorMapper(CreatedBatch.class)
    Optional<CreatedBatch> createBatch(@Bind("paymentId") UUID paymentId, @Bind("provider") String provider, @Bind("currency") String currency,
                                       @Bind("max") int max, @Bind("approvalThreshold") long approvalThreshold,
                                       @Bind("jobExecutionId") Long jobExecutionId, @Bind("jobInstanceId") Long jobInstanceId,
                                       @Bind("launchedBy") UUID launchedBy);
}
