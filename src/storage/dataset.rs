//! Saving and loading a whole office dataset, derived from the entity declarations
//! ([`crate::entity`]): one `INSERT` and one `SELECT` per entity, made from its columns.

use super::sql::{args, Db, DbError, DbResult, Row, Value};
use super::{Result, StorageError, Store};
use crate::domain::*;
use crate::entity::{each_part, Cell, Column, Entity, Kind, Part, PartVisitor};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::str::FromStr;

/// An office in the database.
#[derive(Clone, Debug, PartialEq)]
pub struct OfficeRef {
    pub id: i64,
    pub code: String,
    pub name: String,
}

/// What [`Store::import_dataset`] did.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub office_id: i64,
    /// Rows the office had before, when it was already in the database (its data was replaced,
    /// its audit trail and settings kept).
    pub replaced_rows: Option<u64>,
    /// Rows stored now.
    pub rows: u64,
}

/// The audit action of a dataset import that replaced an office's data.
pub const IMPORT_ACTION: &str = "impor";

/// Tables of an office that a re-import keeps: its history, its settings, and on a server who may
/// change it (`access.rs`) — replacing the office's data must not take its planners' rights away.
const KEPT_ON_IMPORT: &[&str] = &["audit_log", "office_setting", "kinerja_user_office"];

/// The tables the city view reads for every office (capaian and the AKIP predicate).
const PERFORMANCE_TABLES: &[&str] = &[
    "renstra_period",
    // A sasaran under a misi belongs to the misi's period.
    "misi",
    "tujuan",
    "sasaran",
    "indicator",
    "indicator_target",
    "agreement_target",
    "realisation",
    "raw_figure",
    "akip_evaluation",
    "quarter_progress",
];

pub(super) fn corrupt(what: impl Into<String>) -> DbError {
    DbError::Corrupt(what.into())
}

pub(super) fn money(row: &Row, i: usize) -> DbResult<Option<Money>> {
    Ok(row.get::<Option<i64>>(i)?.map(Money::from_sen))
}

fn decimal(text: String) -> DbResult<Cell> {
    Decimal::from_str(&text).map(Cell::Dec).map_err(|_| corrupt(format!("'{text}' is not a decimal")))
}

/// The cell of column `i` of a row, read as its kind is stored.
fn sql_cell(row: &Row, i: usize, c: &Column) -> DbResult<Cell> {
    let opt = |v: Option<Cell>| v.unwrap_or(Cell::Null);
    Ok(match c.kind {
        Kind::Text | Kind::Required | Kind::Code(_) | Kind::CodeOr(..) => Cell::Text(row.get(i)?),
        Kind::OptText => opt(row.get::<Option<String>>(i)?.map(Cell::Text)),
        Kind::Int | Kind::IntOrZero | Kind::Year => Cell::Int(row.get(i)?),
        Kind::OptInt => opt(row.get::<Option<i64>>(i)?.map(Cell::Int)),
        Kind::Dec => decimal(row.get(i)?)?,
        Kind::OptDec => row.get::<Option<String>>(i)?.map(decimal).transpose()?.unwrap_or(Cell::Null),
        Kind::Money => Cell::Money(Money::from_sen(row.get(i)?)),
        Kind::OptMoney => opt(money(row, i)?.map(Cell::Money)),
        Kind::Bool => Cell::Bool(row.get(i)?),
    })
}

/// A record from the columns of `row` starting at 0.
pub(super) fn from_row<E: Entity>(row: &Row) -> DbResult<E> {
    let cells = E::COLUMNS.iter().enumerate().map(|(i, c)| sql_cell(row, i, c)).collect::<DbResult<_>>()?;
    E::decode(cells).map_err(|e| corrupt(e.to_string()))
}

/// How a cell is stored: money as INTEGER sen, decimals as exact TEXT, booleans as 0/1. The one
/// conversion of the store: saving a dataset and the edits' rows (`ops.rs`) both use it.
pub(super) fn stored(cell: Cell) -> Value {
    match cell {
        Cell::Null => Value::Null,
        Cell::Text(t) => Value::Text(t),
        Cell::Int(i) => Value::Integer(i),
        Cell::Dec(d) => Value::Text(d.to_string()),
        Cell::Money(m) => Value::Integer(m.to_sen()),
        Cell::Bool(b) => Value::Integer(i64::from(b)),
    }
}

/// `INSERT INTO table (office_id, columns…) VALUES (?1, …)`.
pub(super) fn insert_sql<E: Entity>() -> String {
    let columns = E::sql_names().join(", ");
    let marks: Vec<String> = (1..=E::COLUMNS.len() + 1).map(|i| format!("?{i}")).collect();
    format!("INSERT INTO {} (office_id, {columns}) VALUES ({})", E::TABLE, marks.join(", "))
}

/// Stores one record of an office with `sql`, the entity's [`insert_sql`] (made once by the
/// caller: a bulk insert runs it for every row).
pub(super) fn insert_row<E: Entity>(db: &Db, sql: &str, office: i64, row: &E) -> DbResult<()> {
    let values: Vec<Value> =
        std::iter::once(Value::Integer(office)).chain(row.to_cells().into_iter().map(stored)).collect();
    db.execute(sql, &values)?;
    Ok(())
}

impl Store {
    /// The offices in the database, by name.
    pub fn offices(&self) -> Result<Vec<OfficeRef>> {
        Ok(self.db().query_map("SELECT id, code, name FROM office ORDER BY name, id", &[], |r| {
            Ok(OfficeRef { id: r.get(0)?, code: r.get(1)?, name: r.get(2)? })
        })?)
    }

    /// The id of the office with this code, if the database holds it.
    pub fn office_id(&self, code: &str) -> Result<Option<i64>> {
        Ok(self.db().query_opt("SELECT id FROM office WHERE code = ?1", &args![code], |r| r.get(0))?)
    }

    /// Stores a whole dataset in one transaction. An office with the same code keeps its row,
    /// its audit trail and its settings; its data is replaced (so importing the same data twice
    /// does not duplicate it), and the replacement is recorded in the audit trail.
    pub fn save_dataset(&mut self, d: &Dataset) -> Result<i64> {
        Ok(self.import_dataset(d, "", &|| true)?.office_id)
    }

    /// [`Store::save_dataset`] that asks `keep_going` now and then and, when it answers `false`,
    /// rolls everything back and returns [`StorageError::Cancelled`].
    pub fn save_dataset_cancellable(&mut self, d: &Dataset, keep_going: &dyn Fn() -> bool) -> Result<i64> {
        Ok(self.import_dataset(d, "", keep_going)?.office_id)
    }

    /// [`Store::save_dataset_cancellable`] that names the user in the audit row of a
    /// replacement and says what was replaced.
    pub fn import_dataset(&mut self, d: &Dataset, user: &str, keep_going: &dyn Fn() -> bool) -> Result<Imported> {
        let tx = self.db().transaction()?;
        let imported = save(&tx, d, user, keep_going)?;
        tx.commit()?;
        Ok(imported)
    }

    /// Adds rows of one entity to an office in one transaction, streaming: `fill` is handed a
    /// function that stores one row (the demo generator's bulk budget lines). Nothing is stored
    /// when `fill` fails.
    pub fn append_rows<P: Part, E: From<StorageError>>(
        &mut self,
        office: i64,
        fill: impl FnOnce(&mut dyn FnMut(&P) -> Result<()>) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let tx = self.db().transaction().map_err(StorageError::from)?;
        let sql = insert_sql::<P>();
        let mut store_row = |row: &P| -> Result<()> { Ok(insert_row(&tx, &sql, office, row)?) };
        fill(&mut store_row)?;
        tx.commit().map_err(StorageError::from)?;
        Ok(())
    }

    /// The performance data (Renstra, targets, realisation, AKIP; no budget, organisation or
    /// printed figures) of every office, by office id, read with one query per table.
    pub fn load_performance_all(&self) -> Result<BTreeMap<i64, Dataset>> {
        Ok(load_scope(self.db(), Scope::All, Parts::Performance)?)
    }

    /// Loads the whole dataset of an office.
    pub fn load_dataset(&self, office_id: i64) -> Result<Dataset> {
        load_scope(self.db(), Scope::One(office_id), Parts::Everything)?
            .remove(&office_id)
            .ok_or_else(|| StorageError::NoOffice(office_id.to_string()))
    }
}

/// Inserts every part of a dataset for one office.
struct Inserter<'a> {
    db: &'a Db,
    dataset: &'a Dataset,
    office: i64,
    keep_going: &'a dyn Fn() -> bool,
    rows: u64,
}

impl PartVisitor for Inserter<'_> {
    type Error = StorageError;
    fn visit<P: Part>(&mut self) -> Result<()> {
        if !(self.keep_going)() {
            return Err(StorageError::Cancelled);
        }
        let sql = insert_sql::<P>();
        for (i, row) in P::rows(self.dataset).iter().enumerate() {
            if i % 4096 == 4095 && !(self.keep_going)() {
                return Err(StorageError::Cancelled);
            }
            insert_row(self.db, &sql, self.office, row)?;
            self.rows += 1;
        }
        Ok(())
    }
}

/// The tables with an `office_id` other than those a re-import keeps, children before their
/// parents where the declarations know them (so that deleting a parent finds no children left
/// to cascade to), then any other table of a newer schema.
fn replaced_tables(db: &Db) -> DbResult<Vec<String>> {
    struct Tables(Vec<String>);
    impl PartVisitor for Tables {
        type Error = std::convert::Infallible;
        fn visit<P: Part>(&mut self) -> std::result::Result<(), Self::Error> {
            self.0.push(P::TABLE.to_string());
            Ok(())
        }
    }
    let mut declared = Tables(Vec::new());
    let Ok(()) = each_part(&mut declared);
    let mut tables = declared.0;
    tables.reverse();
    let with_office = db.tables_with_column("office_id")?;
    tables.retain(|t| with_office.contains(t));
    for t in with_office {
        if !tables.contains(&t) && !KEPT_ON_IMPORT.contains(&t.as_str()) {
            tables.push(t);
        }
    }
    Ok(tables)
}

/// The office's rows of `tables`, in all.
fn count_rows(db: &Db, tables: &[String], office: i64) -> DbResult<u64> {
    let mut n = 0u64;
    for t in tables {
        let c: i64 =
            db.query_row(&format!("SELECT count(*) FROM \"{t}\" WHERE office_id = ?1"), &args![office], |r| r.get(0))?;
        n += c.unsigned_abs();
    }
    Ok(n)
}

fn save(tx: &Db, d: &Dataset, user: &str, keep_going: &dyn Fn() -> bool) -> Result<Imported> {
    let o = &d.office;
    let existing: Option<i64> = tx.query_opt("SELECT id FROM office WHERE code = ?1", &args![o.code], |r| r.get(0))?;
    let office_columns = Office::sql_names();
    let office_cells: Vec<Value> = o.to_cells().into_iter().map(stored).collect();
    let (id, replaced_rows) = match existing {
        Some(id) => {
            // The office keeps its row (and with it its audit trail and settings); its data goes.
            let tables = replaced_tables(tx)?;
            let before = count_rows(tx, &tables, id)?;
            // An indicator's link to its predecessor is a composite foreign key (office_id,
            // predecessor_code) with ON DELETE SET NULL, which would empty office_id as well when
            // a predecessor is deleted before its successor; the links go first.
            tx.execute(
                "UPDATE indicator SET predecessor_code = NULL WHERE office_id = ?1 AND predecessor_code IS NOT NULL",
                &args![id],
            )?;
            for t in &tables {
                if !keep_going() {
                    return Err(StorageError::Cancelled);
                }
                tx.execute(&format!("DELETE FROM \"{t}\" WHERE office_id = ?1"), &args![id])?;
            }
            let set: Vec<String> =
                office_columns.iter().enumerate().map(|(i, c)| format!("{c} = ?{}", i + 2)).collect();
            let sql = format!("UPDATE office SET {} WHERE id = ?1", set.join(", "));
            let values: Vec<Value> = std::iter::once(Value::Integer(id)).chain(office_cells).collect();
            tx.execute(&sql, &values)?;
            (id, Some(before))
        }
        None => {
            let marks: Vec<String> = (1..=office_columns.len()).map(|i| format!("?{i}")).collect();
            let sql = format!(
                "INSERT INTO office ({}) VALUES ({}) RETURNING id",
                office_columns.join(", "),
                marks.join(", ")
            );
            (tx.query_row(&sql, &office_cells, |r| r.get(0))?, None)
        }
    };
    let mut inserter = Inserter { db: tx, dataset: d, office: id, keep_going, rows: 0 };
    each_part(&mut inserter)?;
    let rows = inserter.rows;
    if let Some(before) = replaced_rows {
        let change_id: i64 =
            tx.query_row("SELECT COALESCE(MAX(change_id), 0) + 1 FROM audit_log", &[], |r| r.get(0))?;
        tx.execute(
            "INSERT INTO audit_log (office_id, change_id, at, user_name, action, description, record, field, old_value, new_value)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            &args![
                id,
                change_id,
                super::now_text(),
                user,
                IMPORT_ACTION,
                format!("Impor dataset: data {} diganti", o.code),
                format!("office:{}", o.code),
                "baris",
                format!("{before} baris"),
                format!("{rows} baris"),
            ],
        )?;
    }
    Ok(Imported { office_id: id, replaced_rows, rows })
}

/// Which offices a load reads.
#[derive(Clone, Copy, Debug)]
enum Scope {
    One(i64),
    All,
}

/// Which tables a load reads: everything, or only what capaian and the AKIP predicate need (the
/// city view), which leaves out the budget, the organisation and the report's printed figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Parts {
    Everything,
    Performance,
}

/// Reads every part in scope into the datasets of its offices, one query per table whatever the
/// number of offices (no query per office).
struct Loader<'a> {
    db: &'a Db,
    scope: Scope,
    parts: Parts,
    out: &'a mut BTreeMap<i64, Dataset>,
}

impl PartVisitor for Loader<'_> {
    type Error = DbError;
    fn visit<P: Part>(&mut self) -> DbResult<()> {
        if self.parts == Parts::Performance && !PERFORMANCE_TABLES.contains(&P::TABLE) {
            return Ok(());
        }
        // `office_id` comes last so that the columns are read from 0.
        let columns = P::sql_names().join(", ");
        let office_column = P::COLUMNS.len();
        let map = |r: &Row| Ok((r.get::<i64>(office_column)?, from_row::<P>(r)?));
        let rows: Vec<(i64, P)> = match self.scope {
            Scope::One(id) => {
                let sql = format!("SELECT {columns}, office_id FROM {} WHERE office_id = ?1 ORDER BY id", P::TABLE);
                self.db.query_map(&sql, &args![id], map)?
            }
            Scope::All => {
                let sql = format!("SELECT {columns}, office_id FROM {} ORDER BY office_id, id", P::TABLE);
                self.db.query_map(&sql, &[], map)?
            }
        };
        for (office, row) in rows {
            if let Some(d) = self.out.get_mut(&office) {
                P::rows_mut(d).push(row);
            }
        }
        Ok(())
    }
}

/// The datasets of the offices in scope, by office id.
fn load_scope(db: &Db, scope: Scope, parts: Parts) -> DbResult<BTreeMap<i64, Dataset>> {
    let mut out = BTreeMap::new();
    let office_column = Office::COLUMNS.len();
    let office_row = |r: &Row| Ok((r.get::<i64>(office_column)?, from_row::<Office>(r)?));
    let office_sql = format!("SELECT {}, id FROM office", Office::sql_names().join(", "));
    let offices: Vec<(i64, Office)> = match scope {
        Scope::One(id) => db.query_map(&format!("{office_sql} WHERE id = ?1"), &args![id], office_row)?,
        Scope::All => db.query_map(&office_sql, &[], office_row)?,
    };
    for (id, office) in offices {
        out.insert(id, Dataset { office, ..Dataset::default() });
    }
    each_part(&mut Loader { db, scope, parts, out: &mut out })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Differences between the declarations and the tables of the newest schema.
    struct Schema<'a> {
        conn: &'a rusqlite::Connection,
        problems: Vec<String>,
    }

    impl Schema<'_> {
        fn check<E: Entity>(&mut self) {
            let columns: Vec<(String, String, bool)> = self
                .conn
                .prepare(&format!("SELECT name, type, \"notnull\" FROM pragma_table_info('{}')", E::TABLE))
                .and_then(|mut s| s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect())
                .unwrap_or_default();
            if columns.is_empty() {
                self.problems.push(format!("no table {}", E::TABLE));
            }
            for c in E::COLUMNS {
                let Some((_, ty, not_null)) = columns.iter().find(|(n, _, _)| n == c.sql) else {
                    self.problems.push(format!("{}.{}: no such column", E::TABLE, c.sql));
                    continue;
                };
                let (want_ty, nullable) = match c.kind {
                    Kind::Text | Kind::Required | Kind::Code(_) | Kind::CodeOr(..) | Kind::Dec => ("TEXT", false),
                    Kind::OptText | Kind::OptDec => ("TEXT", true),
                    Kind::Int | Kind::IntOrZero | Kind::Year | Kind::Money | Kind::Bool => ("INTEGER", false),
                    Kind::OptInt | Kind::OptMoney => ("INTEGER", true),
                };
                if ty != want_ty || *not_null == nullable {
                    self.problems.push(format!(
                        "{}.{}: {ty}{} in the schema, {:?} declared",
                        E::TABLE,
                        c.sql,
                        if *not_null { " NOT NULL" } else { " (may be NULL)" },
                        c.kind
                    ));
                }
            }
            // Every column of the table is declared (besides the row id and the office).
            for (name, _, _) in &columns {
                let known = name == "id" || (name == "office_id" && E::TABLE != "office");
                if !known && !E::COLUMNS.iter().any(|c| c.sql == name) {
                    self.problems.push(format!("{}.{name}: not declared", E::TABLE));
                }
            }
        }
    }

    impl PartVisitor for Schema<'_> {
        type Error = std::convert::Infallible;
        fn visit<P: Part>(&mut self) -> std::result::Result<(), Self::Error> {
            self.check::<P>();
            Ok(())
        }
    }

    #[test]
    fn the_declarations_match_the_schema() {
        let store = Store::open_in_memory().expect("a new database");
        let mut s = Schema { conn: store.connection(), problems: Vec::new() };
        s.check::<Office>();
        let Ok(()) = each_part(&mut s);
        assert!(s.problems.is_empty(), "{}", s.problems.join("\n"));
    }

    #[test]
    fn a_cancelled_replacement_keeps_everything() {
        let mut store = Store::open_in_memory().expect("a new database");
        let d = crate::embedded::dataset().expect("the embedded dataset is valid");
        let id = store.save_dataset(&d).expect("saved");
        let mut changed = d.clone();
        changed.budget_lines.clear();
        changed.budget_quarters.clear();
        let calls = std::cell::Cell::new(0);
        let r = store.import_dataset(&changed, "Siti", &|| {
            calls.set(calls.get() + 1);
            calls.get() < 3
        });
        assert!(matches!(r, Err(StorageError::Cancelled)), "{r:?}");
        assert_eq!(store.load_dataset(id).expect("loaded"), d);
        assert!(store.audit_log(id, None, 10).expect("read").is_empty());
    }

    #[test]
    fn an_office_whose_indicators_follow_predecessors_can_be_imported_again() {
        let spec = crate::demo::DemoSpec { offices: 2, years: 10, lines: 3, ..Default::default() };
        let d = crate::demo::synthetic_office(&spec, 2).expect("generated");
        assert!(d.indicators.iter().any(|i| i.predecessor.is_some()), "the second period follows the first");
        let mut store = Store::open_in_memory().expect("a new database");
        let id = store.save_dataset(&d).expect("saved");
        let again = store.import_dataset(&d, "Siti", &|| true).expect("saved again");
        assert_eq!(again.office_id, id);
        assert_eq!(store.load_dataset(id).expect("loaded"), d);
    }

    #[test]
    fn a_damaged_value_is_reported_with_its_table_and_column() {
        let mut store = Store::open_in_memory().expect("a new database");
        let d = crate::embedded::dataset().expect("the embedded dataset is valid");
        let id = store.save_dataset(&d).expect("saved");
        store.connection().execute("UPDATE indicator SET polarity = 'naik' WHERE code = 'IKU1'", []).expect("written");
        match store.load_dataset(id) {
            Err(StorageError::Corrupt(what)) => {
                assert!(what.contains("indicator.polarity") && what.contains("'naik'"), "{what}")
            }
            other => panic!("expected a damaged value, got {other:?}"),
        }
    }
}
