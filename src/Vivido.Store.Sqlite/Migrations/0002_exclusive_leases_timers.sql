-- Vivido schema v2: exclusive states, job leases, timer firings.

-- An image in a state the lifecycle marks exclusive (e.g. Active) is flagged, and the partial unique
-- index allows one flagged image per (repository, state): the database itself refuses a second Active
-- digest, whatever code or replica writes.
ALTER TABLE images ADD COLUMN exclusive INTEGER NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX ux_images_exclusive_state ON images (repository, state) WHERE exclusive = 1;
-- Due timers: images in a state, oldest entry first.
CREATE INDEX ix_images_state_entered ON images (state, entered_state_at, id);

-- Background work leases: one holder per name until expires_at. Transient, not copied between stores.
CREATE TABLE leases (
    name        TEXT    PRIMARY KEY,
    holder      TEXT    NOT NULL,
    acquired_at INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
);

-- A timer that fired and was refused for one stay of an image in a state (a stay is named by its
-- entered_state_at), so it is not fired again for that stay.
CREATE TABLE timer_firings (
    image_id         INTEGER NOT NULL REFERENCES images (id),
    state            TEXT    NOT NULL,
    entered_state_at INTEGER NOT NULL,
    event            TEXT    NOT NULL,
    fired_at         INTEGER NOT NULL,
    PRIMARY KEY (image_id, state, entered_state_at, event)
);
