-- Schema 9: budgets as other offices print them (issue 14). A budget line's funding source and
-- spending type (codes of `domain::FundingSource` and `domain::SpendingType`), the single
-- "alokasi" of a report with no murni/perubahan split, the physical progress in percent (exact
-- decimal text, as printed) and the sisa anggaran as printed. Existing lines are APBD programme
-- lines without the new figures.
ALTER TABLE budget_line ADD COLUMN source TEXT NOT NULL DEFAULT 'apbd';
ALTER TABLE budget_line ADD COLUMN spending TEXT NOT NULL DEFAULT 'program';
ALTER TABLE budget_line ADD COLUMN alokasi_sen INTEGER;
ALTER TABLE budget_line ADD COLUMN fisik_pct TEXT;
ALTER TABLE budget_line ADD COLUMN sisa_sen INTEGER;
