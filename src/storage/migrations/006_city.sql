-- Schema 6: the city view sums the top-level budget lines (programs) of every office per year.
-- A partial index holding exactly those rows and their amounts lets the sums read the index
-- alone, however many sub-kegiatan lines the offices have.
CREATE INDEX budget_line_top ON budget_line(year, office_id, pagu_murni_sen, pagu_perubahan_sen, realisasi_sen)
    WHERE parent_kode IS NULL;
