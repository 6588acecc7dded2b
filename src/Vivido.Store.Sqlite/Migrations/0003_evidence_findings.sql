-- Vivido schema v3: compressed raw evidence, current findings and packages, vulnerability sightings,
-- re-scan requests, and outbox rows without a history entry.

-- New raw documents are kept gzip-compressed with the SHA-256 (lowercase hex, of the UTF-8 bytes) and
-- the uncompressed size; compression and hashing are done by the store's C# code. Rows written before
-- this migration keep raw_document as text (raw_gzip, raw_sha256 and raw_size NULL).
ALTER TABLE evidence ADD COLUMN raw_gzip BLOB;
ALTER TABLE evidence ADD COLUMN raw_sha256 TEXT;
ALTER TABLE evidence ADD COLUMN raw_size INTEGER;

-- The findings of each image's newest scan that listed findings; replaced by the next such scan.
-- vuln_key is the upper-cased id, so lookups are case-insensitive.
CREATE TABLE vulnerability_findings (
    id                INTEGER PRIMARY KEY,
    image_id          INTEGER NOT NULL REFERENCES images (id),
    evidence_id       INTEGER NOT NULL REFERENCES evidence (id),
    vuln_id           TEXT    NOT NULL,
    vuln_key          TEXT    NOT NULL,
    severity          TEXT    NOT NULL,
    cvss              REAL,
    package           TEXT    NOT NULL,
    installed_version TEXT,
    fixed_version     TEXT,
    purl              TEXT
);
CREATE INDEX ix_vulnerability_findings_key ON vulnerability_findings (vuln_key, image_id);
CREATE INDEX ix_vulnerability_findings_image ON vulnerability_findings (image_id);

-- The first scan that reported a vulnerability in an image, kept when later scans stop reporting it.
CREATE TABLE vulnerability_sightings (
    image_id   INTEGER NOT NULL REFERENCES images (id),
    vuln_key   TEXT    NOT NULL,
    vuln_id    TEXT    NOT NULL,
    first_seen INTEGER NOT NULL,
    present    INTEGER NOT NULL,
    PRIMARY KEY (image_id, vuln_key)
);

-- The packages of each image's newest SBOM that listed packages; replaced by the next such SBOM.
CREATE TABLE image_packages (
    id          INTEGER PRIMARY KEY,
    image_id    INTEGER NOT NULL REFERENCES images (id),
    evidence_id INTEGER NOT NULL REFERENCES evidence (id),
    name        TEXT    NOT NULL,
    version     TEXT,
    purl        TEXT,
    purl_base   TEXT
);
CREATE INDEX ix_image_packages_purl ON image_packages (purl_base, version);
CREATE INDEX ix_image_packages_image ON image_packages (image_id);

-- When a re-scan of an image was last requested.
CREATE TABLE rescan_requests (
    image_id     INTEGER PRIMARY KEY REFERENCES images (id),
    requested_at INTEGER NOT NULL
);

-- outbox.seq becomes nullable (re-scan requests are not transitions). SQLite cannot drop NOT NULL, so
-- the table is rebuilt with its ids; nothing references outbox, so this is safe with foreign keys on.
ALTER TABLE outbox RENAME TO outbox_v2;
CREATE TABLE outbox (
    id           INTEGER PRIMARY KEY,
    seq          INTEGER REFERENCES history (seq),
    topic        TEXT    NOT NULL,
    payload      TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    delivered_at INTEGER
);
INSERT INTO outbox (id, seq, topic, payload, created_at, attempts, delivered_at)
    SELECT id, seq, topic, payload, created_at, attempts, delivered_at FROM outbox_v2;
DROP TABLE outbox_v2;
CREATE INDEX ix_outbox_undelivered ON outbox (id) WHERE delivered_at IS NULL;
