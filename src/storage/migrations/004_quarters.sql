-- Schema 4: Rencana Aksi per quarter (triwulan) and quarterly budget realisation; how an
-- indicator's quarters make its year.
ALTER TABLE indicator ADD COLUMN quarter_rule TEXT NOT NULL DEFAULT 'cumulative';
CREATE TABLE quarter_progress (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    indicator_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    target TEXT,
    realisasi TEXT,
    UNIQUE (office_id, indicator_code, year, quarter),
    FOREIGN KEY (office_id, indicator_code) REFERENCES indicator(office_id, code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE budget_quarter (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    kode TEXT NOT NULL,
    quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    realisasi_sen INTEGER NOT NULL CHECK (realisasi_sen >= 0),
    UNIQUE (office_id, year, kode, quarter),
    FOREIGN KEY (office_id, year, kode) REFERENCES budget_line(office_id, year, kode) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);
