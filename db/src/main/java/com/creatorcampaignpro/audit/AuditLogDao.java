package com.creatorcampaignpro.audit;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.UUID;

public interface AuditLogDao {

    /** {@code details} is a JSON object. */
    @SqlUpdate("""
            INSERT INTO audit_log (actor_id, action, target_type, target_id, details)
            VALUES (:actorId, :action, :targetType, :targetId, CAST(:details AS jsonb))
            """)
    void record(@Bind("actorId") UUID actorId, @Bind("action") String action, @Bind("targetType") String targetType,
                @Bind("targetId") String targetId, @Bind("details") String details);

    @SqlQuery("SELECT action FROM audit_log WHERE target_type = :targetType AND target_id = :targetId ORDER BY id")
    List<String> actionsOn(@Bind("targetType") String targetType, @Bind("targetId") String targetId);
}
