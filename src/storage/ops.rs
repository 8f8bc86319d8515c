//! The domain's operations ([`Op`]) as rows: each operation is expanded, inside the change's
//! transaction, into the row-level edits it takes — including every row that depends on a
//! removed record — and each of those is written with its audit row. The expanded edits are
//! returned ([`Applied`]) so that undo writes their exact inverse and redo writes them again.
//!
//! This is the one place that knows what depends on what: removing an indicator removes what is
//! its own and clears what refers to it; removing a tujuan, sasaran, budget line or asset line
//! that still has something under it is refused with a message saying what to do first, because
//! what hangs under it is the user's to move or remove.

use super::edit::{rows_where, Batch, EditError, Field, FieldEdit, Sql, Table, Value};
use super::Store;
use crate::domain::*;
use rust_decimal::Decimal;

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

fn dec(d: Decimal) -> Sql {
    Sql::Text(d.to_string())
}

fn opt_dec(d: Option<Decimal>) -> Sql {
    d.map_or(Sql::Null, dec)
}

fn opt_text(s: &Option<String>) -> Sql {
    s.as_deref().map_or(Sql::Null, text)
}

fn opt_sen(m: Option<Money>) -> Sql {
    m.map_or(Sql::Null, |m| int(m.to_sen()))
}

type Row = Vec<(&'static str, Sql)>;

fn row_value(row: Row) -> Value {
    Value::Row(row.into_iter().map(|(c, v)| (c.to_string(), v)).collect())
}

fn value_of(row: Option<Row>) -> Value {
    row.map_or(Value::Null, row_value)
}

/// A row added (`old` none), replaced or removed (`new` none).
fn put(table: Table, key: Vec<Sql>, old: Option<Row>, new: Option<Row>) -> FieldEdit {
    FieldEdit { field: Field::Row { table, key }, old: value_of(old), new: value_of(new) }
}

/// One column edit per column in which `new` differs from `old`; the key columns must agree,
/// and the stored record must be `old` as a whole (a form filled from older data is refused).
fn diff(batch: &Batch, table: Table, key: Vec<Sql>, old: Row, new: Row) -> Result<Vec<FieldEdit>, EditError> {
    batch.expect(&Field::Row { table, key: key.clone() }, &row_value(old.clone()))?;
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

fn indicator_row(i: &Indicator) -> Row {
    vec![
        ("code", text(&i.code)),
        ("period_code", text(&i.period)),
        ("level", text(i.level.code())),
        ("parent_code", opt_text(&i.parent)),
        ("position", int(i.position)),
        ("name", text(&i.name)),
        ("satuan", text(&i.satuan)),
        ("polarity", text(i.polarity.code())),
        ("capaian_rule", text(i.capaian_rule.code())),
        ("formula", text(i.formula.code())),
        ("formula_text", text(&i.formula_text)),
        ("definition", text(&i.definition)),
        ("alasan", text(&i.alasan)),
        ("data_source", text(&i.data_source)),
        ("responsible", text(&i.responsible)),
        ("iku", int(i.iku as i64)),
        ("predecessor_code", opt_text(&i.predecessor)),
        ("comparable", int(i.comparable as i64)),
        ("note", text(&i.note)),
        ("quarter_rule", text(i.quarter_rule.code())),
    ]
}

fn tujuan_row(t: &Tujuan) -> Row {
    vec![
        ("code", text(&t.code)),
        ("period_code", text(&t.period)),
        ("position", int(t.position)),
        ("name", text(&t.name)),
    ]
}

fn sasaran_row(s: &Sasaran) -> Row {
    vec![
        ("code", text(&s.code)),
        ("tujuan_code", text(&s.tujuan)),
        ("position", int(s.position)),
        ("name", text(&s.name)),
    ]
}

fn period_row(p: &RenstraPeriod) -> Row {
    vec![
        ("code", text(&p.code)),
        ("start_year", int(p.start_year as i64)),
        ("end_year", int(p.end_year as i64)),
        ("name", text(&p.name)),
        ("basis", text(&p.basis)),
    ]
}

fn target_row(indicator: &str, year: Year, v: &TargetValue, note: &str) -> Row {
    vec![
        ("indicator_code", text(indicator)),
        ("year", int(year as i64)),
        ("target", dec(v.target)),
        ("target_high", opt_dec(v.target_high)),
        ("note", text(note)),
    ]
}

fn quarter_row(indicator: &str, year: Year, quarter: i64, f: QuarterFigures) -> Option<Row> {
    (!f.is_empty()).then(|| {
        vec![
            ("indicator_code", text(indicator)),
            ("year", int(year as i64)),
            ("quarter", int(quarter)),
            ("target", opt_dec(f.target)),
            ("realisasi", opt_dec(f.realisasi)),
        ]
    })
}

fn budget_line_row(l: &BudgetLine) -> Row {
    vec![
        ("year", int(l.year as i64)),
        ("kode", text(&l.kode)),
        ("parent_kode", opt_text(&l.parent)),
        ("level", text(l.level.code())),
        ("position", int(l.position)),
        ("name", text(&l.name)),
        ("pagu_murni_sen", opt_sen(l.pagu_murni)),
        ("pagu_perubahan_sen", opt_sen(l.pagu_perubahan)),
        ("realisasi_sen", opt_sen(l.realisasi)),
        ("note", text(&l.note)),
    ]
}

fn budget_quarter_row(year: Year, kode: &str, quarter: i64, m: Money) -> Row {
    vec![
        ("year", int(year as i64)),
        ("kode", text(kode)),
        ("quarter", int(quarter)),
        ("realisasi_sen", int(m.to_sen())),
    ]
}

fn raw_key(r: &RawFigure) -> Vec<Sql> {
    vec![text(&r.indicator), int(r.year as i64), text(r.role.code())]
}

fn raw_row(r: &RawFigure) -> Row {
    vec![
        ("indicator_code", text(&r.indicator)),
        ("year", int(r.year as i64)),
        ("role", text(r.role.code())),
        ("value", dec(r.value)),
        ("label", text(&r.label)),
        ("note", text(&r.note)),
    ]
}

fn note_key(n: &Note) -> Vec<Sql> {
    vec![int(n.year as i64), text(&n.subject), text(&n.kind), int(n.position)]
}

fn note_row(n: &Note) -> Row {
    vec![
        ("year", int(n.year as i64)),
        ("subject", text(&n.subject)),
        ("kind", text(&n.kind)),
        ("position", int(n.position)),
        ("text", text(&n.text)),
    ]
}

fn staff_key(s: &StaffCount) -> Vec<Sql> {
    vec![int(s.year as i64), text(&s.education), text(s.status.code())]
}

fn staff_row(s: &StaffCount) -> Row {
    vec![
        ("year", int(s.year as i64)),
        ("education", text(&s.education)),
        ("status", text(s.status.code())),
        ("position", int(s.position)),
        ("count", int(s.count)),
    ]
}

fn asset_key(a: &AssetItem) -> Vec<Sql> {
    vec![int(a.year as i64), text(&a.code)]
}

fn asset_row(a: &AssetItem) -> Row {
    vec![
        ("year", int(a.year as i64)),
        ("code", text(&a.code)),
        ("parent_code", opt_text(&a.parent)),
        ("position", int(a.position)),
        ("label", text(&a.label)),
        ("name", text(&a.name)),
        ("count", a.count.map_or(Sql::Null, int)),
        ("value_sen", opt_sen(a.value)),
        ("note", text(&a.note)),
    ]
}

fn setting_row(key: &str, value: &str) -> Row {
    vec![("key", text(key)), ("value", text(value))]
}

/// The key shared by `old` and `new` (at least one given); a mismatch is refused.
fn same_key<T>(old: &Option<T>, new: &Option<T>, key: impl Fn(&T) -> Vec<Sql>) -> Result<Vec<Sql>, EditError> {
    match (old, new) {
        (Some(o), Some(n)) if key(o) != key(n) => {
            Err(mismatch(&format!("{} / {}", key(o).iter().map(audit).collect::<Vec<_>>().join(":"), {
                key(n).iter().map(audit).collect::<Vec<_>>().join(":")
            })))
        }
        (Some(o), _) => Ok(key(o)),
        (None, Some(n)) => Ok(key(n)),
        (None, None) => Ok(Vec::new()),
    }
}

/// How many rows the query counts.
fn count(batch: &Batch, sql: &str, args: &[Sql]) -> Result<i64, EditError> {
    let mut params = vec![int(batch.office)];
    params.extend(args.iter().cloned());
    Ok(batch.tx.query_row(sql, rusqlite::params_from_iter(params), |r| r.get(0))?)
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
            if !matches!(found, Value::Dec(d) if d == *old) {
                return Err(EditError::Conflict {
                    record: field.record(),
                    field: field.name().into(),
                    expected: old.to_string(),
                    found: found.audit_text(),
                });
            }
            // The whole row goes, so that undo brings back its note and upper bound too.
            remove_rows(
                batch,
                value_table(*value),
                "indicator_code = ?2 AND year = ?3",
                &[text(indicator), int(*year as i64)],
            )?
        }
        Op::AddRenstraTarget(t) => vec![put(
            Table::Target,
            vec![text(&t.indicator), int(t.year as i64)],
            None,
            Some(target_row(&t.indicator, t.year, &t.value, &t.note)),
        )],
        Op::AddAgreementTarget(t) => vec![put(
            Table::Agreement,
            vec![text(&t.indicator), int(t.year as i64)],
            None,
            Some(target_row(&t.indicator, t.year, &t.value, &t.note)),
        )],
        Op::SetBudgetAmount { year, kode, column, old, new } => vec![FieldEdit {
            field: Field::BudgetAmount { year: *year, kode: kode.clone(), column: *column },
            old: old.map_or(Value::Null, Value::Money),
            new: new.map_or(Value::Null, Value::Money),
        }],
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
            let row = |m: &Option<Money>| m.map(|m| budget_quarter_row(*year, kode, *quarter, m));
            vec![put(Table::BudgetQuarter, vec![int(*year as i64), text(kode), int(*quarter)], row(old), row(new))]
        }
        Op::SetQuarter { indicator, year, quarter, old, new } => vec![put(
            Table::Quarter,
            vec![text(indicator), int(*year as i64), int(*quarter)],
            quarter_row(indicator, *year, *quarter, *old),
            quarter_row(indicator, *year, *quarter, *new),
        )],
        Op::SetRawFigure { old, new } => {
            let key = same_key(old, new, raw_key)?;
            vec![put(Table::RawFigure, key, old.as_ref().map(raw_row), new.as_ref().map(raw_row))]
        }
        Op::AddNote(n) => vec![put(Table::Note, note_key(n), None, Some(note_row(n)))],
        Op::RemoveNote(n) => vec![put(Table::Note, note_key(n), Some(note_row(n)), None)],
        Op::SetStaffCount { old, new } => {
            let key = same_key(old, new, staff_key)?;
            vec![put(Table::Staff, key, old.as_ref().map(staff_row), new.as_ref().map(staff_row))]
        }
        Op::UpdateAsset { old, new } => diff(batch, Table::Asset, asset_key(old), asset_row(old), asset_row(new))?,
        Op::AddAsset(a) => vec![put(Table::Asset, asset_key(a), None, Some(asset_row(a)))],
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
            vec![put(Table::Asset, asset_key(a), Some(asset_row(a)), None)]
        }
        Op::SetSetting { key, old, new } => vec![put(
            Table::Setting,
            vec![text(key)],
            old.as_deref().map(|o| setting_row(key, o)),
            Some(setting_row(key, new)),
        )],
        Op::AddPeriod(p) => vec![put(Table::Period, vec![text(&p.code)], None, Some(period_row(p)))],
        Op::AddTujuan(t) => vec![put(Table::Tujuan, vec![text(&t.code)], None, Some(tujuan_row(t)))],
        Op::UpdateTujuan { old, new } => {
            diff(batch, Table::Tujuan, vec![text(&old.code)], tujuan_row(old), tujuan_row(new))?
        }
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
            vec![put(Table::Tujuan, vec![text(&t.code)], Some(tujuan_row(t)), None)]
        }
        Op::AddSasaran(s) => vec![put(Table::Sasaran, vec![text(&s.code)], None, Some(sasaran_row(s)))],
        Op::UpdateSasaran { old, new } => {
            diff(batch, Table::Sasaran, vec![text(&old.code)], sasaran_row(old), sasaran_row(new))?
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
            vec![put(Table::Sasaran, vec![text(&s.code)], Some(sasaran_row(s)), None)]
        }
        Op::AddIndicator(i) => vec![put(Table::Indicator, vec![text(&i.code)], None, Some(indicator_row(i)))],
        Op::UpdateIndicator { old, new } => {
            diff(batch, Table::Indicator, vec![text(&old.code)], indicator_row(old), indicator_row(new))?
        }
        Op::RemoveIndicator(i) => remove_indicator(batch, i)?,
    })
}

/// An indicator and everything of its own; links to it from records that stay are cleared.
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
    edits.push(put(Table::Indicator, vec![text(&ind.code)], Some(indicator_row(ind)), None));
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
    edits.push(put(Table::BudgetLine, vec![year, kode], Some(budget_line_row(line)), None));
    Ok(edits)
}

impl Store {
    /// Writes `change` in one transaction: each operation expanded into rows (dependents
    /// included), each written with its audit row (action `ubah`). Nothing is written when any
    /// record does not hold what its operation expects, or an operation is refused.
    pub fn apply_change(&mut self, office: i64, change: &Change, user: &str) -> Result<Applied, EditError> {
        let batch = self.batch(office, user, "ubah", &change.description)?;
        let mut edits = Vec::new();
        for op in &change.ops {
            for e in expand(&batch, op)? {
                edits.push(batch.write(&e)?);
            }
        }
        batch.commit()?;
        Ok(Applied { edits })
    }

    /// Writes the exact inverse of an applied change, last edit first (action `batal`).
    pub fn undo_change(
        &mut self,
        office: i64,
        applied: &Applied,
        user: &str,
        description: &str,
    ) -> Result<(), EditError> {
        let batch = self.batch(office, user, "batal", description)?;
        for e in applied.edits.iter().rev() {
            batch.write(&e.inverse())?;
        }
        batch.commit().map(|_| ())
    }

    /// Writes an applied change again after its undo (action `ulang`).
    pub fn redo_change(
        &mut self,
        office: i64,
        applied: &Applied,
        user: &str,
        description: &str,
    ) -> Result<(), EditError> {
        let batch = self.batch(office, user, "ulang", description)?;
        for e in &applied.edits {
            batch.write(e)?;
        }
        batch.commit().map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_changed_columns_are_written_and_another_key_is_refused() {
        let old = Tujuan { period: "P".into(), code: "T1".into(), position: 1, name: "Lama".into() };
        let new = Tujuan { name: "Baru".into(), ..old.clone() };
        let edits = column_edits(Table::Tujuan, vec![text("T1")], tujuan_row(&old), tujuan_row(&new)).unwrap();
        assert_eq!(edits.len(), 1);
        assert_eq!(edits[0].field.name(), "name");
        assert_eq!((edits[0].old.audit_text(), edits[0].new.audit_text()), ("Lama".into(), "Baru".into()));
        let other = Tujuan { code: "T2".into(), ..old.clone() };
        assert!(matches!(
            column_edits(Table::Tujuan, vec![text("T1")], tujuan_row(&old), tujuan_row(&other)),
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
}
