-- Schema 13 (issue 14): how an indicator's yearly figures make the Renstra period's — 'level'
-- (the latest year's figure is the period's) or 'sum' (the years add up). Existing indicators
-- are levels, which is how every figure was computed before.
ALTER TABLE indicator ADD COLUMN period_rule TEXT NOT NULL DEFAULT 'level';
