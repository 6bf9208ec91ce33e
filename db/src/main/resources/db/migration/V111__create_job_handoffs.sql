-- An API-only instance (ccp.scheduler.enabled=false) hands a launch or restart to a scheduler
-- instance: the request is a row here plus a one-shot Quartz trigger in the clustered store; the
-- instance that fires it runs the launch and writes the outcome back, which the API instance awaits.
CREATE TABLE job_handoffs (
    id                  UUID PRIMARY KEY,
    action              TEXT        NOT NULL CHECK (action IN ('launch', 'restart')),
    job_name            TEXT,
    source_execution_id BIGINT,
    parameters          JSONB       NOT NULL DEFAULT '{}',
    requested_by        TEXT        NOT NULL,   -- node id of the API instance
    requested_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    execution_id        BIGINT,                 -- the execution the scheduler instance started
    error_kind          TEXT CHECK (error_kind IN ('conflict', 'validation', 'not-found', 'failed')),
    error_code          TEXT,
    error_field         TEXT,
    error_message       TEXT,
    completed_by        TEXT,
    completed_at        TIMESTAMPTZ
);
CREATE INDEX job_handoffs_requested_at ON job_handoffs (requested_at);
