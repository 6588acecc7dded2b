-- Vivido schema v4 for PostgreSQL (the same meaning as SQLite's 0004): the deployment status
-- 'progressing' (admitted or rolling out, health not yet known), and indexes for the deployment and
-- rollback success rates.

ALTER TABLE deployments DROP CONSTRAINT deployments_status_check;
ALTER TABLE deployments ADD CONSTRAINT deployments_status_check
    CHECK (status IN ('healthy', 'degraded', 'failed', 'stopped', 'progressing'));

-- The success rates read rows last seen since a time, and accepted rollbacks since a time.
CREATE INDEX ix_deployments_last_seen ON deployments (last_seen);
CREATE INDEX ix_history_rollbacks ON history (at) WHERE kind = 'accepted' AND event = 'rollback';
