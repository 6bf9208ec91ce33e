package com.creatorcampaignpro.jobs;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Instances of the application and their heartbeats: the liveness behind dead-instance recovery. */
public interface JobNodeDao {

    @SqlUpdate("""
            INSERT INTO job_nodes (node_id, host, pid) VALUES (:nodeId, :host, :pid)
            ON CONFLICT (node_id) DO UPDATE SET heartbeat_at = now()
            """)
    void register(@Bind("nodeId") String nodeId, @Bind("host") String host, @Bind("pid") long pid);

    /** 0 when the row is gone (someone pruned it): the caller registers again. */
    @SqlUpdate("UPDATE job_nodes SET heartbeat_at = now() WHERE node_id = :nodeId")
    int heartbeat(@Bind("nodeId") String nodeId);

    /** Forgets nodes that stopped or died long ago; their executions were recovered long before. */
    @SqlUpdate("DELETE FROM job_nodes WHERE heartbeat_at < now() - make_interval(secs => :olderThanSeconds)")
    int pruneOlderThan(@Bind("olderThanSeconds") long olderThanSeconds);
}
