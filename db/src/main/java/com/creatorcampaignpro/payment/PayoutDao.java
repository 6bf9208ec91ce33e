package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.db.Rows;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Payout batches and payment attempts: what the submit and reconcile steps record around each
 * provider call. Every state change names the states it may come from, so a repeated or late write
 * (a restart, a webhook, a reconciliation) never moves a payment backwards.
 */
@RegisterRowMapper(PayoutDao.BatchMapper.class)
@RegisterRowMapper(PayoutDao.AttemptMapper.class)
@org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(PayoutDao.Moved.class)
public interface PayoutDao {

    /**
     * A payment a provider's report just moved (reconciliation, a webhook, a refusal): whom to tell
     * and what to count. {@code attempt} is the payment's attempt number.
     */
    record Moved(UUID paymentId, UUID influencerId, String provider, String status, long netAmount, String currency,
                 String failureReason, int attempt) {
    }

    /** Columns of {@link Moved} in a RETURNING clause over payments p and payout_batches b. */
    String MOVED = """
            p.id AS payment_id, p.influencer_id, b.provider, p.status, p.net_amount, p.currency, p.failure_reason, p.attempt
            """;

    /** A payout batch as stored. */
    record Batch(UUID id, String provider, String currency, String status, String senderBatchId, String providerBatchId,
                 String providerStatus, int itemCount, long totalGross, long totalFee, long totalTax, long totalNet,
                 Long jobExecutionId, Long jobInstanceId, UUID launchedBy, boolean requiresApproval, UUID approvedBy,
                 Instant approvedAt, String failureReason, Instant createdAt, Instant submittedAt, Instant completedAt) {
    }

    /** One attempt to pay a payment: exactly what is (or was) sent, under which key, and the answer. */
    record Attempt(UUID paymentId, int attempt, UUID batchId, String provider, String idempotencyKey, long amount,
                   String currency, String destination, String outcome, String providerReference, String failureReason) {
    }

    @SqlQuery("SELECT * FROM payout_batches WHERE id = :id")
    Optional<Batch> find(@Bind("id") UUID id);

    @SqlQuery("SELECT * FROM payout_batches WHERE id = :id FOR UPDATE")
    Optional<Batch> lock(@Bind("id") UUID id);

    /** Batches to send, oldest first: ready (approved or under the threshold) and half-sent ones. */
    @SqlQuery("SELECT * FROM payout_batches WHERE status IN ('ready', 'submitting') ORDER BY created_at, id")
    List<Batch> toSubmit();

    /** Batches the provider has, whose items may still change: to reconcile. */
    @SqlQuery("SELECT * FROM payout_batches WHERE status = 'submitted' ORDER BY submitted_at, id")
    List<Batch> toReconcile();

    /**
     * Payments that failed in an earlier run (not this job instance: never re-sent in the same run)
     * go back to pending for a new attempt, up to {@code maxAttempts}.
     */
    @SqlUpdate("""
            UPDATE payments p SET status = 'pending', payout_batch_id = NULL, updated_at = now()
            FROM payout_batches b
            WHERE p.status = 'failed' AND b.id = p.payout_batch_id
              AND b.job_instance_id IS DISTINCT FROM :jobInstanceId
              AND p.attempt < :maxAttempts
            """)
    int requeueFailed(@Bind("jobInstanceId") Long jobInstanceId, @Bind("maxAttempts") int maxAttempts);

    /**
     * Stores, before any call, one attempt per batched payment of the batch: the next attempt
     * number, its idempotency key (Stripe: per payment and attempt; PayPal: the batch's
     * sender_batch_id), and the amount and destination that every retry will send unchanged. The
     * batch is read by its index first (MATERIALIZED): "status = 'batched'" next to it let the planner
     * walk the partial index payments_status over every batched payment of every batch instead.
     */
    @SqlUpdate("""
            WITH batch AS MATERIALIZED (SELECT * FROM payments WHERE payout_batch_id = :batchId)
            INSERT INTO payment_attempts (payment_id, attempt, payout_batch_id, provider, idempotency_key, amount,
                                          currency, destination)
            SELECT p.id, p.attempt + 1, :batchId, b.provider,
                   CASE WHEN b.provider = 'stripe' THEN 'ccp-payout-' || p.id || '-' || (p.attempt + 1) ELSE b.sender_batch_id END,
                   p.net_amount, p.currency,
                   CASE WHEN b.provider = 'stripe' THEN m.stripe_account_id ELSE m.paypal_email END
            FROM batch p
            JOIN payout_batches b ON b.id = p.payout_batch_id
            JOIN payment_methods m ON m.id = p.payment_method_id
            WHERE p.status = 'batched'
            ON CONFLICT DO NOTHING
            """)
    int insertAttempts(@Bind("batchId") UUID batchId);

    // The attempt by primary key: see "A batch is new to the planner" below.
    @SqlUpdate("""
            UPDATE payments p SET attempt = a.attempt, updated_at = now()
            FROM payment_attempts a
            WHERE p.payout_batch_id = :batchId AND a.payment_id = p.id AND a.attempt = p.attempt + 1
              AND a.payout_batch_id IS NOT DISTINCT FROM :batchId
            """)
    int numberAttempts(@Bind("batchId") UUID batchId);

    @SqlUpdate("UPDATE payout_batches SET status = 'submitting', updated_at = now() WHERE id = :batchId AND status = 'ready'")
    int startSubmitting(@Bind("batchId") UUID batchId);

    @Transaction
    default int prepareAttempts(UUID batchId) {
        insertAttempts(batchId);
        numberAttempts(batchId);
        return startSubmitting(batchId);
    }

    /** Attempts of the batch still without a final answer, in a stable order. */
    @SqlQuery("""
            SELECT * FROM payment_attempts
            WHERE payout_batch_id = :batchId AND outcome IN ('prepared', 'sent', 'unknown')
            ORDER BY payment_id
            """)
    List<Attempt> openAttempts(@Bind("batchId") UUID batchId);

    @SqlQuery("SELECT * FROM payment_attempts WHERE payout_batch_id = :batchId ORDER BY payment_id")
    List<Attempt> attempts(@Bind("batchId") UUID batchId);

    // ---- the payments of a call: a group of Stripe transfers, or a whole PayPal payout ------------
    // One statement before the calls (sent), one after (the answers), each atomic on its own: the
    // attempts move first, only from an open outcome, and exactly the payments of those that moved
    // follow (a data-modifying CTE, joined to payments by primary key).
    //
    // A batch is new to the planner (the batch step made it after the last ANALYZE, its attempts'
    // outcomes changed since), so every condition on batch, outcome or status is estimated at one row.
    // Where such a condition can serve as the inner side of a nested loop, the planner reads the whole
    // batch once per row: 28 s per statement for a 10,000-item PayPal payout, 15 s for a group of 16 in
    // it. Here the attempts are read by one scan of their own, and payments only by primary key (their
    // only other way in is a full scan, never estimated cheap): every plan is linear. Payment statuses
    // are checked in the SET, not the WHERE, where the partial index payments_status would offer such
    // an inner side. Per-payment answers come through a subquery per row (a group is a few dozen calls).

    String MARK_PAYMENTS_SENT = """
            UPDATE payments p SET
                   status = CASE WHEN p.status = 'batched' THEN 'submitted' ELSE p.status END,
                   submitted_at = CASE WHEN p.status = 'batched' THEN COALESCE(p.submitted_at, now()) ELSE p.submitted_at END,
                   updated_at = now()
            FROM moved WHERE p.id = moved.payment_id
            """;

    /** A group's calls are about to go out: its prepared attempts, and their payments, become sent. */
    @SqlUpdate("""
            WITH moved AS (
                UPDATE payment_attempts SET outcome = 'sent', sent_at = now(), updated_at = now()
                WHERE payout_batch_id = :batchId AND payment_id = ANY(:ids) AND outcome = 'prepared'
                RETURNING payment_id)
            """ + MARK_PAYMENTS_SENT)
    int markSent(@Bind("batchId") UUID batchId, @Bind("ids") UUID[] paymentIds);

    /** The batch's one call is about to go out (a PayPal payout): every prepared attempt becomes sent. */
    @SqlUpdate("""
            WITH moved AS (
                UPDATE payment_attempts SET outcome = 'sent', sent_at = now(), updated_at = now()
                WHERE payout_batch_id = :batchId AND outcome = 'prepared'
                RETURNING payment_id)
            """ + MARK_PAYMENTS_SENT)
    int markBatchSent(@Bind("batchId") UUID batchId);

    /**
     * The payments of the attempts that moved: accepted makes a payment submitted, failed failed,
     * unknown unknown; only from batched, submitted or unknown (always so while its attempt was open:
     * a payment returned failed has just failed). Returns them as they now are.
     */
    String RECORD_PAYMENTS = """
            UPDATE payments p SET
                   status = CASE WHEN p.status NOT IN ('batched', 'submitted', 'unknown') THEN p.status
                                 WHEN m.outcome = 'accepted' THEN 'submitted' ELSE m.outcome END,
                   submitted_at = COALESCE(p.submitted_at, now()),
                   provider_reference = COALESCE(m.provider_reference, p.provider_reference),
                   failure_reason = CASE WHEN p.status IN ('batched', 'submitted', 'unknown') AND m.outcome = 'failed'
                                         THEN m.failure_reason ELSE p.failure_reason END,
                   updated_at = now()
            FROM moved m WHERE p.id = m.payment_id
            RETURNING p.id AS payment_id, p.influencer_id, CAST(:provider AS text) AS provider, p.status, p.net_amount,
                      p.currency, p.failure_reason, p.attempt
            """;

    /**
     * A group's answers (arrays of equal length; per payment its attempt's new outcome: accepted,
     * failed (refused) or unknown), applied to attempts still open, and to their payments.
     */
    @SqlQuery("""
            WITH moved AS (
                UPDATE payment_attempts a SET (outcome, provider_reference, raw_status, failure_reason, answered_at, updated_at) =
                       (SELECT i.outcome, COALESCE(i.reference, a.provider_reference), COALESCE(i.raw_status, a.raw_status),
                               CASE WHEN i.outcome IN ('unknown', 'failed') THEN i.reason END,
                               CASE WHEN i.outcome IN ('accepted', 'failed') THEN now() ELSE a.answered_at END, now()
                        FROM unnest(:ids, :outcomes, :references, :rawStatuses, :reasons)
                                 AS i(payment_id, outcome, reference, raw_status, reason)
                        WHERE i.payment_id = a.payment_id)
                WHERE a.payout_batch_id = :batchId AND a.payment_id = ANY(:ids) AND a.outcome IN ('prepared', 'sent', 'unknown')
                RETURNING a.payment_id, a.outcome, a.provider_reference, a.failure_reason)
            """ + RECORD_PAYMENTS)
    List<Moved> record(@Bind("batchId") UUID batchId, @Bind("provider") String provider, @Bind("ids") UUID[] paymentIds,
                       @Bind("outcomes") String[] outcomes, @Bind("references") String[] references,
                       @Bind("rawStatuses") String[] rawStatuses, @Bind("reasons") String[] reasons);

    /** One answer for every open attempt of the batch (a PayPal payout), and for their payments. */
    @SqlQuery("""
            WITH moved AS (
                UPDATE payment_attempts SET outcome = :outcome, provider_reference = COALESCE(:reference, provider_reference),
                       raw_status = COALESCE(:rawStatus, raw_status),
                       failure_reason = CASE WHEN :outcome IN ('unknown', 'failed') THEN :reason END,
                       answered_at = CASE WHEN :outcome IN ('accepted', 'failed') THEN now() ELSE answered_at END,
                       updated_at = now()
                WHERE payout_batch_id = :batchId AND outcome IN ('prepared', 'sent', 'unknown')
                RETURNING payment_id, outcome, provider_reference, failure_reason)
            """ + RECORD_PAYMENTS)
    List<Moved> recordBatch(@Bind("batchId") UUID batchId, @Bind("provider") String provider,
                            @Bind("outcome") String outcome, @Bind("reference") String reference,
                            @Bind("rawStatus") String rawStatus, @Bind("reason") String reason);

    /** PayPal: the payout's id and status, once PayPal accepted it. */
    @SqlUpdate("""
            UPDATE payout_batches SET provider_batch_id = COALESCE(:providerBatchId, provider_batch_id),
                   provider_status = :providerStatus, updated_at = now()
            WHERE id = :batchId
            """)
    int recordProviderBatch(@Bind("batchId") UUID batchId, @Bind("providerBatchId") String providerBatchId,
                            @Bind("providerStatus") String providerStatus);

    /** Every attempt answered: the batch is with the provider (or failed whole, when none was accepted). */
    @SqlUpdate("""
            UPDATE payout_batches b SET
                status = CASE WHEN EXISTS (SELECT 1 FROM payment_attempts a WHERE a.payout_batch_id = b.id
                                           AND a.outcome <> 'failed') THEN 'submitted' ELSE 'failed' END,
                failure_reason = CASE WHEN EXISTS (SELECT 1 FROM payment_attempts a WHERE a.payout_batch_id = b.id
                                                   AND a.outcome <> 'failed') THEN NULL ELSE :reason END,
                submitted_at = COALESCE(b.submitted_at, now()), updated_at = now()
            WHERE b.id = :batchId AND b.status = 'submitting'
              AND NOT EXISTS (SELECT 1 FROM payment_attempts a WHERE a.payout_batch_id = b.id
                              AND a.outcome IN ('prepared', 'sent', 'unknown'))
            """)
    int finishSubmission(@Bind("batchId") UUID batchId, @Bind("reason") String reason);

    /**
     * Applies what reconciliation (or a webhook) learned about one item: only from the states that
     * may precede {@code status} (core's PaymentStatus.reportableFrom, passed in by the caller), so an
     * out-of-order answer never moves a payment backwards.
     */
    @SqlQuery("""
            UPDATE payments p SET status = :status,
                   provider_reference = COALESCE(:reference, p.provider_reference),
                   failure_reason = CASE WHEN :status = 'failed' THEN :reason ELSE p.failure_reason END,
                   paid_at = CASE WHEN :status = 'paid' THEN COALESCE(p.paid_at, now()) ELSE p.paid_at END,
                   updated_at = now()
            FROM payout_batches b
            WHERE p.id = :paymentId AND p.payout_batch_id = :batchId AND b.id = p.payout_batch_id
              AND p.status = ANY(:from)
            RETURNING
            """ + MOVED)
    Optional<Moved> moveSettled(@Bind("batchId") UUID batchId, @Bind("paymentId") UUID paymentId,
                                @Bind("status") String status, @Bind("from") String[] from,
                                @Bind("reference") String reference, @Bind("reason") String reason);

    @SqlUpdate("""
            UPDATE payment_attempts SET outcome = :status, raw_status = :rawStatus,
                   provider_reference = COALESCE(:reference, provider_reference),
                   failure_reason = CASE WHEN :status = 'failed' THEN :reason ELSE failure_reason END,
                   answered_at = COALESCE(answered_at, now()), updated_at = now()
            WHERE payment_id = :paymentId AND attempt = :attempt
            """)
    int settleAttempt(@Bind("paymentId") UUID paymentId, @Bind("attempt") int attempt, @Bind("status") String status,
                      @Bind("reference") String reference, @Bind("rawStatus") String rawStatus, @Bind("reason") String reason);

    /** One item's report, applied with its attempt; empty when the report would not move the payment. */
    @Transaction
    default Optional<Moved> applyItemState(UUID batchId, UUID paymentId, String status, String[] from, String reference,
                                           String rawStatus, String reason) {
        Optional<Moved> moved = moveSettled(batchId, paymentId, status, from, reference, reason);
        moved.ifPresent(m -> {
            settleAttempt(paymentId, m.attempt(), status, reference, rawStatus, reason);
            verifyPaypalMethods(new UUID[]{paymentId});
        });
        return moved;
    }

    /**
     * Reconciliation of a whole batch at once: what the provider reported per payment (arrays of
     * equal length; {@code fromStatuses} holds, per item, the comma-separated statuses it may move
     * from, i.e. core's PaymentStatus.reportableFrom, so the transitions have one source), applied
     * where allowed (never backwards); the moved payments come back. Each probe is by primary key.
     */
    @SqlQuery("""
            UPDATE payments p SET status = i.status,
                   provider_reference = COALESCE(i.reference, p.provider_reference),
                   failure_reason = CASE WHEN i.status = 'failed' THEN i.reason ELSE p.failure_reason END,
                   paid_at = CASE WHEN i.status = 'paid' THEN COALESCE(p.paid_at, now()) ELSE p.paid_at END,
                   updated_at = now()
            FROM unnest(:ids, :statuses, :references, :reasons, :fromStatuses)
                     AS i(payment_id, status, reference, reason, from_statuses),
                 payout_batches b
            WHERE p.id = i.payment_id AND p.payout_batch_id IS NOT DISTINCT FROM :batchId AND b.id = :batchId
              AND p.status = ANY(string_to_array(i.from_statuses, ','))
            RETURNING
            """ + MOVED)
    List<Moved> settlePayments(@Bind("batchId") UUID batchId, @Bind("ids") UUID[] ids, @Bind("statuses") String[] statuses,
                               @Bind("references") String[] references, @Bind("reasons") String[] reasons,
                               @Bind("fromStatuses") String[] fromStatuses);

    @SqlUpdate("""
            UPDATE payment_attempts a SET outcome = p.status, raw_status = i.raw_status,
                   provider_reference = COALESCE(i.reference, a.provider_reference),
                   failure_reason = CASE WHEN p.status = 'failed' THEN p.failure_reason ELSE a.failure_reason END,
                   answered_at = COALESCE(a.answered_at, now()), updated_at = now()
            FROM unnest(:ids, :references, :rawStatuses) AS i(payment_id, reference, raw_status)
            JOIN payments p ON p.id = i.payment_id
            WHERE a.payment_id = p.id AND a.attempt = p.attempt AND p.payout_batch_id IS NOT DISTINCT FROM :batchId
              AND p.status IN ('paid', 'failed', 'unclaimed', 'returned', 'reversed') AND a.outcome <> p.status
            """)
    int settleAttempts(@Bind("batchId") UUID batchId, @Bind("ids") UUID[] ids, @Bind("references") String[] references,
                       @Bind("rawStatuses") String[] rawStatuses);

    @Transaction
    default List<Moved> settle(UUID batchId, UUID[] ids, String[] statuses, String[] references, String[] rawStatuses,
                               String[] reasons, String[] fromStatuses) {
        List<Moved> moved = settlePayments(batchId, ids, statuses, references, reasons, fromStatuses);
        settleAttempts(batchId, ids, references, rawStatuses);
        UUID[] paid = moved.stream().filter(m -> m.status().equals("paid")).map(Moved::paymentId).toArray(UUID[]::new);
        if (paid.length > 0) {
            verifyPaypalMethods(paid);
        }
        return moved;
    }

    /**
     * PayPal never checks an email up front: a method is verified ({@code details.payoutsEnabled})
     * once PayPal reports a payout to it paid. Stripe methods learn it from account.updated.
     */
    @SqlUpdate("""
            UPDATE payment_methods m SET details = m.details || '{"payoutsEnabled": true}', updated_at = now()
            WHERE m.provider = 'paypal'
              AND m.id IN (SELECT p.payment_method_id FROM payments p WHERE p.id = ANY(:ids) AND p.status = 'paid')
              AND (m.details ->> 'payoutsEnabled') IS DISTINCT FROM 'true'
            """)
    int verifyPaypalMethods(@Bind("ids") UUID[] paymentIds);

    /** A batch whose payments have all settled (paid, failed, returned, reversed) is completed. */
    @SqlUpdate("""
            UPDATE payout_batches b SET status = 'completed', completed_at = now(), updated_at = now()
            WHERE b.id = :batchId AND b.status = 'submitted'
              AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.payout_batch_id = b.id
                              AND p.status IN ('batched', 'submitted', 'unknown', 'unclaimed'))
            """)
    int completeIfSettled(@Bind("batchId") UUID batchId);

    // ---- finance ------------------------------------------------------------------------------

    /** Batches newest first, keyset on (created_at, id), optionally of one status. */
    @SqlQuery("""
            SELECT * FROM payout_batches
            WHERE (CAST(:status AS text) IS NULL OR status = :status)
              AND (CAST(:afterAt AS timestamptz) IS NULL OR (created_at, id) < (:afterAt, :afterId))
            ORDER BY created_at DESC, id DESC
            LIMIT :limit
            """)
    List<Batch> page(@Bind("status") String status, @Bind("afterAt") Instant afterAt, @Bind("afterId") UUID afterId,
                     @Bind("limit") int limit);

    /** How many of the batch's payments are in each status. */
    @SqlQuery("SELECT status, count(*) FROM payments WHERE payout_batch_id = :batchId GROUP BY status ORDER BY status")
    @org.jdbi.v3.sqlobject.config.KeyColumn("status")
    @org.jdbi.v3.sqlobject.config.ValueColumn("count")
    java.util.Map<String, Long> itemStatuses(@Bind("batchId") UUID batchId);

    /**
     * Who started the run that made the batch: its recorded launcher, and every user who launched or
     * restarted an execution of that job instance (the operators' audit trail). Four-eyes: none of
     * them may approve it.
     */
    @SqlQuery("""
            SELECT launched_by FROM payout_batches WHERE id = :batchId AND launched_by IS NOT NULL
            UNION
            SELECT a.actor_id FROM audit_log a
            JOIN payout_batches b ON b.id = :batchId
            WHERE a.action IN ('job.launch', 'execution.restart') AND a.target_type = 'job_execution'
              AND a.actor_id IS NOT NULL
              AND a.target_id IN (SELECT CAST(e.job_execution_id AS text) FROM batch_job_execution e
                                  WHERE e.job_instance_id = b.job_instance_id
                                  UNION SELECT CAST(b.job_execution_id AS text))
            """)
    List<UUID> launchers(@Bind("batchId") UUID batchId);

    /** Releases a batch waiting for approval; empty when it is not waiting (already approved, or never needed it). */
    @SqlQuery("""
            UPDATE payout_batches SET status = 'ready', approved_by = :approver, approved_at = now(), updated_at = now()
            WHERE id = :batchId AND status = 'awaiting_approval'
            RETURNING *
            """)
    Optional<Batch> approve(@Bind("batchId") UUID batchId, @Bind("approver") UUID approver);

    /** The payment of a content item, as PaymentDao reads payments. */
    @SqlQuery(PaymentDao.SELECT + "WHERE p.content_id = :contentId")
    @RegisterRowMapper(PaymentDao.PaymentMapper.class)
    Optional<Payment> paymentOfContent(@Bind("contentId") UUID contentId);

    @SqlQuery("SELECT payout_batch_id FROM payments WHERE id = :id AND payout_batch_id IS NOT NULL")
    Optional<UUID> batchOfPayment(@Bind("id") UUID paymentId);

    /** The content's approval state and its campaign's marketer, for POST /api/payments/process. */
    record ContentToSettle(String status, UUID marketerId) {
    }

    @SqlQuery("SELECT c.status, cam.marketer_id FROM content c JOIN campaigns cam ON cam.id = c.campaign_id WHERE c.id = :id")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(ContentToSettle.class)
    Optional<ContentToSettle> contentToSettle(@Bind("id") UUID contentId);

    @SqlQuery("SELECT id FROM payout_batches WHERE provider = :provider AND provider_batch_id = :providerBatchId")
    Optional<UUID> findByProviderBatchId(@Bind("provider") String provider, @Bind("providerBatchId") String providerBatchId);

    /**
     * Stripe methods still waiting for onboarding (account.updated may never have arrived), the
     * longest unchecked first: with more pending accounts than one run looks up, each gets its turn.
     */
    @SqlQuery("""
            SELECT stripe_account_id FROM payment_methods
            WHERE provider = 'stripe' AND status = 'pending' AND stripe_account_id IS NOT NULL
            GROUP BY stripe_account_id
            ORDER BY min(provider_checked_at) NULLS FIRST, stripe_account_id
            LIMIT :limit
            """)
    List<String> pendingStripeAccounts(@Bind("limit") int limit);

    @SqlUpdate("""
            UPDATE payment_methods SET provider_checked_at = now()
            WHERE provider = 'stripe' AND stripe_account_id = :accountId
            """)
    int markStripeAccountChecked(@Bind("accountId") String accountId);

    class BatchMapper implements RowMapper<Batch> {
        @Override
        public Batch map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Batch(rs.getObject("id", UUID.class), rs.getString("provider"), rs.getString("currency"),
                    rs.getString("status"), rs.getString("sender_batch_id"), rs.getString("provider_batch_id"),
                    rs.getString("provider_status"), rs.getInt("item_count"), rs.getLong("total_gross"),
                    rs.getLong("total_fee"), rs.getLong("total_tax"), rs.getLong("total_net"),
                    rs.getObject("job_execution_id", Long.class), rs.getObject("job_instance_id", Long.class),
                    rs.getObject("launched_by", UUID.class), rs.getBoolean("requires_approval"),
                    rs.getObject("approved_by", UUID.class), Rows.instant(rs, "approved_at"),
                    rs.getString("failure_reason"), Rows.instant(rs, "created_at"), Rows.instant(rs, "submitted_at"),
                    Rows.instant(rs, "completed_at"));
        }
    }

    class AttemptMapper implements RowMapper<Attempt> {
        @Override
        public Attempt map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Attempt(rs.getObject("payment_id", UUID.class), rs.getInt("attempt"),
                    rs.getObject("payout_batch_id", UUID.class), rs.getString("provider"), rs.getString("idempotency_key"),
                    rs.getLong("amount"), rs.getString("currency"), rs.getString("destination"), rs.getString("outcome"),
                    rs.getString("provider_reference"), rs.getString("failure_reason"));
        }
    }
}
