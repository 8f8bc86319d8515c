-- Schema 8: the report's text. Each section of a year's LKIP (its key as in
-- `domain::SectionKey::key`, `kata-pengantar`, `iku:IKU1:kendala`) holds the office's text with
-- its figure references; one row per office, year and section.
CREATE TABLE narrative_section (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    section TEXT NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (office_id, year, section)
);
