package com.creatorcampaignpro.jobs;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.List;
import java.util.Optional;

/**
 * Reads over Spring Batch's job repository tables that its API does not offer: history pages by
 * job and status, the running execution of a job, and executions whose owner died. Writes stay
 * with Spring Batch's JobRepository. Each execution started by the platform carries its node in
 * the non-identifying parameter {@code ccp.node}, written with the execution itself.
 */
@RegisterConstructorMapper(ExecutionRow.class)
@RegisterConstructorMapper(OrphanedExecution.class)
public interface JobExecutionDao {

    String NODE_PARAMETER = "ccp.node";

    String SELECT_EXECUTION = """
            SELECT e.job_execution_id, e.job_instance_id, i.job_name, e.status, e.exit_code, e.exit_message,
                   e.create_time, e.start_time, e.end_time,
                   (SELECT p.parameter_value FROM batch_job_execution_params p
                     WHERE p.job_execution_id = e.job_execution_id AND p.parameter_name = 'ccp.node') AS node
            FROM batch_job_execution e
            JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
            """;

    /**
     * Serializes "is the job running? then start it" per job name across the cluster. Transaction
     * scoped: released by the commit that follows the start, or by the connection dying with its node.
     */
    @SqlQuery("SELECT true FROM pg_advisory_xact_lock(8245, hashtext(:jobName))")
    boolean lockJob(@Bind("jobName") String jobName);

    @SqlQuery(SELECT_EXECUTION + """
            WHERE i.job_name = :jobName AND e.status IN ('STARTING', 'STARTED', 'STOPPING')
            ORDER BY e.job_execution_id
            LIMIT 1
            """)
    Optional<ExecutionRow> runningExecution(@Bind("jobName") String jobName);

    @SqlQuery(SELECT_EXECUTION + """
            WHERE i.job_name = :jobName
            ORDER BY e.job_execution_id DESC
            LIMIT 1
            """)
    Optional<ExecutionRow> lastExecution(@Bind("jobName") String jobName);

    @SqlQuery(SELECT_EXECUTION + "WHERE e.job_execution_id = :id")
    Optional<ExecutionRow> find(@Bind("id") long id);

    /** The newest execution of the same job instance: only that one may be restarted. */
    @SqlQuery("""
            SELECT max(e2.job_execution_id) FROM batch_job_execution e
            JOIN batch_job_execution e2 ON e2.job_instance_id = e.job_instance_id
            WHERE e.job_execution_id = :id
            """)
    Optional<Long> latestOfSameInstance(@Bind("id") long id);

    /** One page of a job's executions, newest first; {@code status} null means all, {@code afterId} null the first page. */
    @SqlQuery(SELECT_EXECUTION + """
            WHERE i.job_name = :jobName
              AND (CAST(:status AS text) IS NULL OR e.status = :status)
              AND (CAST(:afterId AS bigint) IS NULL OR e.job_execution_id < :afterId)
            ORDER BY e.job_execution_id DESC
            LIMIT :limit
            """)
    List<ExecutionRow> page(@Bind("jobName") String jobName, @Bind("status") String status,
                            @Bind("afterId") Long afterId, @Bind("limit") int limit);

    /**
     * Running executions owned by a node that is dead: no heartbeat within the lease, or unknown.
     * Executions started outside the platform (no {@code ccp.node}) are left alone.
     */
    @SqlQuery("""
            SELECT e.job_execution_id, i.job_name, p.parameter_value AS node, n.heartbeat_at AS last_heartbeat
            FROM batch_job_execution e
            JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
            JOIN batch_job_execution_params p
              ON p.job_execution_id = e.job_execution_id AND p.parameter_name = 'ccp.node'
            LEFT JOIN job_nodes n ON n.node_id = p.parameter_value
            WHERE e.status IN ('STARTING', 'STARTED', 'STOPPING')
              AND (n.node_id IS NULL OR n.heartbeat_at < now() - make_interval(secs => :leaseSeconds))
            ORDER BY e.job_execution_id
            """)
    List<OrphanedExecution> orphanedExecutions(@Bind("leaseSeconds") double leaseSeconds);
}
