-- Schema 11: the city's totals count each top-level line as the office's own totals do (issue
-- 14): its single alokasi, its funding source and spending type, and, for a programme printed
-- without amounts, its kegiatan (found through `budget_line_parent` by its kode). The partial
-- index of the top-level lines holds those columns too, so the sums still read the index alone
-- and not a table row per line.
DROP INDEX budget_line_top;
CREATE INDEX budget_line_top ON budget_line(year, office_id, spending, source, kode, pagu_murni_sen,
    pagu_perubahan_sen, alokasi_sen, realisasi_sen)
    WHERE parent_kode IS NULL;
