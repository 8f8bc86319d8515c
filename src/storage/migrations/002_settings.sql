-- Schema 2: per-office settings of the achievement engine (capaian cap, efficiency rule,
-- status bands), stored as key/value text so that new settings need no schema change.
CREATE TABLE office_setting (
    office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (office_id, key)
);
