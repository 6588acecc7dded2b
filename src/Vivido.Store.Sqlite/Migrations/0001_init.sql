-- Vivido schema v1. Times are INTEGER microseconds since the Unix epoch, UTC.
-- JSON columns hold objects of string -> string (attributes, params) or arrays of strings.

CREATE TABLE images (
    id               INTEGER PRIMARY KEY,
    digest           TEXT    NOT NULL UNIQUE,
    repository       TEXT    NOT NULL,
    state            TEXT    NOT NULL,
    version          INTEGER NOT NULL,
    entered_state_at INTEGER NOT NULL,
    registered_at    INTEGER NOT NULL,
    attributes       TEXT    NOT NULL,
    vetoed           INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_images_state_repository ON images (state, repository, id);
CREATE INDEX ix_images_repository ON images (repository, id);
CREATE INDEX ix_images_entered_state_at ON images (entered_state_at);

-- Append-only, hash-chained (see docs/storage.md). seq is assigned by the store: previous + 1.
CREATE TABLE history (
    seq        INTEGER PRIMARY KEY,
    image_id   INTEGER NOT NULL REFERENCES images (id),
    kind       TEXT    NOT NULL CHECK (kind IN ('accepted', 'rejected', 'override')),
    event      TEXT    NOT NULL,
    from_state TEXT,
    to_state   TEXT,
    actor      TEXT    NOT NULL,
    reason     TEXT,
    detail     TEXT,
    params     TEXT    NOT NULL,
    at         INTEGER NOT NULL,
    prev_hash  TEXT    NOT NULL,
    hash       TEXT    NOT NULL
);
CREATE INDEX ix_history_image ON history (image_id, seq);
CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN
    SELECT RAISE(ABORT, 'history is append-only');
END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN
    SELECT RAISE(ABORT, 'history is append-only');
END;

CREATE TABLE tags (
    repository TEXT    NOT NULL,
    tag        TEXT    NOT NULL,
    image_id   INTEGER NOT NULL REFERENCES images (id),
    moved_at   INTEGER NOT NULL,
    moved_by   TEXT    NOT NULL,
    PRIMARY KEY (repository, tag)
);
CREATE INDEX ix_tags_image ON tags (image_id);
CREATE INDEX ix_tags_tag ON tags (tag);

CREATE TABLE tag_moves (
    id            INTEGER PRIMARY KEY,
    repository    TEXT    NOT NULL,
    tag           TEXT    NOT NULL,
    from_image_id INTEGER REFERENCES images (id),
    to_image_id   INTEGER NOT NULL REFERENCES images (id),
    actor         TEXT    NOT NULL,
    at            INTEGER NOT NULL
);
CREATE INDEX ix_tag_moves_tag ON tag_moves (repository, tag, id);
CREATE TRIGGER tag_moves_no_update BEFORE UPDATE ON tag_moves
BEGIN
    SELECT RAISE(ABORT, 'tag history is append-only');
END;
CREATE TRIGGER tag_moves_no_delete BEFORE DELETE ON tag_moves
BEGIN
    SELECT RAISE(ABORT, 'tag history is append-only');
END;

CREATE TABLE evidence (
    id           INTEGER PRIMARY KEY,
    image_id     INTEGER NOT NULL REFERENCES images (id),
    kind         TEXT    NOT NULL CHECK (kind IN ('scan', 'sbom', 'signature', 'provenance', 'test')),
    fact         TEXT    NOT NULL,
    raw_document TEXT,
    media_type   TEXT,
    actor        TEXT    NOT NULL,
    at           INTEGER NOT NULL
);
CREATE INDEX ix_evidence_image ON evidence (image_id, kind, id);

CREATE TABLE approvals (
    id       INTEGER PRIMARY KEY,
    image_id INTEGER NOT NULL REFERENCES images (id),
    actor    TEXT    NOT NULL,
    role     TEXT    NOT NULL,
    comment  TEXT,
    at       INTEGER NOT NULL
);
CREATE INDEX ix_approvals_image ON approvals (image_id, id);

CREATE TABLE vetoes (
    id       INTEGER PRIMARY KEY,
    image_id INTEGER NOT NULL REFERENCES images (id),
    actor    TEXT    NOT NULL,
    reason   TEXT    NOT NULL,
    at       INTEGER NOT NULL
);
CREATE INDEX ix_vetoes_image ON vetoes (image_id, id);

CREATE TABLE deployments (
    id          INTEGER PRIMARY KEY,
    image_id    INTEGER NOT NULL REFERENCES images (id),
    environment TEXT    NOT NULL,
    cluster     TEXT    NOT NULL,
    namespace   TEXT    NOT NULL,
    workload    TEXT    NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('healthy', 'degraded', 'failed', 'stopped')),
    first_seen  INTEGER NOT NULL,
    last_seen   INTEGER NOT NULL,
    UNIQUE (image_id, environment, cluster, namespace, workload)
);

CREATE TABLE outbox (
    id           INTEGER PRIMARY KEY,
    seq          INTEGER NOT NULL REFERENCES history (seq),
    topic        TEXT    NOT NULL,
    payload      TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    delivered_at INTEGER
);
CREATE INDEX ix_outbox_undelivered ON outbox (id) WHERE delivered_at IS NULL;

CREATE TABLE idempotency (
    token_name   TEXT    NOT NULL,
    key          TEXT    NOT NULL,
    request_hash TEXT    NOT NULL,
    status       INTEGER NOT NULL,
    body         TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (token_name, key)
);

-- Only the SHA-256 of a token is stored.
CREATE TABLE tokens (
    id                  INTEGER PRIMARY KEY,
    name                TEXT    NOT NULL,
    hash                TEXT    NOT NULL UNIQUE,
    roles               TEXT    NOT NULL,
    repository_patterns TEXT    NOT NULL,
    created_at          INTEGER NOT NULL,
    created_by          TEXT    NOT NULL,
    revoked_at          INTEGER
);
CREATE UNIQUE INDEX ux_tokens_active_name ON tokens (name) WHERE revoked_at IS NULL;

CREATE TABLE pending_overrides (
    id                INTEGER PRIMARY KEY,
    image_id          INTEGER NOT NULL REFERENCES images (id),
    from_state        TEXT    NOT NULL,
    to_state          TEXT    NOT NULL,
    expected_version  INTEGER NOT NULL,
    reason            TEXT    NOT NULL,
    requested_by      TEXT    NOT NULL,
    requested_at      INTEGER NOT NULL,
    status            TEXT    NOT NULL CHECK (status IN ('pending', 'confirmed', 'rejected')),
    resolved_by       TEXT,
    resolved_at       INTEGER,
    resolution_reason TEXT
);
CREATE INDEX ix_pending_overrides_image ON pending_overrides (image_id, status);
