-- Schema 11 (issue 14): the city plan above the office. A misi of the RPJMD / RPD that a Renstra
-- period follows; a tujuan may name the misi it serves, and a sasaran hangs under a tujuan or,
-- in reports whose office has no tujuan of its own, directly under a misi (so its tujuan_code may
-- now be NULL; the import and the store's operations require exactly one of the two).
CREATE TABLE misi (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    period_code TEXT NOT NULL,
    code TEXT NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    UNIQUE (office_id, code),
    FOREIGN KEY (office_id, period_code) REFERENCES renstra_period(office_id, code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);

-- SQLite cannot add a composite foreign key nor drop NOT NULL: both tables are rebuilt (the 12
-- steps of "Making Other Kinds Of Table Schema Changes"; the runner turns foreign keys off around
-- this transaction and runs PRAGMA foreign_key_check before the commit). The columns keep their
-- order and ids; existing rows have no misi. Removing a misi with something under it is refused
-- by the store, so the links have no action of their own.
CREATE TABLE tujuan_new (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    period_code TEXT NOT NULL,
    code TEXT NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    misi_code TEXT,
    UNIQUE (office_id, code),
    FOREIGN KEY (office_id, period_code) REFERENCES renstra_period(office_id, code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (office_id, misi_code) REFERENCES misi(office_id, code) DEFERRABLE INITIALLY DEFERRED
);
INSERT INTO tujuan_new (id, office_id, period_code, code, position, name)
SELECT id, office_id, period_code, code, position, name FROM tujuan;
DROP TABLE tujuan;
ALTER TABLE tujuan_new RENAME TO tujuan;

CREATE TABLE sasaran_new (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    tujuan_code TEXT,
    code TEXT NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    misi_code TEXT,
    UNIQUE (office_id, code),
    FOREIGN KEY (office_id, tujuan_code) REFERENCES tujuan(office_id, code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (office_id, misi_code) REFERENCES misi(office_id, code) DEFERRABLE INITIALLY DEFERRED
);
INSERT INTO sasaran_new (id, office_id, tujuan_code, code, position, name)
SELECT id, office_id, tujuan_code, code, position, name FROM sasaran;
DROP TABLE sasaran;
ALTER TABLE sasaran_new RENAME TO sasaran;
