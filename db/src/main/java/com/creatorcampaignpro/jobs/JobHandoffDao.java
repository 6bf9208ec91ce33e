package com.creatorcampaignpro.jobs;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.Optional;
import java.util.UUID;

/** Launches handed from an API-only instance to a scheduler instance (V111). */
@RegisterConstructorMapper(JobHandoffDao.Handoff.class)
public interface JobHandoffDao {

    record Handoff(UUID id, String action, String jobName, Long sourceExecutionId, String parameters,
                   Long executionId, String errorKind, String errorCode, String errorField, String errorMessage,
                   String completedBy) {
        public boolean done() {
            return executionId != null || errorKind != null;
        }
    }

    @SqlUpdate("""
            INSERT INTO job_handoffs (id, action, job_name, source_execution_id, parameters, requested_by)
            VALUES (:id, :action, :jobName, :sourceExecutionId, CAST(:parameters AS jsonb), :requestedBy)
            """)
    void request(@Bind("id") UUID id, @Bind("action") String action, @Bind("jobName") String jobName,
                 @Bind("sourceExecutionId") Long sourceExecutionId, @Bind("parameters") String parameters,
                 @Bind("requestedBy") String requestedBy);

    @SqlQuery("""
            SELECT id, action, job_name, source_execution_id, parameters::text AS parameters, execution_id,
                   error_kind, error_code, error_field, error_message, completed_by
            FROM job_handoffs WHERE id = :id
            """)
    Optional<Handoff> find(@Bind("id") UUID id);

    /** Only the first outcome counts (a refired trigger finds the row completed and does nothing). */
    @SqlUpdate("""
            UPDATE job_handoffs SET execution_id = :executionId, completed_by = :node, completed_at = now()
            WHERE id = :id AND completed_at IS NULL
            """)
    int succeeded(@Bind("id") UUID id, @Bind("executionId") long executionId, @Bind("node") String node);

    @SqlUpdate("""
            UPDATE job_handoffs SET error_kind = :kind, error_code = :code, error_field = :field,
                   error_message = :message, completed_by = :node, completed_at = now()
            WHERE id = :id AND completed_at IS NULL
            """)
    int failed(@Bind("id") UUID id, @Bind("kind") String kind, @Bind("code") String code, @Bind("field") String field,
               @Bind("message") String message, @Bind("node") String node);
}
