package com.creatorcampaignpro.payment;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Provider webhook events already applied; inserted in the transaction that applies the event. */
public interface WebhookEventDao {

    /** 1 the first time, 0 for a redelivery (the primary key decides, also between two concurrent deliveries). */
    @SqlUpdate("""
            INSERT INTO processed_webhook_events (provider, event_id, event_type) VALUES (:provider, :eventId, :eventType)
            ON CONFLICT DO NOTHING
            """)
    int claim(@Bind("provider") String provider, @Bind("eventId") String eventId, @Bind("eventType") String eventType);
}
