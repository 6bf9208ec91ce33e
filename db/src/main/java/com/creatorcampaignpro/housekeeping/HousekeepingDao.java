package com.creatorcampaignpro.housekeeping;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;

/**
 * Bounded deletes for the housekeeping job: each call removes at most {@code limit} rows, so one
 * transaction never holds locks on a whole table and a stopped job loses at most one batch of work.
 */
public interface HousekeepingDao {

    @SqlUpdate("""
            DELETE FROM refresh_tokens WHERE id IN (
                SELECT id FROM refresh_tokens WHERE expires_at < :before LIMIT :limit)
            """)
    int deleteRefreshTokensExpiredBefore(@Bind("before") Instant before, @Bind("limit") int limit);

    @SqlUpdate("""
            DELETE FROM login_attempts WHERE id IN (
                SELECT id FROM login_attempts WHERE attempted_at < :before LIMIT :limit)
            """)
    int deleteLoginAttemptsBefore(@Bind("before") Instant before, @Bind("limit") int limit);

    @SqlUpdate("""
            DELETE FROM idempotency_keys WHERE (user_id, idempotency_key) IN (
                SELECT user_id, idempotency_key FROM idempotency_keys WHERE created_at < :before LIMIT :limit)
            """)
    int deleteIdempotencyKeysBefore(@Bind("before") Instant before, @Bind("limit") int limit);

    @SqlUpdate("""
            DELETE FROM notifications WHERE id IN (
                SELECT id FROM notifications WHERE created_at < :before LIMIT :limit)
            """)
    int deleteNotificationsBefore(@Bind("before") Instant before, @Bind("limit") int limit);

    /** Requested before the cut-off, answered or not: an unanswered one that old was given up long ago. */
    @SqlUpdate("""
            DELETE FROM job_handoffs WHERE id IN (
                SELECT id FROM job_handoffs WHERE requested_at < :before LIMIT :limit)
            """)
    int deleteJobHandoffsBefore(@Bind("before") Instant before, @Bind("limit") int limit);
}
