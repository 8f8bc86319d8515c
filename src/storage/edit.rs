//! Row-level edits with their inverse, applied in one transaction together with their audit
//! trail: what the domain's operations ([`crate::domain::Op`], expanded in `ops.rs`) become, and
//! what undo and redo write again. An edit states the value it expects to replace; if the
//! database holds something else (another window changed it), nothing is written.
//!
//! Private to the store: nothing outside `storage` names a table, a column or an SQL value.

use super::dataset::{from_row as record_from, insert_sql, stored};
use super::sql::{self, args, Db, DbResult, Tx};
use super::{StorageError, Store};
use crate::domain::*;
use crate::entity::{same as same_column, Column, Entity, Kind};
use rust_decimal::Decimal;
use std::str::FromStr;

/// A value of an edited field; `Null` for "no value" (a row that does not exist, an empty
/// amount).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    Null,
    Dec(Decimal),
    Money(Money),
    Text(String),
    Line(Box<BudgetLine>),
    /// A plain SQL value (generic column edits).
    Sql(Sql),
    /// A whole row: column name and value, key columns included.
    Row(Vec<(String, Sql)>),
}

impl Value {
    /// The value as written in the audit trail.
    pub(crate) fn audit_text(&self) -> String {
        match self {
            Value::Null => String::new(),
            Value::Dec(d) => d.to_string(),
            Value::Money(m) => m.to_string(),
            Value::Text(t) => t.clone(),
            Value::Sql(v) => sql_text(v),
            // The row id only keeps a restored row in its place; the record names the row.
            Value::Row(cols) => row_text(cols.iter().map(|(c, v)| (c.as_str(), v.clone()))),
            // A whole budget line is written like every other whole row: its columns as stored.
            Value::Line(l) => {
                row_text(BudgetLine::COLUMNS.iter().map(|c| c.sql).zip(l.to_cells().into_iter().map(stored)))
            }
        }
    }
    fn money(&self) -> Option<Money> {
        match self {
            Value::Money(m) => Some(*m),
            _ => None,
        }
    }
}

/// A whole row as the audit trail stores it: `column=value` joined by `; `, without the row id.
fn row_text<'a>(cols: impl Iterator<Item = (&'a str, Sql)>) -> String {
    cols.filter(|(c, _)| *c != "id").map(|(c, v)| format!("{c}={}", sql_text(&v))).collect::<Vec<_>>().join("; ")
}

/// Which field of which record.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Field {
    /// A Renstra target of an indicator in a year (the row exists while it has a value).
    Target { indicator: String, year: Year },
    /// A performance-agreement target.
    AgreementTarget { indicator: String, year: Year },
    /// A recorded realisation.
    Realisation { indicator: String, year: Year },
    /// An amount of a budget line: `pagu_murni`, `pagu_perubahan` or `realisasi`.
    BudgetAmount { year: Year, kode: String, column: BudgetColumn },
    /// The name of a budget line.
    BudgetName { year: Year, kode: String },
    /// A whole budget line (added or removed).
    BudgetLine { year: Year, kode: String },
    /// One column of a row of a plan table, found by its key.
    Column { table: Table, key: Vec<Sql>, column: &'static str },
    /// A whole row of a plan table (added or removed); the value is [`Value::Row`].
    Row { table: Table, key: Vec<Sql> },
}

/// A plain SQL value of a generic row edit.
pub(crate) type Sql = sql::Value;

/// A whole row: column name and value.
pub(crate) type SqlRow = Vec<(String, Sql)>;

/// The tables that generic row edits may touch, with their key columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Table {
    Period,
    Misi,
    Tujuan,
    Sasaran,
    Indicator,
    Target,
    Agreement,
    RawFigure,
    Note,
    Staff,
    Asset,
    ProgramSupport,
    Quarter,
    BudgetQuarter,
    Setting,
    Realisation,
    Benchmark,
    Report,
    AkipEvaluation,
    BudgetLine,
    Narrative,
    Baseline,
    Band,
    PrintedFigure,
}

/// What the edit path knows of a table: its SQL name, its columns, the key that finds a row of
/// an office, the columns a column edit may write, and whether rows carry a row id.
#[derive(Clone, Copy, Debug)]
struct Shape {
    sql: &'static str,
    columns: &'static [Column],
    key: &'static [&'static str],
    /// Columns a user may change (the declaration's `EDITABLE`).
    editable: &'static [&'static str],
    /// Columns that refer to a record elsewhere, which storage itself clears when that record is
    /// removed (see `ops.rs`), whether or not a user may edit them.
    links: &'static [&'static str],
    row_id: bool,
}

/// The shape of the table an entity is stored in, from its declaration.
const fn declared<E: Entity>() -> Shape {
    Shape { sql: E::TABLE, columns: E::COLUMNS, key: E::KEY, editable: E::EDITABLE, links: &[], row_id: true }
}

/// The office's settings: not an entity of a dataset (they are not in the interchange files),
/// so not declared in `entity`; a name and its value, found by the name, without a row id
/// (they load by name).
const SETTING: Shape = Shape {
    sql: "office_setting",
    columns: &[same_column("key", Kind::Required), same_column("value", Kind::Text)],
    key: &["key"],
    editable: &["value"],
    links: &[],
    row_id: false,
};

impl Table {
    /// Every table.
    const ALL: [Table; 24] = [
        Table::Period,
        Table::Misi,
        Table::Tujuan,
        Table::Sasaran,
        Table::Indicator,
        Table::Target,
        Table::Agreement,
        Table::RawFigure,
        Table::Note,
        Table::Staff,
        Table::Asset,
        Table::ProgramSupport,
        Table::Quarter,
        Table::BudgetQuarter,
        Table::Setting,
        Table::Realisation,
        Table::Benchmark,
        Table::Report,
        Table::AkipEvaluation,
        Table::BudgetLine,
        Table::Narrative,
        Table::Baseline,
        Table::Band,
        Table::PrintedFigure,
    ];

    /// The table's entity declaration; what the declarations do not say is here, explicit.
    fn shape(self) -> Shape {
        match self {
            Table::Period => declared::<RenstraPeriod>(),
            Table::Misi => declared::<Misi>(),
            Table::Tujuan => declared::<Tujuan>(),
            Table::Sasaran => declared::<Sasaran>(),
            // Removing an indicator clears the link of the indicator that follows it.
            Table::Indicator => Shape { links: &["predecessor_code"], ..declared::<Indicator>() },
            Table::Target => declared::<Target>(),
            Table::Agreement => declared::<AgreementTarget>(),
            Table::RawFigure => declared::<RawFigure>(),
            Table::Note => declared::<Note>(),
            Table::Staff => declared::<StaffCount>(),
            Table::Asset => declared::<AssetItem>(),
            Table::ProgramSupport => declared::<ProgramSupport>(),
            Table::Quarter => declared::<QuarterProgress>(),
            Table::BudgetQuarter => declared::<BudgetQuarter>(),
            Table::Setting => SETTING,
            Table::Realisation => declared::<Realisation>(),
            // Benchmarks have no natural key; the row id restores a removed one exactly.
            Table::Benchmark => Shape { key: &["id"], ..declared::<Benchmark>() },
            Table::Report => declared::<ReportTable>(),
            // Removing an indicator clears an evaluation's reference to it; nobody edits it.
            Table::AkipEvaluation => Shape { links: &["indicator_code"], ..declared::<AkipEvaluation>() },
            Table::BudgetLine => declared::<BudgetLine>(),
            Table::Narrative => declared::<NarrativeSection>(),
            Table::Baseline => declared::<RenstraBaseline>(),
            Table::Band => declared::<AchievementBand>(),
            // Only removed with the record a figure is about (`ops.rs`); nobody edits it.
            Table::PrintedFigure => declared::<PrintedFigure>(),
        }
    }
    fn sql(self) -> &'static str {
        self.shape().sql
    }
    /// The table a record of `E` is written to; an error for an entity the window does not edit
    /// (a mistake of `ops.rs`, which the tests of every operation would show).
    pub(crate) fn of<E: Entity>() -> Result<Table, EditError> {
        Table::ALL.into_iter().find(|t| t.sql() == E::TABLE).ok_or_else(|| {
            EditError::refused(
                format!("Tabel {} tidak diubah lewat jendela ini; tidak ada yang disimpan.", E::TABLE),
                format!("Table {} is not edited through the window; nothing was saved.", E::TABLE),
            )
        })
    }
    /// Key columns (after `office_id`).
    pub(crate) fn key_columns(self) -> &'static [&'static str] {
        self.shape().key
    }
    /// Whether a column edit may write `column`: a column a user may edit, or a link storage
    /// clears.
    fn writable(self, column: &str) -> bool {
        let shape = self.shape();
        shape.editable.contains(&column) || shape.links.contains(&column)
    }
    /// Every column a whole-row edit reads and writes: the declared columns and the row id, so
    /// that a removed row comes back in its place (the office's records load in id order).
    pub(crate) fn columns(self) -> Vec<&'static str> {
        let shape = self.shape();
        let mut cols: Vec<&'static str> = shape.columns.iter().map(|c| c.sql).collect();
        if shape.row_id {
            cols.push("id");
        }
        cols
    }
    /// The record's name in the audit trail: the yearly values keep the names their typed edits
    /// use (`target:IKU1:2025`), so that a record's history shows every edit of it.
    fn name(self) -> &'static str {
        match self {
            Table::Target => "target",
            Table::Agreement => "agreement",
            Table::Realisation => "realisation",
            Table::BudgetLine => "budget",
            Table::Narrative => "narrative",
            other => other.sql(),
        }
    }
}

fn sql_text(v: &Sql) -> String {
    match v {
        Sql::Null => String::new(),
        Sql::Integer(i) => i.to_string(),
        Sql::Real(f) => f.to_string(),
        Sql::Text(t) => t.clone(),
        Sql::Blob(_) => "<blob>".into(),
    }
}

/// `UPDATE table SET column = new` of the row with this key, when the column may be written;
/// the number of rows it changed.
fn set_column(db: &Db, office: i64, table: Table, key: &[Sql], column: &str, new: Sql) -> Result<usize, EditError> {
    check_writable(table, column)?;
    let base = format!("UPDATE {} SET {column} = ?{}", table.sql(), key.len() + 2);
    let (sql, mut args) = keyed(table, &base, office, key);
    args.push(new);
    Ok(db.execute(&sql, &args)?)
}

/// The column of a budget line's name.
const BUDGET_NAME: &str = "name";

/// The key of a budget line.
fn budget_key(year: Year, kode: &str) -> Vec<Sql> {
    vec![Sql::Integer(i64::from(year)), Sql::Text(kode.to_string())]
}

/// The column of a budget line's amount: the declared column whose file heading is the
/// amount's name (`pagu_murni` is stored in `pagu_murni_sen`).
fn budget_column_sql(column: BudgetColumn) -> Result<&'static str, EditError> {
    BudgetLine::COLUMNS.iter().find(|c| c.csv == column.code()).map(|c| c.sql).ok_or_else(|| {
        EditError::refused(
            format!("Baris anggaran tidak punya kolom {}; tidak ada yang disimpan.", column.code()),
            format!("A budget line has no column {}; nothing was saved.", column.code()),
        )
    })
}

impl Field {
    /// The record, as named in the audit trail (`target:IKU1:2025`).
    pub(crate) fn record(&self) -> String {
        match self {
            Field::Target { indicator, year } => format!("target:{indicator}:{year}"),
            Field::AgreementTarget { indicator, year } => format!("agreement:{indicator}:{year}"),
            Field::Realisation { indicator, year } => format!("realisation:{indicator}:{year}"),
            Field::BudgetAmount { year, kode, .. }
            | Field::BudgetName { year, kode }
            | Field::BudgetLine { year, kode } => {
                format!("budget:{year}:{kode}")
            }
            Field::Column { table, key, .. } | Field::Row { table, key } => {
                format!("{}:{}", table.name(), key.iter().map(sql_text).collect::<Vec<_>>().join(":"))
            }
        }
    }
    /// The field name in the audit trail.
    pub(crate) fn name(&self) -> &'static str {
        match self {
            Field::Target { .. } | Field::AgreementTarget { .. } => "target",
            Field::Realisation { .. } => "realisasi",
            Field::BudgetAmount { column, .. } => column.code(),
            Field::BudgetName { .. } => "name",
            Field::BudgetLine { .. } | Field::Row { .. } => "baris",
            Field::Column { column, .. } => column,
        }
    }
}

/// One field going from `old` to `new`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct FieldEdit {
    pub(crate) field: Field,
    pub(crate) old: Value,
    pub(crate) new: Value,
}

impl FieldEdit {
    pub(crate) fn inverse(&self) -> FieldEdit {
        FieldEdit { field: self.field.clone(), old: self.new.clone(), new: self.old.clone() }
    }
}

/// A change that met another writer's: `old` is what this writer expected, `theirs` what the
/// database holds now, `new` what this writer wanted; `by` names who last changed the record and
/// when, where the audit trail says. `rebased` is the same change written over theirs (see
/// [`Store::write_over`]), where it can be.
#[derive(Debug, thiserror::Error)]
#[error("{record} {field} was changed by someone else{}: was '{old}', now '{theirs}', yours '{new}'; nothing was saved", by_whom(by.as_ref(), crate::format::Lang::En))]
pub struct Conflict {
    pub record: String,
    pub field: String,
    pub old: String,
    pub theirs: String,
    pub new: String,
    pub by: Option<(String, String)>,
    pub rebased: Option<super::ops::Applied>,
}

/// Why a change was not written (nothing of it was).
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    /// Another writer changed the record after this one read it (see [`Conflict`]).
    #[error("{0}")]
    Conflict(Box<Conflict>),
    #[error("the database is open read-only")]
    ReadOnly,
    /// The change cannot be made as asked; the message (Indonesian, English) says what to do first.
    #[error("{en}")]
    Refused { id: String, en: String },
    #[error(transparent)]
    Storage(#[from] StorageError),
}

impl EditError {
    pub(crate) fn refused(id: String, en: String) -> EditError {
        EditError::Refused { id, en }
    }

    /// The message in the user's language.
    pub fn message(&self, lang: crate::format::Lang) -> String {
        use crate::format::Lang;
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (EditError::Conflict(c), Lang::Id) => format!(
                "{} {} diubah orang lain{}: semula '{}', sekarang '{}', isian Anda '{}'; tidak ada yang disimpan",
                c.record,
                c.field,
                by_whom(c.by.as_ref(), Lang::Id),
                c.old,
                c.theirs,
                c.new
            ),
            (EditError::ReadOnly, Lang::Id) => "Basis data dibuka hanya-baca".into(),
            (EditError::Refused { id, .. }, Lang::Id) => id.clone(),
            (EditError::Storage(e), Lang::Id) => e.message_id(),
        }
    }
}

/// ` (Budi, 2026-12-01 10:00:00 UTC)`: who last changed a record and when, or nothing.
fn by_whom(by: Option<&(String, String)>, lang: crate::format::Lang) -> String {
    match (by, lang) {
        (None, _) => String::new(),
        (Some((user, at)), crate::format::Lang::Id) => format!(" ({user}, pada {at})"),
        (Some((user, at)), crate::format::Lang::En) => format!(" ({user}, at {at})"),
    }
}

impl From<super::sql::DbError> for EditError {
    fn from(e: super::sql::DbError) -> Self {
        EditError::Storage(StorageError::Db(e))
    }
}

/// A write of a row the change expected to find that changed no row: the row was changed or
/// removed in the meantime, or a server policy hides it from this user. The change must not be
/// reported as written.
fn not_written(field: &Field) -> EditError {
    let (record, name) = (field.record(), field.name());
    EditError::refused(
        format!(
            "{record} {name} tidak dapat ditulis: barisnya telah diubah di tempat lain atau tidak boleh Anda ubah; tidak ada yang disimpan."
        ),
        format!("{record} {name} could not be written: its row changed elsewhere or is not yours to change; nothing was saved."),
    )
}

/// Refuses (see [`not_written`]) a write that was to change a row and changed none.
fn changed_row(rows: usize, field: &Field) -> Result<(), EditError> {
    if rows == 0 {
        Err(not_written(field))
    } else {
        Ok(())
    }
}

/// One line of the audit trail.
#[derive(Clone, Debug, PartialEq)]
pub struct AuditEntry {
    pub change_id: i64,
    pub at: String,
    pub user: String,
    pub action: String,
    pub description: String,
    pub record: String,
    pub field: String,
    pub old: String,
    pub new: String,
}

/// The table, column and key of a yearly value of an indicator.
fn value_table(field: &Field) -> Option<(Table, &'static str, Vec<Sql>)> {
    let key = |indicator: &str, year: Year| vec![Sql::Text(indicator.to_string()), Sql::Integer(i64::from(year))];
    match field {
        Field::Target { indicator, year } => Some((Table::Target, "target", key(indicator, *year))),
        Field::AgreementTarget { indicator, year } => Some((Table::Agreement, "target", key(indicator, *year))),
        Field::Realisation { indicator, year } => Some((Table::Realisation, "realisasi", key(indicator, *year))),
        _ => None,
    }
}

/// A new yearly value as its record (no upper bound, an empty note), inserted.
fn insert_value(db: &Db, office: i64, field: &Field, value: Decimal) -> DbResult<()> {
    let target = TargetValue { target: value, target_high: None };
    match field {
        Field::Target { indicator, year } => insert_record(
            db,
            office,
            &Target { indicator: indicator.clone(), year: *year, value: target, note: String::new() },
        ),
        Field::AgreementTarget { indicator, year } => insert_record(
            db,
            office,
            &AgreementTarget { indicator: indicator.clone(), year: *year, value: target, note: String::new() },
        ),
        Field::Realisation { indicator, year } => insert_record(
            db,
            office,
            &Realisation { indicator: indicator.clone(), year: *year, realisasi: value, note: String::new() },
        ),
        _ => Ok(()),
    }
}

/// A record of the office inserted as its row: its declared columns, stored as the store
/// stores them.
pub(super) fn insert_record<E: Entity>(db: &Db, office: i64, record: &E) -> DbResult<()> {
    super::dataset::insert_row(db, &insert_sql::<E>(), office, record)
}

/// Refuses a column a column edit may not write (see [`Table::writable`]): a mistake of the
/// caller, which the tests of every operation would show.
fn check_writable(table: Table, column: &str) -> Result<(), EditError> {
    if table.writable(column) {
        return Ok(());
    }
    let name = format!("{}.{column}", table.sql());
    Err(EditError::refused(
        format!("Kolom {name} tidak dapat diubah; tidak ada yang disimpan."),
        format!("Column {name} cannot be changed; nothing was saved."),
    ))
}

/// A yearly value as stored (exact decimal text); a text that is no number reads as none.
fn stored_decimal(v: Sql) -> Option<Decimal> {
    match v {
        Sql::Text(s) => Decimal::from_str(&s).ok(),
        _ => None,
    }
}

fn current(db: &Db, office: i64, field: &Field) -> Result<Value, EditError> {
    if let Some((table, column, key)) = value_table(field) {
        let (sql, args) = keyed(table, &format!("SELECT {column} FROM {}", table.sql()), office, &key);
        let v: Option<Sql> = db.query_opt(&sql, &args, |r| r.get(0))?;
        return Ok(v.and_then(stored_decimal).map_or(Value::Null, Value::Dec));
    }
    Ok(match field {
        Field::BudgetAmount { year, kode, column } => {
            let select = format!("SELECT {} FROM {}", budget_column_sql(*column)?, Table::BudgetLine.sql());
            let (sql, args) = keyed(Table::BudgetLine, &select, office, &budget_key(*year, kode));
            let v: Option<Option<i64>> = db.query_opt(&sql, &args, |r| r.get(0))?;
            v.flatten().map_or(Value::Null, |s| Value::Money(Money::from_sen(s)))
        }
        Field::BudgetName { year, kode } => {
            let select = format!("SELECT {BUDGET_NAME} FROM {}", Table::BudgetLine.sql());
            let (sql, args) = keyed(Table::BudgetLine, &select, office, &budget_key(*year, kode));
            let v: Option<String> = db.query_opt(&sql, &args, |r| r.get(0))?;
            v.map_or(Value::Null, Value::Text)
        }
        Field::BudgetLine { year, kode } => {
            let select = format!("SELECT {} FROM {}", BudgetLine::sql_names().join(", "), BudgetLine::TABLE);
            let (sql, args) = keyed(Table::BudgetLine, &select, office, &budget_key(*year, kode));
            let v = db.query_opt(&sql, &args, record_from::<BudgetLine>)?;
            v.map_or(Value::Null, |l| Value::Line(Box::new(l)))
        }
        Field::Column { table, key, column } => {
            let (sql, args) = keyed(*table, &format!("SELECT {column} FROM {}", table.sql()), office, key);
            let v: Option<Sql> = db.query_opt(&sql, &args, |r| r.get(0))?;
            v.map_or(Value::Null, Value::Sql)
        }
        Field::Row { table, key } => {
            let cols = table.columns();
            let (sql, args) = keyed(*table, &format!("SELECT {} FROM {}", cols.join(", "), table.sql()), office, key);
            let row = db.query_opt(&sql, &args, |r| Ok(named(&cols, r)))?;
            row.map_or(Value::Null, Value::Row)
        }
        _ => Value::Null,
    })
}

/// A row read with `cols` as its columns, by name.
fn named(cols: &[&str], row: &sql::Row) -> SqlRow {
    cols.iter().map(|c| c.to_string()).zip(row.clone().into_values()).collect()
}

/// The rows of `table` of the office that meet `condition` (written with `?2`, `?3`… for
/// `args`), each as its key and its whole row (key and writable columns), in stored order.
pub(crate) fn rows_where(
    db: &Db,
    office: i64,
    table: Table,
    condition: &str,
    args: &[Sql],
) -> DbResult<Vec<(Vec<Sql>, SqlRow)>> {
    let keys = table.key_columns();
    let cols = table.columns();
    let sql =
        format!("SELECT {} FROM {} WHERE office_id = ?1 AND ({condition}) ORDER BY id", cols.join(", "), table.sql());
    let mut params = vec![Sql::Integer(office)];
    params.extend(args.iter().cloned());
    db.query_map(&sql, &params, |r| {
        let row = named(&cols, r);
        Ok((key_in(keys, &row), row))
    })
}

/// The values of the `key` columns of a whole row, in key order (`Null` for one it lacks).
pub(crate) fn key_in<C: AsRef<str>>(key: &[&str], row: &[(C, Sql)]) -> Vec<Sql> {
    key.iter().map(|k| row.iter().find(|(c, _)| c.as_ref() == *k).map_or(Sql::Null, |(_, v)| v.clone())).collect()
}

/// `base WHERE office_id = ? AND k1 = ? AND …` with its arguments.
fn keyed(table: Table, base: &str, office: i64, key: &[Sql]) -> (String, Vec<Sql>) {
    let mut sql = format!("{base} WHERE office_id = ?1");
    for (i, k) in table.key_columns().iter().enumerate() {
        sql.push_str(&format!(" AND {k} = ?{}", i + 2));
    }
    let mut args = vec![Sql::Integer(office)];
    args.extend(key.iter().cloned());
    (sql, args)
}

/// `DELETE` of the row with this key; a row the edit expects to find (its old value is not
/// `Null`) must be the one removed.
fn delete_row(db: &Db, office: i64, table: Table, key: &[Sql], edit: &FieldEdit) -> Result<(), EditError> {
    let (sql, args) = keyed(table, &format!("DELETE FROM {}", table.sql()), office, key);
    let removed = db.execute(&sql, &args)?;
    if edit.old != Value::Null {
        changed_row(removed, &edit.field)?;
    }
    Ok(())
}

fn write(db: &Db, office: i64, edit: &FieldEdit) -> Result<(), EditError> {
    if let Some((table, column, key)) = value_table(&edit.field) {
        match (&edit.old, &edit.new) {
            (_, Value::Null) => delete_row(db, office, table, &key, edit)?,
            (Value::Null, Value::Dec(d)) => insert_value(db, office, &edit.field, *d)?,
            (_, Value::Dec(d)) => {
                changed_row(set_column(db, office, table, &key, column, Sql::Text(d.to_string()))?, &edit.field)?
            }
            _ => {}
        }
        return Ok(());
    }
    match &edit.field {
        Field::BudgetAmount { year, kode, column } => {
            let column = budget_column_sql(*column)?;
            let amount = edit.new.money().map_or(Sql::Null, |m| Sql::Integer(m.to_sen()));
            let updated = set_column(db, office, Table::BudgetLine, &budget_key(*year, kode), column, amount)?;
            changed_row(updated, &edit.field)?;
        }
        Field::BudgetName { year, kode } => {
            if let Value::Text(name) = &edit.new {
                let key = budget_key(*year, kode);
                let updated = set_column(db, office, Table::BudgetLine, &key, BUDGET_NAME, Sql::Text(name.clone()))?;
                changed_row(updated, &edit.field)?;
            }
        }
        Field::BudgetLine { year, kode } => match &edit.new {
            Value::Line(_) if edit.old != Value::Null => {
                return Err(EditError::refused(
                    format!("Baris anggaran {kode} ({year}) sudah ada; ubah isiannya saja. Tidak ada yang disimpan."),
                    format!("Budget line {kode} ({year}) already exists; edit its fields instead. Nothing was saved."),
                ));
            }
            Value::Null => delete_row(db, office, Table::BudgetLine, &budget_key(*year, kode), edit)?,
            Value::Line(l) => insert_record(db, office, l.as_ref())?,
            _ => {}
        },
        Field::Column { table, key, column } => {
            let new = match &edit.new {
                Value::Sql(v) => v.clone(),
                _ => Sql::Null,
            };
            changed_row(set_column(db, office, *table, key, column, new)?, &edit.field)?;
        }
        Field::Row { table, key } => match &edit.new {
            Value::Null => delete_row(db, office, *table, key, edit)?,
            Value::Row(cols) => {
                if edit.old != Value::Null {
                    // A row replaced by another under the same key.
                    delete_row(db, office, *table, key, edit)?;
                }
                let allowed = table.columns();
                if let Some((bad, _)) = cols.iter().find(|(c, _)| !allowed.contains(&c.as_str())) {
                    let name = format!("{}.{bad}", table.sql());
                    return Err(EditError::refused(
                        format!("Kolom {name} tidak ada; tidak ada yang disimpan."),
                        format!("There is no column {name}; nothing was saved."),
                    ));
                }
                let names: Vec<&str> = cols.iter().map(|(c, _)| c.as_str()).collect();
                let marks: Vec<String> = (0..=cols.len()).map(|i| format!("?{}", i + 1)).collect();
                let sql = format!(
                    "INSERT INTO {} (office_id, {}) VALUES ({})",
                    table.sql(),
                    names.join(", "),
                    marks.join(", ")
                );
                let mut args = vec![Sql::Integer(office)];
                args.extend(cols.iter().map(|(_, v)| v.clone()));
                db.execute(&sql, &args)?;
            }
            _ => {}
        },
        _ => {}
    }
    Ok(())
}

pub(crate) fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        // A decimal is the same number whatever its written precision (76 and 76.00).
        (Value::Dec(x), Value::Dec(y)) => x == y,
        // A whole row compares by the columns the edit names.
        (Value::Row(found), Value::Row(expected)) => {
            expected.iter().all(|(c, v)| found.iter().any(|(fc, fv)| fc == c && fv == v))
        }
        _ => a == b,
    }
}

/// The writing of one change: its transaction, its change id and what goes into each audit row.
pub(crate) struct Batch<'a> {
    pub(crate) tx: Tx<'a>,
    pub(crate) office: i64,
    change_id: i64,
    at: String,
    user: &'a str,
    action: &'a str,
    description: &'a str,
    /// Writing over whatever each field holds now (to offer after a conflict, never committed
    /// as such): no expected value is checked, each edit's old value is what is found.
    pub(crate) rebase: bool,
}

impl<'a> Batch<'a> {
    /// Writes one edit with its audit row, when the field holds what the edit expects. Returns
    /// the edit as written: a whole row's old value as it was found (with its row id), so that
    /// its inverse puts it back exactly.
    pub(crate) fn write(&self, e: &FieldEdit) -> Result<FieldEdit, EditError> {
        let found = self.expect(&e.field, &e.old, &e.new)?;
        let rebased;
        let e = if self.rebase {
            rebased = FieldEdit { old: found.clone(), ..e.clone() };
            &rebased
        } else {
            e
        };
        let written = match (&e.old, found) {
            (Value::Row(_), found @ Value::Row(_)) => FieldEdit { old: found, ..e.clone() },
            _ => e.clone(),
        };
        write(&self.tx, self.office, &written)?;
        self.tx.execute(
            "INSERT INTO audit_log (office_id, change_id, at, user_name, action, description, record, field, old_value, new_value)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            &args![
                self.office,
                self.change_id,
                self.at,
                self.user,
                self.action,
                self.description,
                e.field.record(),
                e.field.name(),
                e.old.audit_text(),
                e.new.audit_text()
            ],
        )?;
        Ok(written)
    }

    /// Refuses (a conflict) unless the field holds `expected` (it was to become `new`); when
    /// rebasing, whatever it holds is taken.
    pub(crate) fn expect(&self, field: &Field, expected: &Value, new: &Value) -> Result<Value, EditError> {
        let found = current(&self.tx, self.office, field)?;
        if self.rebase || same(&found, expected) {
            return Ok(found);
        }
        Err(self.conflict(field.record(), field.name(), expected.audit_text(), found.audit_text(), new.audit_text()))
    }

    /// A conflict on `record`: what this writer expected, what is there, what it wanted; with
    /// who last changed the record and when, as the audit trail says.
    pub(crate) fn conflict(&self, record: String, field: &str, old: String, theirs: String, new: String) -> EditError {
        // Who changed it is told where it is known; a trail that cannot be read leaves it out.
        let by = self
            .tx
            .query_opt(
                "SELECT user_name, at FROM audit_log WHERE office_id = ?1 AND record = ?2 ORDER BY id DESC LIMIT 1",
                &args![self.office, record],
                |r| Ok((r.get::<String>(0)?, r.get::<String>(1)?)),
            )
            .ok()
            .flatten();
        EditError::Conflict(Box::new(Conflict { record, field: field.into(), old, theirs, new, by, rebased: None }))
    }

    /// What the field holds now, inside the change's transaction.
    pub(crate) fn current(&self, field: &Field) -> Result<Value, EditError> {
        current(&self.tx, self.office, field)
    }

    pub(crate) fn commit(self) -> Result<i64, EditError> {
        self.tx.commit()?;
        Ok(self.change_id)
    }
}

impl Store {
    /// Starts writing a change: one serializable transaction (see [`Db::serializable`]), one
    /// `change_id` for its audit rows.
    pub(crate) fn batch<'a>(
        &'a mut self,
        office: i64,
        user: &'a str,
        action: &'a str,
        description: &'a str,
    ) -> Result<Batch<'a>, EditError> {
        if self.is_read_only() {
            return Err(EditError::ReadOnly);
        }
        let tx = self.db().serializable()?;
        let change_id: i64 =
            tx.query_row("SELECT CAST(COALESCE(MAX(change_id), 0) + 1 AS BIGINT) FROM audit_log", &[], |r| r.get(0))?;
        Ok(Batch { tx, office, change_id, at: now_text(), user, action, description, rebase: false })
    }

    /// The audit trail, newest first; `record` limits it to one record (`target:IKU1:2025`).
    pub fn audit_log(&self, office: i64, record: Option<&str>, limit: usize) -> Result<Vec<AuditEntry>, StorageError> {
        // The cast gives the server the parameter's type where it is only tested for NULL.
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let entries = self.db().query_map(
            "SELECT change_id, at, user_name, action, description, record, field, old_value, new_value FROM audit_log
             WHERE office_id = ?1 AND (CAST(?2 AS TEXT) IS NULL OR record = ?2) ORDER BY id DESC LIMIT ?3",
            &args![office, record, limit],
            |r| {
                Ok(AuditEntry {
                    change_id: r.get(0)?,
                    at: r.get(1)?,
                    user: r.get(2)?,
                    action: r.get(3)?,
                    description: r.get(4)?,
                    record: r.get(5)?,
                    field: r.get(6)?,
                    old: r.get(7)?,
                    new: r.get(8)?,
                })
            },
        )?;
        Ok(entries)
    }
}

/// The current UTC time as `YYYY-MM-DD HH:MM:SS`, from the system clock.
pub fn now_text() -> String {
    let secs =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0) as i64;
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + if month <= 2 { 1 } else { 0 };
    format!("{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02} UTC", rem / 3600, rem % 3600 / 60, rem % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::{each_part, Part, PartVisitor};

    /// The SQL columns and key of the entity stored in a table, found by the table's name among
    /// the declarations (not through `Table::shape`).
    fn declaration_of(table: &str) -> Option<(Vec<&'static str>, &'static [&'static str], &'static [&'static str])> {
        struct Find<'a>(&'a str, Option<(Vec<&'static str>, &'static [&'static str], &'static [&'static str])>);
        impl PartVisitor for Find<'_> {
            type Error = std::convert::Infallible;
            fn visit<P: Part>(&mut self) -> Result<(), Self::Error> {
                if P::TABLE == self.0 {
                    self.1 = Some((P::sql_names(), P::KEY, P::EDITABLE));
                }
                Ok(())
            }
        }
        let mut find = Find(table, None);
        let Ok(()) = each_part(&mut find);
        find.1
    }

    #[test]
    fn a_conflict_says_old_theirs_and_yours_in_that_order_and_who_changed_it() {
        let conflict = |by: Option<(String, String)>| {
            EditError::Conflict(Box::new(Conflict {
                record: "target:IKU1:2025".into(),
                field: "target".into(),
                old: "76".into(),
                theirs: "80".into(),
                new: "76.25".into(),
                by,
                rebased: None,
            }))
        };
        let anonymous = conflict(None);
        assert_eq!(
            anonymous.message(crate::format::Lang::Id),
            "target:IKU1:2025 target diubah orang lain: semula '76', sekarang '80', isian Anda '76.25'; tidak ada yang disimpan"
        );
        assert_eq!(
            anonymous.message(crate::format::Lang::En),
            "target:IKU1:2025 target was changed by someone else: was '76', now '80', yours '76.25'; nothing was saved"
        );
        let named = conflict(Some(("Budi".into(), "2026-12-01 10:00:00 UTC".into())));
        assert!(named.message(crate::format::Lang::Id).starts_with(
            "target:IKU1:2025 target diubah orang lain (Budi, pada 2026-12-01 10:00:00 UTC): semula '76'"
        ));
        assert!(named.message(crate::format::Lang::En).starts_with(
            "target:IKU1:2025 target was changed by someone else (Budi, at 2026-12-01 10:00:00 UTC): was"
        ));
    }

    #[test]
    fn a_whole_budget_line_is_audited_like_every_other_whole_row() {
        let line = BudgetLine {
            pagu_murni: Some(Money::from_sen(150_000_000)),
            realisasi: Some(Money::from_sen(12_345)),
            ..BudgetLine::new(2024, "1.01.02", Some("1.01"), BudgetLevel::Kegiatan, 3, "Penyusunan Dokumen")
        };
        // The columns of `budget_line` in their declared order, money as stored (sen), an
        // absent amount empty, exactly as `Value::Row` writes a row: no words of one language.
        assert_eq!(
            Value::Line(Box::new(line)).audit_text(),
            "year=2024; kode=1.01.02; parent_kode=1.01; level=kegiatan; position=3; name=Penyusunan Dokumen; \
             pagu_murni_sen=150000000; pagu_perubahan_sen=; realisasi_sen=12345; note=; source=apbd; \
             spending=program; alokasi_sen=; fisik_pct=; sisa_sen="
        );
    }

    #[test]
    fn every_table_reads_and_writes_its_entitys_columns() {
        let mut seen = Vec::new();
        for table in Table::ALL {
            assert!(!seen.contains(&table.sql()), "{} twice", table.sql());
            seen.push(table.sql());
            if table == Table::Setting {
                // Not an entity: its name and value, no row id.
                assert_eq!(table.columns(), ["key", "value"]);
                assert_eq!(table.key_columns(), ["key"]);
                continue;
            }
            let (columns, key, _) = declaration_of(table.sql()).unwrap_or_else(|| panic!("{table:?}: no entity"));
            let mut whole_row = columns;
            whole_row.push("id");
            assert_eq!(table.columns(), whole_row, "{table:?}");
            if table == Table::Benchmark {
                // Known by its row id: benchmarks have no natural key.
                assert_eq!(table.key_columns(), ["id"]);
            } else {
                assert_eq!(table.key_columns(), key, "{table:?}");
            }
        }
    }

    #[test]
    fn the_column_whitelist_is_the_editable_columns_and_the_cleared_links() {
        for table in Table::ALL {
            let shape = table.shape();
            let columns = table.columns();
            for c in shape.editable.iter().chain(shape.links) {
                assert!(columns.contains(c), "{table:?}: {c} is not a column");
                assert!(!table.key_columns().contains(c) && *c != "id", "{table:?}: {c} is part of the key");
                assert!(table.writable(c), "{table:?}: {c}");
            }
            let declared_editable = declaration_of(table.sql()).map_or(&[][..], |(_, _, editable)| editable);
            for c in columns {
                let expected = declared_editable.contains(&c)
                    || shape.links.contains(&c)
                    || (table == Table::Setting && c == "value");
                assert_eq!(table.writable(c), expected, "{table:?}.{c}");
            }
        }
        // What storage clears when an indicator goes, whether a user may edit it or not.
        assert!(Table::Indicator.writable("predecessor_code"));
        assert!(Table::AkipEvaluation.writable("indicator_code"));
        assert!(!Table::AkipEvaluation.writable("score"));
        assert!(!Table::Realisation.writable("note"));
        assert!(!Table::Indicator.writable("code"));
    }

    #[test]
    fn a_record_is_written_to_its_entitys_table() {
        assert!(matches!(Table::of::<Target>(), Ok(Table::Target)));
        assert!(matches!(Table::of::<AgreementTarget>(), Ok(Table::Agreement)));
        assert!(matches!(Table::of::<QuarterProgress>(), Ok(Table::Quarter)));
        assert!(matches!(Table::of::<Benchmark>(), Ok(Table::Benchmark)));
        // Awards are not edited in the window.
        assert!(Table::of::<Award>().is_err());
    }

    #[test]
    fn every_budget_amount_is_an_editable_column_of_the_budget_line() {
        let columns: Vec<&str> = BudgetColumn::ALL.iter().map(|c| budget_column_sql(*c).expect("declared")).collect();
        assert_eq!(columns, ["pagu_murni_sen", "pagu_perubahan_sen", "realisasi_sen", "alokasi_sen", "sisa_sen"]);
        assert!(columns.iter().all(|c| Table::BudgetLine.writable(c)));
        assert!(Table::BudgetLine.writable(BUDGET_NAME));
    }

    #[test]
    fn a_column_outside_the_whitelist_is_not_written() {
        let mut store = Store::open_in_memory().expect("a new database");
        let d = crate::embedded::dataset().expect("the embedded dataset is valid");
        let office = store.save_dataset(&d).expect("saved");
        let score = d.akip_evaluations.iter().find(|e| e.year == 2023).expect("the embedded AKIP 2023").score;
        let batch = store.batch(office, "Siti", "ubah", "skor").expect("a batch");
        let edit = FieldEdit {
            field: Field::Column { table: Table::AkipEvaluation, key: vec![Sql::Integer(2023)], column: "score" },
            old: Value::Sql(Sql::Text(score.to_string())),
            new: Value::Sql(Sql::Text("99".into())),
        };
        let r = batch.write(&edit);
        assert!(
            matches!(&r, Err(EditError::Refused { id, en }) if en.contains("akip_evaluation.score") && id.contains("akip_evaluation.score")),
            "{r:?}"
        );
        drop(batch);
        let after = store.load_dataset(office).expect("loaded");
        assert_eq!(after.akip_evaluations, d.akip_evaluations);
        assert!(store.audit_log(office, None, 10).expect("read").is_empty());
    }
}
