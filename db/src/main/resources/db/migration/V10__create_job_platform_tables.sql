-- Job platform: which instance runs what (for dead-instance recovery) and where each Quartz
-- schedule came from (for the start-up rule that keeps operators' runtime changes).

-- One row per running instance of the application. An instance refreshes heartbeat_at every few
-- seconds; one whose heartbeat is older than the lease (ccp.jobs.node-lease) is dead, and the job
-- executions it owned are marked FAILED so operators can restart them. A clean shutdown writes
-- nothing: the node simply stops heartbeating.
CREATE TABLE job_nodes (
    node_id      TEXT PRIMARY KEY,        -- host:pid:random, also written into each execution it starts
    host         TEXT        NOT NULL,
    pid          BIGINT      NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    heartbeat_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX job_nodes_heartbeat ON job_nodes (heartbeat_at);

-- The schedule of each job as last applied to Quartz. config_* is the configuration the trigger was
-- last built from: at start-up the configuration wins only if it differs from config_* (someone
-- changed config/), otherwise an operator's change (source = 'operator') survives restarts.
CREATE TABLE job_schedules (
    job_name         TEXT PRIMARY KEY,
    cron             TEXT        NOT NULL,
    time_zone        TEXT        NOT NULL,
    paused           BOOLEAN     NOT NULL,
    source           TEXT        NOT NULL CHECK (source IN ('config', 'operator')),
    config_cron      TEXT        NOT NULL,
    config_time_zone TEXT        NOT NULL,
    config_enabled   BOOLEAN     NOT NULL,
    updated_by       UUID REFERENCES users (id) ON DELETE SET NULL,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- History pages and "is this job running?" read executions by job; Batch's own tables index neither.
CREATE INDEX batch_job_execution_instance ON batch_job_execution (job_instance_id, job_execution_id);
CREATE INDEX batch_job_execution_running ON batch_job_execution (status)
    WHERE status IN ('STARTING', 'STARTED', 'STOPPING');
CREATE INDEX batch_job_instance_name ON batch_job_instance (job_name, job_instance_id);
CREATE INDEX batch_step_execution_job ON batch_step_execution (job_execution_id);
CREATE INDEX batch_job_execution_params_execution ON batch_job_execution_params (job_execution_id);
