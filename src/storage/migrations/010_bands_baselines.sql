-- Schema 10 (issue 14): an office's own achievement bands (kategori capaian: SB/B/C/K …) per Renstra
-- period. Bands are ordered by position, 1 the highest; a capaian belongs to the first band
-- whose lower bound it passes (`lower_inclusive`: ≥ instead of >); a band without a lower bound
-- takes everything below the others.
CREATE TABLE achievement_band (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    period_code TEXT NOT NULL,
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    lower TEXT,
    lower_inclusive INTEGER NOT NULL,
    UNIQUE (office_id, period_code, position),
    FOREIGN KEY (office_id, period_code) REFERENCES renstra_period(office_id, code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);

-- The Renstra's kondisi awal (baseline) and end-of-period target of an indicator, as the
-- Renstra's table of targets prints them; one row per indicator.
CREATE TABLE renstra_baseline (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    indicator_code TEXT NOT NULL,
    baseline_year INTEGER,
    baseline TEXT,
    end_target TEXT,
    end_target_high TEXT,
    note TEXT NOT NULL,
    UNIQUE (office_id, indicator_code),
    FOREIGN KEY (office_id, indicator_code) REFERENCES indicator(office_id, code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);
