-- Schema 1: one office's whole SAKIP dataset. Money is INTEGER sen; indicator values are exact
-- decimal TEXT. Every table carries office_id so that several offices can share a database.
CREATE TABLE office (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    short_name TEXT NOT NULL,
    government TEXT NOT NULL,
    address TEXT NOT NULL,
    legal_basis TEXT NOT NULL
);
CREATE TABLE unit (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    parent_code TEXT,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    UNIQUE (office_id, code),
    FOREIGN KEY (office_id, parent_code) REFERENCES unit(office_id, code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE unit_duty (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    unit_code TEXT NOT NULL,
    position INTEGER NOT NULL,
    level INTEGER NOT NULL,
    label TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    FOREIGN KEY (office_id, unit_code) REFERENCES unit(office_id, code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE staff_count (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    position INTEGER NOT NULL,
    education TEXT NOT NULL,
    status TEXT NOT NULL,
    count INTEGER NOT NULL CHECK (count >= 0),
    UNIQUE (office_id, year, education, status)
);
CREATE TABLE asset_item (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    code TEXT NOT NULL,
    parent_code TEXT,
    position INTEGER NOT NULL,
    label TEXT NOT NULL,
    name TEXT NOT NULL,
    count INTEGER,
    value_sen INTEGER,
    note TEXT NOT NULL,
    UNIQUE (office_id, year, code),
    FOREIGN KEY (office_id, year, parent_code) REFERENCES asset_item(office_id, year, code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE renstra_period (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    start_year INTEGER NOT NULL,
    end_year INTEGER NOT NULL,
    name TEXT NOT NULL,
    basis TEXT NOT NULL,
    UNIQUE (office_id, code),
    CHECK (end_year >= start_year)
);
CREATE TABLE strategy (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    period_code TEXT NOT NULL,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    FOREIGN KEY (office_id, period_code) REFERENCES renstra_period(office_id, code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE tujuan (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    period_code TEXT NOT NULL,
    code TEXT NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    UNIQUE (office_id, code),
    FOREIGN KEY (office_id, period_code) REFERENCES renstra_period(office_id, code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE sasaran (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    tujuan_code TEXT NOT NULL,
    code TEXT NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    UNIQUE (office_id, code),
    FOREIGN KEY (office_id, tujuan_code) REFERENCES tujuan(office_id, code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE indicator (
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
    UNIQUE (office_id, code),
    FOREIGN KEY (office_id, period_code) REFERENCES renstra_period(office_id, code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (office_id, predecessor_code) REFERENCES indicator(office_id, code) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE indicator_target (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    indicator_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    target TEXT NOT NULL,
    target_high TEXT,
    note TEXT NOT NULL,
    UNIQUE (office_id, indicator_code, year),
    FOREIGN KEY (office_id, indicator_code) REFERENCES indicator(office_id, code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE agreement_target (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    indicator_code TEXT NOT NULL,
    target TEXT NOT NULL,
    target_high TEXT,
    note TEXT NOT NULL,
    UNIQUE (office_id, indicator_code, year),
    FOREIGN KEY (office_id, indicator_code) REFERENCES indicator(office_id, code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE realisation (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    indicator_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    realisasi TEXT NOT NULL,
    note TEXT NOT NULL,
    UNIQUE (office_id, indicator_code, year),
    FOREIGN KEY (office_id, indicator_code) REFERENCES indicator(office_id, code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE raw_figure (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    indicator_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    role TEXT NOT NULL,
    value TEXT NOT NULL,
    label TEXT NOT NULL,
    note TEXT NOT NULL,
    UNIQUE (office_id, indicator_code, year, role),
    FOREIGN KEY (office_id, indicator_code) REFERENCES indicator(office_id, code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE budget_line (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    kode TEXT NOT NULL,
    parent_kode TEXT,
    level TEXT NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    pagu_murni_sen INTEGER CHECK (pagu_murni_sen >= 0),
    pagu_perubahan_sen INTEGER CHECK (pagu_perubahan_sen >= 0),
    realisasi_sen INTEGER CHECK (realisasi_sen >= 0),
    note TEXT NOT NULL,
    UNIQUE (office_id, year, kode),
    FOREIGN KEY (office_id, year, parent_kode) REFERENCES budget_line(office_id, year, kode) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX budget_line_year ON budget_line(office_id, year, level);
CREATE TABLE program_support (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    program_kode TEXT NOT NULL,
    indicator_code TEXT NOT NULL,
    UNIQUE (office_id, program_kode, indicator_code),
    FOREIGN KEY (office_id, indicator_code) REFERENCES indicator(office_id, code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE agreement_program (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    program_kode TEXT NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    pagu_murni_sen INTEGER,
    pagu_perubahan_sen INTEGER,
    note TEXT NOT NULL
);
CREATE TABLE printed_figure (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    table_id TEXT NOT NULL,
    place TEXT NOT NULL,
    subject TEXT NOT NULL,
    field TEXT NOT NULL,
    printed TEXT NOT NULL,
    value TEXT,
    note TEXT NOT NULL,
    UNIQUE (office_id, year, table_id, place, subject, field)
);
CREATE TABLE note (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    subject TEXT NOT NULL,
    kind TEXT NOT NULL,
    position INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE TABLE award (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    position INTEGER NOT NULL,
    giver TEXT NOT NULL,
    description TEXT NOT NULL
);
CREATE TABLE akip_evaluation (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    score TEXT NOT NULL,
    predicate TEXT NOT NULL,
    perencanaan TEXT,
    pengukuran TEXT,
    pelaporan TEXT,
    evaluasi TEXT,
    evaluator TEXT NOT NULL,
    indicator_code TEXT,
    note TEXT NOT NULL,
    UNIQUE (office_id, year)
);
CREATE TABLE akip_recommendation (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    evaluation_year INTEGER NOT NULL,
    followup_year INTEGER NOT NULL,
    position INTEGER NOT NULL,
    recommendation TEXT NOT NULL,
    follow_up TEXT NOT NULL
);
CREATE TABLE benchmark (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    indicator_code TEXT NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    source TEXT NOT NULL,
    benchmark_year INTEGER NOT NULL,
    satuan TEXT NOT NULL,
    target TEXT,
    realisasi TEXT,
    note TEXT NOT NULL
);
CREATE TABLE umkm_upgrade (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    position INTEGER NOT NULL,
    owner TEXT NOT NULL,
    address TEXT NOT NULL,
    business TEXT NOT NULL,
    phone TEXT NOT NULL,
    from_class TEXT NOT NULL,
    to_class TEXT NOT NULL,
    annual_sales_sen INTEGER,
    capital_sen INTEGER
);
CREATE TABLE report_table (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    table_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    title TEXT NOT NULL,
    source TEXT NOT NULL,
    note TEXT NOT NULL,
    UNIQUE (office_id, year, table_id)
);
