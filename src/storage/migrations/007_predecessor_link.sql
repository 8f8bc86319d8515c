-- Schema 7: the predecessor link of an indicator. Its foreign key was ON DELETE SET NULL over
-- (office_id, predecessor_code), so removing an indicator that another one follows set the
-- follower's office_id to NULL too and failed (NOT NULL constraint), which also broke replacing
-- an office whose indicators follow each other. The link now has no action of its own: the
-- store clears it explicitly (audited, undone with the removal), and the check is deferred to
-- the commit so that a whole office can be replaced in one transaction.
--
-- SQLite cannot alter a foreign key: the table is rebuilt (the 12 steps of "Making Other Kinds
-- Of Table Schema Changes"; the runner turns foreign keys off around this transaction and runs
-- PRAGMA foreign_key_check before the commit). The columns keep their order, ids and defaults.
CREATE TABLE indicator_new (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    period_code TEXT NOT NULL,
    level TEXT NOT NULL,
    parent_code TEXT,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    satuan TEXT NOT NULL,
    polarity TEXT NOT NULL,
    capaian_rule TEXT NOT NULL,
    formula TEXT NOT NULL,
    formula_text TEXT NOT NULL,
    definition TEXT NOT NULL,
    alasan TEXT NOT NULL,
    data_source TEXT NOT NULL,
    responsible TEXT NOT NULL,
    iku INTEGER NOT NULL,
    predecessor_code TEXT,
    comparable INTEGER NOT NULL,
    note TEXT NOT NULL,
    quarter_rule TEXT NOT NULL DEFAULT 'cumulative',
    UNIQUE (office_id, code),
    FOREIGN KEY (office_id, period_code) REFERENCES renstra_period(office_id, code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (office_id, predecessor_code) REFERENCES indicator(office_id, code) DEFERRABLE INITIALLY DEFERRED
);
INSERT INTO indicator_new (id, office_id, code, period_code, level, parent_code, position, name, satuan, polarity,
    capaian_rule, formula, formula_text, definition, alasan, data_source, responsible, iku, predecessor_code,
    comparable, note, quarter_rule)
SELECT id, office_id, code, period_code, level, parent_code, position, name, satuan, polarity,
    capaian_rule, formula, formula_text, definition, alasan, data_source, responsible, iku, predecessor_code,
    comparable, note, quarter_rule
FROM indicator;
DROP TABLE indicator;
ALTER TABLE indicator_new RENAME TO indicator;
