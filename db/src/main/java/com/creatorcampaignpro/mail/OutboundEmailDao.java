package com.creatorcampaignpro.mail;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RegisterConstructorMapper(OutboundEmail.class)
public interface OutboundEmailDao {

    @SqlQuery("""
            INSERT INTO outbound_emails (to_address, subject, body, kind, user_id)
            VALUES (:to, :subject, :body, :kind, :userId)
            RETURNING id
            """)
    UUID enqueue(@Bind("to") String to, @Bind("subject") String subject, @Bind("body") String body,
                 @Bind("kind") String kind, @Bind("userId") UUID userId);

    /**
     * Locks due emails for the calling transaction. SKIP LOCKED lets another instance's poller take
     * the next rows instead of waiting, and never the same ones: no double send while both run.
     */
    @SqlQuery("""
            SELECT id, to_address, subject, body, kind, attempts FROM outbound_emails
            WHERE status = 'pending' AND next_attempt_at <= now()
            ORDER BY next_attempt_at, id
            LIMIT :limit
            FOR UPDATE SKIP LOCKED
            """)
    List<OutboundEmail> claimDue(@Bind("limit") int limit);

    /** The body goes once delivered: it may carry a single-use link that nobody needs to keep. */
    @SqlUpdate("""
            UPDATE outbound_emails SET status = 'sent', sent_at = now(), attempts = attempts + 1, body = '',
                                       last_error = NULL
            WHERE id = :id
            """)
    void markSent(@Bind("id") UUID id);

    @SqlUpdate("""
            UPDATE outbound_emails SET attempts = attempts + 1, last_error = :error, next_attempt_at = :nextAttemptAt,
                                       status = CASE WHEN :giveUp THEN 'failed' ELSE 'pending' END
            WHERE id = :id
            """)
    void markFailed(@Bind("id") UUID id, @Bind("error") String error, @Bind("nextAttemptAt") Instant nextAttemptAt,
                    @Bind("giveUp") boolean giveUp);

    /** Account deletion: mail not yet sent to that person is personal data with no purpose left. */
    @SqlUpdate("DELETE FROM outbound_emails WHERE user_id = :userId AND status = 'pending'")
    int deletePendingOf(@Bind("userId") UUID userId);

    @SqlUpdate("UPDATE outbound_emails SET to_address = :anonymized WHERE user_id = :userId")
    int anonymizeRecipient(@Bind("userId") UUID userId, @Bind("anonymized") String anonymized);
}
