//! The domain's operations ([`Op`]) as rows: each operation is expanded, inside the change's
//! transaction, into the row-level edits it takes — including every row that depends on a
//! removed record — and each of those is written with its audit row. The expanded edits are
//! returned ([`Applied`]) so that undo writes their exact inverse and redo writes them again.
//!
//! This is the one place that knows what depends on what: removing an indicator removes what is
//! its own and clears what refers to it; removing a tujuan, sasaran, budget line or asset line
//! that still has something under it is refused with a message saying what to do first, because
//! what hangs under it is the user's to move or remove.

use super::dataset::stored;
use super::edit::{key_in, rows_where, Batch, EditError, Field, FieldEdit, Sql, SqlRow, Table, Value};
use super::sql::args;
use super::Store;
use crate::calc::rules::Rule;
use crate::domain::*;
use crate::entity::Entity;
use crate::format::Lang;

/// The row-level edits a change was written as, in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    edits: Vec<FieldEdit>,
}

impl Applied {
    pub fn is_empty(&self) -> bool {
        self.edits.is_empty()
    }
    /// How many fields or rows were written.
    pub fn len(&self) -> usize {
        self.edits.len()
    }
    /// Each written field or row as `record field` (as in the audit trail), in order.
    pub fn records(&self) -> Vec<String> {
        self.edits.iter().map(|e| format!("{} {}", e.field.record(), e.field.name())).collect()
    }
}

fn text(s: &str) -> Sql {
    Sql::Text(s.to_string())
}

fn int(v: i64) -> Sql {
    Sql::Integer(v)
}

type Row = Vec<(&'static str, Sql)>;

/// A record as a whole row of its table: its declared columns, stored as the store stores them.
fn row_of<E: Entity>(record: &E) -> Row {
    E::COLUMNS.iter().map(|c| c.sql).zip(record.to_cells().into_iter().map(stored)).collect()
}

fn row_value(row: Row) -> Value {
    Value::Row(row.into_iter().map(|(c, v)| (c.to_string(), v)).collect())
}

fn value_of(row: Option<Row>) -> Value {
    row.map_or(Value::Null, row_value)
}

fn key_text(key: &[Sql]) -> String {
    key.iter().map(audit).collect::<Vec<_>>().join(":")
}

/// A row added (`old` none), replaced or removed (`new` none).
fn put_row(table: Table, key: Vec<Sql>, old: Option<Row>, new: Option<Row>) -> FieldEdit {
    FieldEdit { field: Field::Row { table, key }, old: value_of(old), new: value_of(new) }
}

/// [`put_row`] of records into their table, under the key read from their rows; `old` and
/// `new` under different keys are refused.
fn put<E: Entity>(old: Option<&E>, new: Option<&E>) -> Result<FieldEdit, EditError> {
    let table = Table::of::<E>()?;
    let (old, new) = (old.map(row_of), new.map(row_of));
    let key_of = |row: &Option<Row>| row.as_ref().map(|r| key_in(table.key_columns(), r));
    let key = match (key_of(&old), key_of(&new)) {
        (Some(o), Some(n)) if o != n => return Err(mismatch(&format!("{} / {}", key_text(&o), key_text(&n)))),
        (Some(k), _) | (None, Some(k)) => k,
        (None, None) => Vec::new(),
    };
    Ok(put_row(table, key, old, new))
}

/// One column edit per column in which `new` differs from `old`; the key columns must agree,
/// and the stored record must be `old` as a whole (a form filled from older data is refused).
fn diff<E: Entity>(batch: &Batch, old: &E, new: &E) -> Result<Vec<FieldEdit>, EditError> {
    let table = Table::of::<E>()?;
    let (old, new) = (row_of(old), row_of(new));
    let key = key_in(table.key_columns(), &old);
    batch.expect(&Field::Row { table, key: key.clone() }, &row_value(old.clone()), &row_value(new.clone()))?;
    column_edits(table, key, old, new)
}

/// One column edit per column in which `new` differs from `old`; the key columns must agree.
fn column_edits(table: Table, key: Vec<Sql>, old: Row, new: Row) -> Result<Vec<FieldEdit>, EditError> {
    let mut edits = Vec::new();
    for ((column, o), (_, n)) in old.into_iter().zip(new) {
        if o == n {
            continue;
        }
        if table.key_columns().contains(&column) {
            return Err(mismatch(&format!("{column}: {} / {}", audit(&o), audit(&n))));
        }
        edits.push(FieldEdit {
            field: Field::Column { table, key: key.clone(), column },
            old: Value::Sql(o),
            new: Value::Sql(n),
        });
    }
    Ok(edits)
}

fn audit(v: &Sql) -> String {
    Value::Sql(v.clone()).audit_text()
}

/// An operation whose old and new records are not the same record (a caller's mistake).
fn mismatch(what: &str) -> EditError {
    EditError::refused(
        format!("Perubahan tidak sah: rekaman lama dan baru berbeda kunci ({what}); tidak ada yang disimpan."),
        format!("Invalid change: the old and new records have different keys ({what}); nothing was saved."),
    )
}

/// The Rencana Aksi of an indicator in a quarter as its record.
fn quarter_record(indicator: &str, year: Year, quarter: i64, f: QuarterFigures) -> QuarterProgress {
    QuarterProgress { indicator: indicator.to_string(), year, quarter, target: f.target, realisasi: f.realisasi }
}

/// A quarter's figures as their row; none when both are empty (the row exists while it has a
/// figure).
fn quarter_row(indicator: &str, year: Year, quarter: i64, f: QuarterFigures) -> Option<Row> {
    (!f.is_empty()).then(|| row_of(&quarter_record(indicator, year, quarter, f)))
}

/// A setting as its row: settings are no entity (see `Table::Setting`).
fn setting_row(key: &str, value: &str) -> Row {
    vec![("key", text(key)), ("value", text(value))]
}

/// How many rows the query counts.
fn count(batch: &Batch, sql: &str, args: &[Sql]) -> Result<i64, EditError> {
    let mut params = vec![int(batch.office)];
    params.extend(args.iter().cloned());
    Ok(batch.tx.query_row(sql, &params, |r| r.get(0))?)
}

/// Row deletions of every row of `table` that meets `condition`, read now.
fn remove_rows(batch: &Batch, table: Table, condition: &str, args: &[Sql]) -> Result<Vec<FieldEdit>, EditError> {
    Ok(rows_where(&batch.tx, batch.office, table, condition, args)?
        .into_iter()
        .map(|(key, row)| FieldEdit { field: Field::Row { table, key }, old: Value::Row(row), new: Value::Null })
        .collect())
}

fn value_field(value: IndicatorValue, indicator: &str, year: Year) -> Field {
    let (indicator, year) = (indicator.to_string(), year);
    match value {
        IndicatorValue::RenstraTarget => Field::Target { indicator, year },
        IndicatorValue::AgreementTarget => Field::AgreementTarget { indicator, year },
        IndicatorValue::Realisation => Field::Realisation { indicator, year },
    }
}

fn value_table(value: IndicatorValue) -> Table {
    match value {
        IndicatorValue::RenstraTarget => Table::Target,
        IndicatorValue::AgreementTarget => Table::Agreement,
        IndicatorValue::Realisation => Table::Realisation,
    }
}

/// The row-level edits of one operation, read against the database as it is inside the change
/// (after the change's earlier operations).
fn expand(batch: &Batch, op: &Op) -> Result<Vec<FieldEdit>, EditError> {
    Ok(match op {
        Op::SetValue { value, indicator, year, old, new } => vec![FieldEdit {
            field: value_field(*value, indicator, *year),
            old: old.map_or(Value::Null, Value::Dec),
            new: Value::Dec(*new),
        }],
        Op::RemoveValue { value, indicator, year, old } => {
            let field = value_field(*value, indicator, *year);
            let found = batch.current(&field)?;
            if !batch.rebase && !matches!(found, Value::Dec(d) if d == *old) {
                return Err(batch.conflict(
                    field.record(),
                    field.name(),
                    old.to_string(),
                    found.audit_text(),
                    String::new(),
                ));
            }
            // The whole row goes, so that undo brings back its note and upper bound too.
            remove_rows(
                batch,
                value_table(*value),
                "indicator_code = ?2 AND year = ?3",
                &[text(indicator), int(*year as i64)],
            )?
        }
        Op::AddRenstraTarget(t) => vec![put(None, Some(t))?],
        Op::AddAgreementTarget(t) => vec![put(None, Some(t))?],
        Op::SetBudgetAmount { year, kode, column, old, new } => {
            if new.is_some() {
                check_single_pagu(batch, *year, kode, *column)?;
            }
            vec![FieldEdit {
                field: Field::BudgetAmount { year: *year, kode: kode.clone(), column: *column },
                old: old.map_or(Value::Null, Value::Money),
                new: new.map_or(Value::Null, Value::Money),
            }]
        }
        Op::SetBudgetFisik { year, kode, old, new } => {
            if let Some(v) = new.filter(|v| !crate::calc::rules::fisik_ok(*v)) {
                return Err(line_refusal(*year, kode, &Rule::FisikOutOfRange(v)));
            }
            let dec = |d: &Option<rust_decimal::Decimal>| Value::Sql(d.map_or(Sql::Null, |d| text(&d.to_string())));
            vec![FieldEdit {
                field: Field::Column { table: Table::BudgetLine, key: budget_key(*year, kode), column: "fisik_pct" },
                old: dec(old),
                new: dec(new),
            }]
        }
        Op::SetBudgetClass { year, kode, old, new } => budget_class(batch, *year, kode, *old, *new)?,
        Op::SetBaseline { old, new } => {
            if let Some(b) = new {
                if let Some((_, rule)) = crate::calc::rules::baseline_rules(b).first() {
                    let (id, en) = (crate::text::rule(rule, Lang::Id), crate::text::rule(rule, Lang::En));
                    let code = &b.indicator;
                    return Err(EditError::refused(
                        format!("Kondisi awal dan target akhir {code}: {id}; tidak ada yang disimpan."),
                        format!("Baseline and end target of {code}: {en}; nothing was saved."),
                    ));
                }
            }
            if old.is_none() && new.is_none() {
                Vec::new()
            } else {
                vec![put(old.as_ref(), new.as_ref())?]
            }
        }
        Op::SetBands { period, old, new } => set_bands(batch, period, old, new)?,
        Op::RenameBudgetLine { year, kode, old, new } => vec![FieldEdit {
            field: Field::BudgetName { year: *year, kode: kode.clone() },
            old: Value::Text(old.clone()),
            new: Value::Text(new.clone()),
        }],
        Op::AddBudgetLine(line) => vec![FieldEdit {
            field: Field::BudgetLine { year: line.year, kode: line.kode.clone() },
            old: Value::Null,
            new: Value::Line(line.clone()),
        }],
        Op::RemoveBudgetLine(line) => remove_budget_line(batch, line)?,
        Op::SetBudgetQuarter { year, kode, quarter, old, new } => {
            let record = |realisasi| BudgetQuarter { year: *year, kode: kode.clone(), quarter: *quarter, realisasi };
            // The key is the quarter's, whatever its amount (also when neither side has one).
            let key = key_in(Table::BudgetQuarter.key_columns(), &row_of(&record(Money::ZERO)));
            let row = |m: &Option<Money>| m.map(|m| row_of(&record(m)));
            vec![put_row(Table::BudgetQuarter, key, row(old), row(new))]
        }
        Op::SetQuarter { indicator, year, quarter, old, new } => {
            let empty = quarter_record(indicator, *year, *quarter, QuarterFigures::default());
            let key = key_in(Table::Quarter.key_columns(), &row_of(&empty));
            let row = |f: &QuarterFigures| quarter_row(indicator, *year, *quarter, *f);
            vec![put_row(Table::Quarter, key, row(old), row(new))]
        }
        Op::SetRawFigure { old, new } => vec![put(old.as_ref(), new.as_ref())?],
        Op::AddNote(n) => vec![put(None, Some(n))?],
        Op::RemoveNote(n) => vec![put(Some(n), None)?],
        Op::SetStaffCount { old, new } => vec![put(old.as_ref(), new.as_ref())?],
        Op::UpdateAsset { old, new } => diff(batch, old.as_ref(), new.as_ref())?,
        Op::AddAsset(a) => vec![put(None, Some(a.as_ref()))?],
        Op::RemoveAsset(a) => {
            let items = count(
                batch,
                "SELECT count(*) FROM asset_item WHERE office_id = ?1 AND year = ?2 AND parent_code = ?3",
                &[int(a.year as i64), text(&a.code)],
            )?;
            if items > 0 {
                return Err(EditError::refused(
                    format!("Aset {} {} masih punya {items} rincian; hapus rinciannya lebih dulu.", a.code, a.name),
                    format!("Asset {} {} still has {items} items under it; remove them first.", a.code, a.name),
                ));
            }
            vec![put(Some(a.as_ref()), None)?]
        }
        Op::SetSetting { key, old, new } => {
            let row = |value: &str| setting_row(key, value);
            vec![put_row(Table::Setting, vec![text(key)], old.as_deref().map(row), Some(row(new)))]
        }
        Op::RemoveSetting { key, old } => {
            vec![put_row(Table::Setting, vec![text(key)], Some(setting_row(key, old)), None)]
        }
        Op::AddPeriod(p) => vec![put(None, Some(p))?],
        Op::AddMisi(m) => vec![put(None, Some(m))?],
        Op::UpdateMisi { old, new } => diff(batch, old, new)?,
        Op::RemoveMisi(m) => {
            let under = count(
                batch,
                "SELECT (SELECT count(*) FROM tujuan WHERE office_id = ?1 AND misi_code = ?2)
                      + (SELECT count(*) FROM sasaran WHERE office_id = ?1 AND misi_code = ?2)",
                &[text(&m.code)],
            )?;
            if under > 0 {
                return Err(EditError::refused(
                    format!(
                        "Misi {} masih punya {under} tujuan atau sasaran; pindahkan atau hapus lebih dulu.",
                        m.code
                    ),
                    format!("Misi {} still has {under} tujuan or sasaran; move or remove them first.", m.code),
                ));
            }
            vec![put(Some(m), None)?]
        }
        Op::AddTujuan(t) => vec![put(None, Some(t))?],
        Op::UpdateTujuan { old, new } => diff(batch, old, new)?,
        Op::RemoveTujuan(t) => {
            let under = count(
                batch,
                "SELECT (SELECT count(*) FROM sasaran WHERE office_id = ?1 AND tujuan_code = ?2)
                      + (SELECT count(*) FROM indicator WHERE office_id = ?1 AND level = 'tujuan' AND parent_code = ?2)",
                &[text(&t.code)],
            )?;
            if under > 0 {
                return Err(EditError::refused(
                    format!(
                        "Tujuan {} masih punya {under} sasaran atau indikator; pindahkan atau hapus lebih dulu.",
                        t.code
                    ),
                    format!("Tujuan {} still has {under} sasaran or indicators; move or remove them first.", t.code),
                ));
            }
            vec![put(Some(t), None)?]
        }
        Op::AddSasaran(s) => {
            one_parent(s)?;
            vec![put(None, Some(s))?]
        }
        Op::UpdateSasaran { old, new } => {
            one_parent(new)?;
            diff(batch, old, new)?
        }
        Op::RemoveSasaran(s) => {
            let under = count(
                batch,
                "SELECT count(*) FROM indicator WHERE office_id = ?1 AND level = 'sasaran' AND parent_code = ?2",
                &[text(&s.code)],
            )?;
            if under > 0 {
                return Err(EditError::refused(
                    format!("Sasaran {} masih punya {under} indikator; pindahkan atau hapus lebih dulu.", s.code),
                    format!("Sasaran {} still has {under} indicators; move or remove them first.", s.code),
                ));
            }
            // The figures printed about it go with it (the import refuses a figure about nothing).
            let subject = [text(&format!("sasaran:{}", s.code))];
            let mut edits = remove_rows(batch, Table::PrintedFigure, "subject = ?2", &subject)?;
            edits.push(put(Some(s), None)?);
            edits
        }
        Op::AddIndicator(i) => vec![put(None, Some(i.as_ref()))?],
        Op::UpdateIndicator { old, new } => diff(batch, old.as_ref(), new.as_ref())?,
        Op::RemoveIndicator(i) => remove_indicator(batch, i)?,
        Op::SetNarrative { year, section, old, new } => {
            let record = |t: &str| NarrativeSection { year: *year, section: section.key(), text: t.to_string() };
            // The key is the section's, whatever its text (also when neither side has one).
            let key = key_in(Table::Narrative.key_columns(), &row_of(&record("")));
            match (old, new) {
                // A new text for a written section: the text alone, so that the section's
                // history shows it as its text going from one version to the next.
                (Some(o), Some(n)) => vec![FieldEdit {
                    field: Field::Column { table: Table::Narrative, key, column: "text" },
                    old: Value::Sql(text(o)),
                    new: Value::Sql(text(n)),
                }],
                _ => {
                    let row = |t: &Option<String>| t.as_deref().map(|t| row_of(&record(t)));
                    vec![put_row(Table::Narrative, key, row(old), row(new))]
                }
            }
        }
    })
}

/// A sasaran names its tujuan or its misi, never both or neither (as the import requires).
fn one_parent(s: &Sasaran) -> Result<(), EditError> {
    if s.tujuan.is_some() == s.misi.is_some() {
        return Err(EditError::refused(
            format!("Sasaran {} harus berada di bawah satu tujuan atau satu misi.", s.code),
            format!("Sasaran {} must hang under one tujuan or one misi.", s.code),
        ));
    }
    Ok(())
}

/// The key of a budget line.
fn budget_key(year: Year, kode: &str) -> Vec<Sql> {
    vec![int(i64::from(year)), text(kode)]
}

/// A budget line's change refused by a rule, with the line named.
fn line_refusal(year: Year, kode: &str, rule: &Rule) -> EditError {
    let (id, en) = (crate::text::rule(rule, Lang::Id), crate::text::rule(rule, Lang::En));
    EditError::refused(
        format!("Baris anggaran {kode} ({year}): {id}; tidak ada yang disimpan."),
        format!("Budget line {kode} ({year}): {en}; nothing was saved."),
    )
}

/// A line with an alokasi has no pagu murni or perubahan, as the import requires: setting one
/// while the line holds the other (at this point of the change) is refused. A form that
/// replaces one by the other empties first.
fn check_single_pagu(batch: &Batch, year: Year, kode: &str, column: BudgetColumn) -> Result<(), EditError> {
    let holds = |c: BudgetColumn| -> Result<bool, EditError> {
        let field = Field::BudgetAmount { year, kode: kode.to_string(), column: c };
        Ok(!matches!(batch.current(&field)?, Value::Null))
    };
    let clash = match column {
        BudgetColumn::Alokasi => holds(BudgetColumn::PaguMurni)? || holds(BudgetColumn::PaguPerubahan)?,
        c if c.is_split_pagu() => holds(BudgetColumn::Alokasi)?,
        _ => false,
    };
    if clash {
        return Err(line_refusal(year, kode, &Rule::AlokasiWithPagu));
    }
    Ok(())
}

/// The source and spending type of a top-level line and of every line under it, which share
/// them (the import refuses a line whose class differs from its parent's).
fn budget_class(
    batch: &Batch,
    year: Year,
    kode: &str,
    old: BudgetClass,
    new: BudgetClass,
) -> Result<Vec<FieldEdit>, EditError> {
    let key = args![batch.office, i64::from(year), kode];
    let parent: Option<Option<String>> = batch.tx.query_opt(
        "SELECT parent_kode FROM budget_line WHERE office_id = ?1 AND year = ?2 AND kode = ?3",
        &key,
        |r| r.get(0),
    )?;
    if let Some(Some(_)) = parent {
        let top: String = batch.tx.query_row(
            "WITH RECURSIVE up(kode, parent_kode) AS (
                 SELECT kode, parent_kode FROM budget_line WHERE office_id = ?1 AND year = ?2 AND kode = ?3
                 UNION ALL SELECT b.kode, b.parent_kode FROM budget_line b JOIN up ON b.kode = up.parent_kode
                 WHERE b.office_id = ?1 AND b.year = ?2)
             SELECT kode FROM up WHERE parent_kode IS NULL",
            &key,
            |r| r.get(0),
        )?;
        return Err(line_refusal(year, kode, &Rule::ClassOnChild { kode: kode.to_string(), top }));
    }
    // The line and everything under it, the line first; a line that is not there gives no
    // kode, and its edit below is refused as a conflict.
    // The cast gives the server the type of a parameter that is only selected.
    let lines: Vec<String> = batch.tx.query_map(
        "WITH RECURSIVE down(kode) AS (
             SELECT CAST(?3 AS TEXT) UNION ALL SELECT b.kode FROM budget_line b JOIN down ON b.parent_kode = down.kode
             WHERE b.office_id = ?1 AND b.year = ?2)
         SELECT kode FROM down",
        &key,
        |r| r.get(0),
    )?;
    let mut edits = Vec::new();
    for line in lines {
        let key = budget_key(year, &line);
        let column = |column: &'static str, o: &str, n: &str| FieldEdit {
            field: Field::Column { table: Table::BudgetLine, key: key.clone(), column },
            old: Value::Sql(text(o)),
            new: Value::Sql(text(n)),
        };
        if old.source != new.source {
            edits.push(column("source", old.source.code(), new.source.code()));
        }
        if old.spending != new.spending {
            edits.push(column("spending", old.spending.code(), new.spending.code()));
        }
    }
    Ok(edits)
}

/// A period's whole achievement scale replaced: every stored band removed as it is expected to
/// be, the new ones added. Refused when the new scale breaks a rule, or when the period holds
/// another number of bands than `old` (another window changed the scale).
fn set_bands(
    batch: &Batch,
    period: &str,
    old: &[AchievementBand],
    new: &[AchievementBand],
) -> Result<Vec<FieldEdit>, EditError> {
    let mut ordered: Vec<&AchievementBand> = new.iter().collect();
    ordered.sort_by_key(|b| b.position);
    let foreign = new.iter().chain(old).find(|b| b.period != period);
    if let Some(b) = foreign {
        return Err(mismatch(&format!("{period} / {}", b.period)));
    }
    if let Some((i, rule)) = crate::calc::rules::whole_scale_rules(&ordered).first() {
        let (id, en) = (crate::text::rule(rule, Lang::Id), crate::text::rule(rule, Lang::En));
        let code = &ordered[*i].code;
        return Err(EditError::refused(
            format!("Kategori capaian '{code}' periode {period}: {id}; tidak ada yang disimpan."),
            format!("Achievement band '{code}' of period {period}: {en}; nothing was saved."),
        ));
    }
    let stored = count(
        batch,
        "SELECT count(*) FROM achievement_band WHERE office_id = ?1 AND period_code = ?2",
        &[text(period)],
    )?;
    if !batch.rebase && stored != old.len() as i64 {
        return Err(batch.conflict(
            format!("achievement_band:{period}"),
            "baris",
            old.len().to_string(),
            stored.to_string(),
            new.len().to_string(),
        ));
    }
    let mut edits = Vec::new();
    for b in old {
        edits.push(put(Some(b), None)?);
    }
    for b in new {
        edits.push(put(None, Some(b))?);
    }
    Ok(edits)
}

/// An indicator and everything of its own; links to it from records that stay are cleared.
/// Whether a text's figure references name indicator `code` (`indicator:CODE`, the programmes
/// supporting it, its programme indicators). A text that does not parse names nothing here: the
/// import refuses such a text, so none is stored.
fn mentions_indicator(text: &str, code: &str) -> bool {
    use crate::calc::narrative::{parse, Segment, Target};
    let Ok(segments) = parse(text) else { return false };
    segments.iter().any(|s| match s {
        Segment::Ref(r) => match &r.target {
            Target::Figure { subject, .. } => subject.split_once(':').is_some_and(|(kind, key)| {
                key == code && matches!(kind, "indicator" | "support" | "program_indicators")
            }),
            _ => false,
        },
        Segment::Text(_) => false,
    })
}

fn remove_indicator(batch: &Batch, ind: &Indicator) -> Result<Vec<FieldEdit>, EditError> {
    let code = [text(&ind.code)];
    let mut edits = Vec::new();
    // An indicator that follows this one keeps its data; only its link goes (undo restores it).
    for (key, _) in
        rows_where(&batch.tx, batch.office, Table::Indicator, "predecessor_code = ?2 AND code <> ?2", &code)?
    {
        edits.push(FieldEdit {
            field: Field::Column { table: Table::Indicator, key, column: "predecessor_code" },
            old: Value::Sql(text(&ind.code)),
            new: Value::Sql(Sql::Null),
        });
    }
    for (key, _) in rows_where(&batch.tx, batch.office, Table::AkipEvaluation, "indicator_code = ?2", &code)? {
        edits.push(FieldEdit {
            field: Field::Column { table: Table::AkipEvaluation, key, column: "indicator_code" },
            old: Value::Sql(text(&ind.code)),
            new: Value::Sql(Sql::Null),
        });
    }
    // The figures printed about it, about its benchmarks (by their year and position) and in
    // its tables named by their stable names (`iku-analisis:CODE`) go with it: the import
    // refuses a printed figure about nothing, or in a table that is not there. Each row once,
    // whichever of these it is.
    let subjects: Vec<String> =
        ["indicator", "support", "program_indicators"].iter().map(|k| format!("{k}:{}", ind.code)).collect();
    let benchmarks: Vec<(Sql, String)> =
        rows_where(&batch.tx, batch.office, Table::Benchmark, "indicator_code = ?2", &code)?
            .into_iter()
            .filter_map(|(_, row)| {
                let value = |name: &str| row.iter().find(|(c, _)| c == name).map(|(_, v)| v.clone());
                match (value("year"), value("position")) {
                    (Some(year), Some(Sql::Integer(position))) => Some((year, format!("benchmark:{position}"))),
                    _ => None,
                }
            })
            .collect();
    let in_its_table = format!(":{}", ind.code.to_ascii_lowercase());
    let about_it_or_in_its_table = |row: &SqlRow| {
        let value = |name: &str| row.iter().find(|(c, _)| c == name).map(|(_, v)| v.clone());
        let Some(Sql::Text(subject)) = value("subject") else { return false };
        let table = match value("table_id") {
            Some(Sql::Text(t)) => t.to_ascii_lowercase(),
            _ => String::new(),
        };
        subjects.contains(&subject)
            || benchmarks.iter().any(|(y, b)| *b == subject && value("year").as_ref() == Some(y))
            || (crate::calc::layout::is_table_name(&table) && table.ends_with(&in_its_table))
    };
    for (key, row) in rows_where(&batch.tx, batch.office, Table::PrintedFigure, "1 = 1", &[])? {
        if about_it_or_in_its_table(&row) {
            edits.push(FieldEdit {
                field: Field::Row { table: Table::PrintedFigure, key },
                old: Value::Row(row),
                new: Value::Null,
            });
        }
    }
    for table in [
        Table::Target,
        Table::Agreement,
        Table::Realisation,
        Table::Quarter,
        Table::RawFigure,
        Table::ProgramSupport,
        Table::Benchmark,
    ] {
        edits.extend(remove_rows(batch, table, "indicator_code = ?2", &code)?);
    }
    edits.extend(remove_rows(batch, Table::Note, "subject = ?2", &[text(&format!("indicator:{}", ind.code))])?);
    let about_it = |row: &Value| match row {
        Value::Row(cols) => cols.iter().any(|(c, v)| {
            c == "kind" && matches!(v, Sql::Text(k) if TableKind::from_code(k).is_some_and(TableKind::needs_indicator))
        }),
        _ => false,
    };
    edits.extend(remove_rows(batch, Table::Report, "subject = ?2", &code)?.into_iter().filter(|e| about_it(&e.old)));
    // Its analysis in the report's text (Bab III B), every part of it, in every year.
    let sections: Vec<Sql> =
        IkuPart::ALL.iter().map(|&part| text(&SectionKey::Iku { indicator: ind.code.clone(), part }.key())).collect();
    let marks: Vec<String> = (2..sections.len() + 2).map(|i| format!("?{i}")).collect();
    let own = format!("section IN ({})", marks.join(", "));
    // Another section's text that shows one of its figures would be left pointing at nothing
    // (and the dataset would no longer import): the planner edits that text first. A removal
    // made from older data is refused as such when it is written, not here.
    let removal = put(Some(ind), None)?;
    let stored = rows_where(&batch.tx, batch.office, Table::Indicator, "code = ?2", &code)?;
    let current = stored.first().is_some_and(|(_, row)| super::edit::same(&Value::Row(row.clone()), &removal.old));
    let mentioned: Vec<String> = if !current {
        Vec::new()
    } else {
        rows_where(&batch.tx, batch.office, Table::Narrative, &format!("NOT ({own})"), &sections)?
            .into_iter()
            .filter(|(_, row)| {
                row.iter().any(|(c, v)| c == "text" && matches!(v, Sql::Text(t) if mentions_indicator(t, &ind.code)))
            })
            .filter_map(|(_, row)| {
                let value = |name: &str| row.iter().find(|(c, _)| c == name).map(|(_, v)| v.clone());
                match (value("year"), value("section")) {
                    (Some(Sql::Integer(y)), Some(Sql::Text(section))) => Some(format!("{section} ({y})")),
                    _ => None,
                }
            })
            .collect()
    };
    if !mentioned.is_empty() {
        let list = mentioned.join(", ");
        return Err(EditError::refused(
            format!(
                "Indikator {} disebut dalam teks laporan: {list}; hapus atau ganti rujukannya lebih dulu.",
                ind.code
            ),
            format!(
                "Indicator {} is referred to in the report's text: {list}; remove or change those references first.",
                ind.code
            ),
        ));
    }
    edits.extend(remove_rows(batch, Table::Narrative, &own, &sections)?);
    edits.push(removal);
    Ok(edits)
}

/// A budget line with its quarterly realisation; refused while something hangs under it.
fn remove_budget_line(batch: &Batch, line: &BudgetLine) -> Result<Vec<FieldEdit>, EditError> {
    let (year, kode) = (int(line.year as i64), text(&line.kode));
    let children = count(
        batch,
        "SELECT count(*) FROM budget_line WHERE office_id = ?1 AND year = ?2 AND parent_kode = ?3",
        &[year.clone(), kode.clone()],
    )?;
    if children > 0 {
        return Err(EditError::refused(
            format!(
                "Baris anggaran {} ({}) masih punya {children} rincian; hapus rinciannya lebih dulu.",
                line.kode, line.year
            ),
            format!("Budget line {} ({}) still has {children} sub-lines; remove them first.", line.kode, line.year),
        ));
    }
    if line.level == BudgetLevel::Program {
        // Indicators, program support and the agreement name a program by kode, whatever the
        // year: only the program's last line cannot go while they do.
        let others = count(
            batch,
            "SELECT count(*) FROM budget_line WHERE office_id = ?1 AND kode = ?2 AND level = 'program' AND year <> ?3",
            &[kode.clone(), year.clone()],
        )?;
        let referring = count(
            batch,
            "SELECT (SELECT count(*) FROM indicator WHERE office_id = ?1 AND level = 'program' AND parent_code = ?2)
                  + (SELECT count(*) FROM program_support WHERE office_id = ?1 AND program_kode = ?2)
                  + (SELECT count(*) FROM agreement_program WHERE office_id = ?1 AND program_kode = ?2)",
            std::slice::from_ref(&kode),
        )?;
        if others == 0 && referring > 0 {
            return Err(EditError::refused(
                format!(
                    "Program {} masih dirujuk oleh {referring} indikator program, dukungan program atau program Perjanjian Kinerja; hapus rujukannya lebih dulu.",
                    line.kode
                ),
                format!(
                    "Programme {} is still referred to by {referring} programme indicators, programme support or agreement programmes; remove those first.",
                    line.kode
                ),
            ));
        }
    }
    let mut edits = remove_rows(batch, Table::BudgetQuarter, "year = ?2 AND kode = ?3", &[year.clone(), kode.clone()])?;
    // The figures printed about the line that year go with it (the import refuses a figure
    // about a line its year does not have).
    let subject = text(&format!("budget:{}", line.kode));
    edits.extend(remove_rows(batch, Table::PrintedFigure, "year = ?2 AND subject = ?3", &[year.clone(), subject])?);
    edits.push(put(Some(line), None)?);
    Ok(edits)
}

/// How many times a change is tried when the server stops it for another writer's (a
/// serialization failure or a deadlock, see [`super::sql::DbError::is_retryable`]).
const ATTEMPTS: u32 = 10;

/// Whether the server stopped the change for another writer's, so that it may be run again.
fn retryable(e: &EditError) -> bool {
    matches!(e, EditError::Storage(super::StorageError::Db(db)) if db.is_retryable())
}

/// A short wait before trying again, growing with the attempt, at random within it so that
/// two writers that collided do not collide again at the same moment.
fn back_off(attempt: u32) {
    use std::hash::BuildHasher;
    let ceiling_ms = (4u64 << attempt.min(6)).min(200);
    // `RandomState` is seeded at random per instance: randomness enough for a jitter.
    let jitter = std::collections::hash_map::RandomState::new().hash_one(attempt) % ceiling_ms;
    std::thread::sleep(std::time::Duration::from_millis(ceiling_ms / 2 + jitter / 2));
}

impl Store {
    /// Writes one change: `edits_of` writes it in a [`Batch`] and returns the edits written.
    /// A change the server stops for another writer's is run again from the start, re-reading
    /// everything; a conflict comes back with the same change written over the other writer's
    /// values (worked out in a transaction that is rolled back), for the user to choose.
    fn write_change(
        &mut self,
        office: i64,
        user: &str,
        action: &str,
        description: &str,
        edits_of: impl Fn(&Batch) -> Result<Vec<FieldEdit>, EditError>,
    ) -> Result<Applied, EditError> {
        // After a conflict, the change is run once more over what is there (`rebase`), only to
        // learn its edits: that run is rolled back, and is retried like any other.
        let mut conflict: Option<EditError> = None;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let rebase = conflict.is_some();
            let result = self.batch(office, user, action, description).and_then(|mut batch| {
                batch.rebase = rebase;
                let edits = edits_of(&batch)?;
                if !rebase {
                    batch.commit()?;
                }
                Ok(Applied { edits })
            });
            conflict = match (result, conflict) {
                (Err(e), conflict) if retryable(&e) && attempt < ATTEMPTS => {
                    back_off(attempt);
                    conflict
                }
                (Err(e @ EditError::Conflict(_)), None) => Some(e),
                (Ok(applied), Some(EditError::Conflict(mut c))) => {
                    c.rebased = Some(applied);
                    return Err(EditError::Conflict(c));
                }
                // The change cannot be written over what is there: the conflict as it is.
                (_, Some(conflict)) => return Err(conflict),
                (result, None) => return result,
            };
        }
    }

    /// Writes `change` in one transaction: each operation expanded into rows (dependents
    /// included), each written with its audit row (action `ubah`). Nothing is written when any
    /// record does not hold what its operation expects, or an operation is refused.
    pub fn apply_change(&mut self, office: i64, change: &Change, user: &str) -> Result<Applied, EditError> {
        self.write_change(office, user, "ubah", &change.description, |batch| {
            let mut edits = Vec::new();
            for op in &change.ops {
                for e in expand(batch, op)? {
                    edits.push(batch.write(&e)?);
                }
            }
            Ok(edits)
        })
    }

    /// Writes a change over another writer's values on purpose: the `rebased` edits of a
    /// conflict (action `ubah`). Each field must still hold what the other writer left, so a
    /// third writer in the meantime is a conflict again.
    pub fn write_over(
        &mut self,
        office: i64,
        rebased: &Applied,
        user: &str,
        description: &str,
    ) -> Result<Applied, EditError> {
        self.write_change(office, user, "ubah", description, |batch| {
            rebased.edits.iter().map(|e| batch.write(e)).collect()
        })
    }

    /// Writes the exact inverse of an applied change, last edit first (action `batal`).
    pub fn undo_change(
        &mut self,
        office: i64,
        applied: &Applied,
        user: &str,
        description: &str,
    ) -> Result<(), EditError> {
        self.write_change(office, user, "batal", description, |batch| {
            applied.edits.iter().rev().map(|e| batch.write(&e.inverse())).collect()
        })
        .map(|_| ())
    }

    /// Writes an applied change again after its undo (action `ulang`).
    pub fn redo_change(
        &mut self,
        office: i64,
        applied: &Applied,
        user: &str,
        description: &str,
    ) -> Result<(), EditError> {
        self.write_change(office, user, "ulang", description, |batch| {
            applied.edits.iter().map(|e| batch.write(e)).collect()
        })
        .map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn only_changed_columns_are_written_and_another_key_is_refused() {
        let old = Tujuan { period: "P".into(), code: "T1".into(), position: 1, name: "Lama".into(), misi: None };
        let new = Tujuan { name: "Baru".into(), ..old.clone() };
        let edits = column_edits(Table::Tujuan, vec![text("T1")], row_of(&old), row_of(&new)).unwrap();
        assert_eq!(edits.len(), 1);
        assert_eq!(edits[0].field.name(), "name");
        assert_eq!((edits[0].old.audit_text(), edits[0].new.audit_text()), ("Lama".into(), "Baru".into()));
        let other = Tujuan { code: "T2".into(), ..old.clone() };
        assert!(matches!(
            column_edits(Table::Tujuan, vec![text("T1")], row_of(&old), row_of(&other)),
            Err(EditError::Refused { .. })
        ));
    }

    #[test]
    fn an_empty_quarter_is_no_row() {
        assert!(quarter_row("IKU1", 2025, 1, QuarterFigures::default()).is_none());
        let f = QuarterFigures { target: None, realisasi: Some(Decimal::from(3)) };
        let row = quarter_row("IKU1", 2025, 1, f).unwrap();
        assert_eq!(row[3], ("target", Sql::Null));
        assert_eq!(row[4], ("realisasi", text("3")));
    }

    /// Setting a quarter from nothing to nothing writes nothing but its audit row, found by the
    /// quarter's key even though neither side is a row (other quarters of the office exist).
    #[test]
    fn a_quarter_with_nothing_on_either_side_is_known_by_its_key() {
        let mut store = Store::open_in_memory().expect("a new database");
        let d = crate::embedded::dataset().expect("the embedded dataset is valid");
        let office = store.save_dataset(&d).expect("saved");
        let line = d.budget_lines.first().expect("the embedded budget");
        let (year, kode) = (line.year, line.kode.clone());
        let three = QuarterFigures { target: None, realisasi: Some(Decimal::from(3)) };
        let empty = QuarterFigures::default();
        let first = Change {
            description: "Triwulan I".into(),
            ops: vec![
                Op::SetQuarter { indicator: "IKU1".into(), year: 2024, quarter: 1, old: empty, new: three },
                Op::SetBudgetQuarter { year, kode: kode.clone(), quarter: 1, old: None, new: Some(Money::ZERO) },
            ],
        };
        store.apply_change(office, &first, "Siti").expect("written");
        let nothing = Change {
            description: "Triwulan II".into(),
            ops: vec![
                Op::SetQuarter { indicator: "IKU1".into(), year: 2024, quarter: 2, old: empty, new: empty },
                Op::SetBudgetQuarter { year, kode: kode.clone(), quarter: 2, old: None, new: None },
            ],
        };
        let applied = store.apply_change(office, &nothing, "Siti").expect("nothing to conflict with");
        assert_eq!(
            applied.records(),
            ["quarter_progress:IKU1:2024:2 baris".to_string(), format!("budget_quarter:{year}:{kode}:2 baris")]
        );
        let after = store.load_dataset(office).expect("loaded");
        assert_eq!((after.quarters.len(), after.budget_quarters.len()), (1, 1));
    }
}
