package com.creatorcampaignpro.notification;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The notifications outbox (V110). Callers write in the transaction of the change they report. */
@RegisterConstructorMapper(NotificationDao.Row.class)
public interface NotificationDao {

    record Row(long id, String audience, UUID recipientId, String type, String payload, Instant createdAt) {
    }

    @SqlUpdate("""
            INSERT INTO notifications (audience, recipient_id, type, payload)
            VALUES ('user', :recipientId, :type, CAST(:payload AS jsonb))
            """)
    void insertForUser(@Bind("recipientId") UUID recipientId, @Bind("type") String type, @Bind("payload") String payload);

    @SqlUpdate("""
            INSERT INTO notifications (audience, type, payload)
            VALUES ('operators', :type, CAST(:payload AS jsonb))
            """)
    void insertForOperators(@Bind("type") String type, @Bind("payload") String payload);

    /** Every notification after {@code afterId}, oldest first: the fan-out's cursor. */
    @SqlQuery("""
            SELECT id, audience, recipient_id, type, payload::text AS payload, created_at
            FROM notifications WHERE id > :afterId ORDER BY id LIMIT :limit
            """)
    List<Row> after(@Bind("afterId") long afterId, @Bind("limit") int limit);

    /** What one subscriber missed: its own and, for operators, the operators' notifications. */
    @SqlQuery("""
            SELECT id, audience, recipient_id, type, payload::text AS payload, created_at
            FROM notifications
            WHERE id > :afterId AND (recipient_id = :userId OR (:operator AND audience = 'operators'))
            ORDER BY id LIMIT :limit
            """)
    List<Row> missed(@Bind("userId") UUID userId, @Bind("operator") boolean operator, @Bind("afterId") long afterId,
                     @Bind("limit") int limit);

    @SqlQuery("SELECT coalesce(max(id), 0) FROM notifications")
    long lastId();

    @SqlUpdate("DELETE FROM notifications WHERE created_at < :before")
    int deleteOlderThan(@Bind("before") Instant before);
}
