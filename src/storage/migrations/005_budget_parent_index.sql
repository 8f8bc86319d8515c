-- Schema 5: an index on the parent of a budget line. SQLite looks up the children of a deleted
-- line (ON DELETE CASCADE) by (office_id, year, parent_kode); without this index every removal
-- scans the year's lines, and undoing an import of 2000 new lines took a second.
CREATE INDEX budget_line_parent ON budget_line(office_id, year, parent_kode);
