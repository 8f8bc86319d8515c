-- Schema 11 on a server: the misi above the office (see ../011_misi.sql). PostgreSQL adds a
-- composite foreign key and drops NOT NULL in place, so tujuan and sasaran are not rebuilt; the
-- new columns come last, as in SQLite's rebuilt tables. Written in the migrations' shared
-- dialect; `pg_schema::translate` makes it the server's.
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

ALTER TABLE tujuan ADD COLUMN misi_code TEXT;
ALTER TABLE tujuan ADD CONSTRAINT tujuan_office_id_misi_code_fkey
    FOREIGN KEY (office_id, misi_code) REFERENCES misi(office_id, code) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE sasaran ALTER COLUMN tujuan_code DROP NOT NULL;
ALTER TABLE sasaran ADD COLUMN misi_code TEXT;
ALTER TABLE sasaran ADD CONSTRAINT sasaran_office_id_misi_code_fkey
    FOREIGN KEY (office_id, misi_code) REFERENCES misi(office_id, code) DEFERRABLE INITIALLY DEFERRED;
