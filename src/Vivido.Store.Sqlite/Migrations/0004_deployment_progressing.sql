-- Vivido schema v4: the deployment status 'progressing' (admitted or rolling out, health not yet known),
-- and indexes for the deployment and rollback success rates.

-- SQLite cannot change a CHECK constraint, so deployments is rebuilt with its ids; nothing references
-- deployments, so this is safe with foreign keys on.
ALTER TABLE deployments RENAME TO deployments_v3;
CREATE TABLE deployments (
    id          INTEGER PRIMARY KEY,
    image_id    INTEGER NOT NULL REFERENCES images (id),
    environment TEXT    NOT NULL,
    cluster     TEXT    NOT NULL,
    namespace   TEXT    NOT NULL,
    workload    TEXT    NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('healthy', 'degraded', 'failed', 'stopped', 'progressing')),
    first_seen  INTEGER NOT NULL,
    last_seen   INTEGER NOT NULL,
    UNIQUE (image_id, environment, cluster, namespace, workload)
);
INSERT INTO deployments (id, image_id, environment, cluster, namespace, workload, status, first_seen, last_seen)
    SELECT id, image_id, environment, cluster, namespace, workload, status, first_seen, last_seen FROM deployments_v3;
DROP TABLE deployments_v3;

-- The success rates read rows last seen since a time, and accepted rollbacks since a time.
CREATE INDEX ix_deployments_last_seen ON deployments (last_seen);
CREATE INDEX ix_history_rollbacks ON history (at) WHERE kind = 'accepted' AND event = 'rollback';
