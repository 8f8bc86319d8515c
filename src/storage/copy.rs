//! Copying whole offices from one store to another (a file to a server, a server to a file, a
//! file to a file): each office's dataset, its audit trail row for row (same change ids, users
//! and times) and its settings, all in one transaction on the target.
//!
//! Rows are written by the entity declarations, as saving a dataset writes them, so that both
//! engines get each value in the type their schema holds it; only the row ids are the target's.

use super::dataset::{insert_sql, stored};
use super::sql::{Db, Value};
use super::{OfficeRef, StorageError, Store};
use crate::domain::{Dataset, Office};
use crate::entity::{each_part, Entity, Part, PartVisitor};
use crate::format::Lang;

/// The columns of an audit row besides its id and office: copied as they are.
const AUDIT_COLUMNS: &[&str] =
    &["change_id", "at", "user_name", "action", "description", "record", "field", "old_value", "new_value"];

/// The columns of a setting besides its office.
const SETTING_COLUMNS: &[&str] = &["key", "value"];

/// The tables of an office that are not parts of its dataset: copied wholesale.
pub const OFFICE_RECORDS: &[&str] = &["audit_log", "office_setting"];

/// Parameters of one multi-row `INSERT` at most: far below either engine's limit, and enough
/// rows per statement that a server is not asked once per row.
const PARAMETERS_PER_STATEMENT: usize = 3000;

/// Why offices were not copied. Nothing was written to the target in any case.
#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    #[error("the source holds no office; nothing was copied")]
    SourceEmpty,
    #[error("the source holds no office {}; its offices: {}", .missing.join(", "), .known.join(", "))]
    NoSuchOffice { missing: Vec<String>, known: Vec<String> },
    #[error("the target already holds {}; nothing was copied — add --force to replace them (their data, audit trail and settings in the target are replaced by the source's)", .codes.join(", "))]
    AlreadyThere { codes: Vec<String> },
    #[error("{}", .0)]
    Storage(#[from] StorageError),
}

impl CopyError {
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Id => self.message_id(),
            Lang::En => match self {
                CopyError::Storage(e) => format!("{}; nothing was copied", e.message(lang)),
                other => other.to_string(),
            },
        }
    }

    pub fn message_id(&self) -> String {
        match self {
            CopyError::SourceEmpty => "Sumber tidak berisi kantor; tidak ada yang disalin.".into(),
            CopyError::NoSuchOffice { missing, known } => format!(
                "Sumber tidak berisi kantor {}; kantor yang ada: {}.",
                missing.join(", "),
                known.join(", ")
            ),
            CopyError::AlreadyThere { codes } => format!(
                "Tujuan sudah berisi {}; tidak ada yang disalin — tambahkan --force untuk menggantinya (data, jejak audit dan pengaturannya di tujuan diganti dengan milik sumber).",
                codes.join(", ")
            ),
            CopyError::Storage(e) => format!("{}; tidak ada yang disalin.", e.message_id()),
        }
    }
}

impl From<super::sql::DbError> for CopyError {
    fn from(e: super::sql::DbError) -> Self {
        CopyError::Storage(e.into())
    }
}

/// One office as it was copied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CopiedOffice {
    pub code: String,
    pub name: String,
    /// Rows written: the dataset's, the audit trail's and the settings'.
    pub rows: u64,
    /// The target held the office before (`--force`) and its rows were replaced.
    pub replaced: bool,
}

/// Where a copy is: about to copy the office at `index` (from 0) of `total`, or done with all.
#[derive(Clone, Copy, Debug)]
pub struct CopyProgress<'a> {
    pub office: Option<&'a OfficeRef>,
    pub index: usize,
    pub total: usize,
    /// Rows written so far.
    pub rows: u64,
}

/// What a copy will do, checked before anything is written: the offices to copy and, of those,
/// the ones the target holds already (by code, with their id in the target).
#[derive(Clone, Debug, PartialEq)]
pub struct CopyPlan {
    pub offices: Vec<OfficeRef>,
    pub replaced: Vec<OfficeRef>,
}

/// The copy of the offices of `source` named in `only` (every office when it is empty) into
/// `target`. An office the target holds already is refused unless `force`.
pub fn plan_copy(source: &Store, target: &Store, only: &[String], force: bool) -> Result<CopyPlan, CopyError> {
    let offices = source.offices()?;
    if offices.is_empty() {
        return Err(CopyError::SourceEmpty);
    }
    let missing: Vec<String> = only.iter().filter(|c| !offices.iter().any(|o| &o.code == *c)).cloned().collect();
    if !missing.is_empty() {
        return Err(CopyError::NoSuchOffice { missing, known: offices.into_iter().map(|o| o.code).collect() });
    }
    let offices: Vec<OfficeRef> = offices.into_iter().filter(|o| only.is_empty() || only.contains(&o.code)).collect();
    let replaced: Vec<OfficeRef> =
        target.offices()?.into_iter().filter(|t| offices.iter().any(|o| o.code == t.code)).collect();
    if !replaced.is_empty() && !force {
        return Err(CopyError::AlreadyThere { codes: replaced.into_iter().map(|o| o.code).collect() });
    }
    Ok(CopyPlan { offices, replaced })
}

impl CopyPlan {
    /// Copies, in one transaction on `target`: each office's dataset, audit trail and settings.
    /// An office the target holds keeps its row (and its id, so that what refers to the office
    /// stays) and has every other row replaced.
    pub fn run(
        &self,
        source: &Store,
        target: &Store,
        progress: &mut dyn FnMut(CopyProgress<'_>),
    ) -> Result<Vec<CopiedOffice>, CopyError> {
        let total = self.offices.len();
        let tx = target.db().transaction()?;
        let mut copied = Vec::with_capacity(total);
        let mut rows = 0u64;
        for (index, office) in self.offices.iter().enumerate() {
            progress(CopyProgress { office: Some(office), index, total, rows });
            let dataset = source.load_dataset(office.id)?;
            let audit = office_rows(source.db(), "audit_log", AUDIT_COLUMNS, office.id, "id")?;
            let settings = office_rows(source.db(), "office_setting", SETTING_COLUMNS, office.id, "key")?;
            let replaced = self.replaced.iter().find(|t| t.code == office.code).map(|t| t.id);
            let id = match replaced {
                Some(id) => {
                    clear_office(&tx, id)?;
                    update_office(&tx, id, &dataset.office)?;
                    id
                }
                None => insert_office(&tx, &dataset.office)?,
            };
            let mut written = write_parts(&tx, id, &dataset)?;
            written += insert_rows(&tx, "audit_log", AUDIT_COLUMNS, id, audit)?;
            written += insert_rows(&tx, "office_setting", SETTING_COLUMNS, id, settings)?;
            rows += written;
            copied.push(CopiedOffice {
                code: office.code.clone(),
                name: office.name.clone(),
                rows: written,
                replaced: replaced.is_some(),
            });
        }
        tx.commit()?;
        progress(CopyProgress { office: None, index: total, total, rows });
        Ok(copied)
    }
}

/// Every row of an office's `columns` in `table`, in the order of `order` (a unique column).
fn office_rows(db: &Db, table: &str, columns: &[&str], office: i64, order: &str) -> Result<Vec<Vec<Value>>, CopyError> {
    let sql = format!("SELECT {} FROM {table} WHERE office_id = ?1 ORDER BY {order}", columns.join(", "));
    Ok(db.query(&sql, &[Value::Integer(office)])?.into_iter().map(|r| r.into_values()).collect())
}

/// Removes every row of the office (its dataset, audit trail and settings) but the office's own.
fn clear_office(db: &Db, office: i64) -> Result<(), CopyError> {
    struct Tables(Vec<&'static str>);
    impl PartVisitor for Tables {
        type Error = std::convert::Infallible;
        fn visit<P: Part>(&mut self) -> Result<(), Self::Error> {
            self.0.push(P::TABLE);
            Ok(())
        }
    }
    let mut tables = Tables(Vec::new());
    let Ok(()) = each_part(&mut tables);
    // Rows that refer to others go before them.
    let mut tables = tables.0;
    tables.reverse();
    tables.extend_from_slice(OFFICE_RECORDS);
    // An indicator may follow another of the same office: the links go first, so that no
    // deletion order meets a link to a row already gone.
    db.execute(
        "UPDATE indicator SET predecessor_code = NULL WHERE office_id = ?1 AND predecessor_code IS NOT NULL",
        &[Value::Integer(office)],
    )?;
    for t in tables {
        db.execute(&format!("DELETE FROM {t} WHERE office_id = ?1"), &[Value::Integer(office)])?;
    }
    Ok(())
}

fn office_values(office: &Office) -> Vec<Value> {
    office.to_cells().into_iter().map(stored).collect()
}

fn insert_office(db: &Db, office: &Office) -> Result<i64, CopyError> {
    let columns = Office::sql_names();
    let marks: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
    let sql = format!("INSERT INTO office ({}) VALUES ({}) RETURNING id", columns.join(", "), marks.join(", "));
    Ok(db.query_row(&sql, &office_values(office), |r| r.get(0))?)
}

fn update_office(db: &Db, id: i64, office: &Office) -> Result<(), CopyError> {
    let set: Vec<String> = Office::sql_names().iter().enumerate().map(|(i, c)| format!("{c} = ?{}", i + 2)).collect();
    let sql = format!("UPDATE office SET {} WHERE id = ?1", set.join(", "));
    let mut values = vec![Value::Integer(id)];
    values.extend(office_values(office));
    db.execute(&sql, &values)?;
    Ok(())
}

/// Writes every part of `dataset` for the office `office`, in saving order; the rows written.
fn write_parts(db: &Db, office: i64, dataset: &Dataset) -> Result<u64, CopyError> {
    struct Writer<'a> {
        db: &'a Db,
        office: i64,
        dataset: &'a Dataset,
        rows: u64,
    }
    impl PartVisitor for Writer<'_> {
        type Error = CopyError;
        fn visit<P: Part>(&mut self) -> Result<(), CopyError> {
            debug_assert!(insert_sql::<P>().starts_with(&format!("INSERT INTO {} (office_id, ", P::TABLE)));
            let rows = P::rows(self.dataset).iter().map(|r| r.to_cells().into_iter().map(stored).collect());
            self.rows += insert_rows(self.db, P::TABLE, &P::sql_names(), self.office, rows)?;
            Ok(())
        }
    }
    let mut writer = Writer { db, office, dataset, rows: 0 };
    each_part(&mut writer)?;
    Ok(writer.rows)
}

/// Inserts `rows` (values of `columns`) for the office, several rows per statement; the rows
/// written.
fn insert_rows(
    db: &Db,
    table: &str,
    columns: &[&str],
    office: i64,
    rows: impl IntoIterator<Item = Vec<Value>>,
) -> Result<u64, CopyError> {
    let width = columns.len() + 1;
    let per_statement = (PARAMETERS_PER_STATEMENT / width).max(1);
    let head = format!("INSERT INTO {table} (office_id, {}) VALUES ", columns.join(", "));
    let mut written = 0u64;
    let mut values: Vec<Value> = Vec::with_capacity(per_statement * width);
    let flush = |values: &mut Vec<Value>| -> Result<(), CopyError> {
        if values.is_empty() {
            return Ok(());
        }
        let n = values.len() / width;
        let groups: Vec<String> = (0..n)
            .map(|r| {
                let marks: Vec<String> = (1..=width).map(|c| format!("?{}", r * width + c)).collect();
                format!("({})", marks.join(", "))
            })
            .collect();
        db.execute(&format!("{head}{}", groups.join(", ")), values)?;
        values.clear();
        Ok(())
    };
    for row in rows {
        values.push(Value::Integer(office));
        values.extend(row);
        written += 1;
        if values.len() >= per_statement * width {
            flush(&mut values)?;
        }
    }
    flush(&mut values)?;
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every table that holds an office's rows is copied: a part of the dataset or one of the
    /// office's records. A new table of the schema fails this until the copy knows it.
    #[test]
    fn every_table_of_an_office_is_copied() {
        let store = Store::open_in_memory().unwrap();
        struct Tables(Vec<String>);
        impl PartVisitor for Tables {
            type Error = std::convert::Infallible;
            fn visit<P: Part>(&mut self) -> Result<(), Self::Error> {
                self.0.push(P::TABLE.to_string());
                Ok(())
            }
        }
        let mut known = Tables(Vec::new());
        let Ok(()) = each_part(&mut known);
        let mut known = known.0;
        known.extend(OFFICE_RECORDS.iter().map(|t| t.to_string()));
        known.sort();
        assert_eq!(store.db().tables_with_column("office_id").unwrap(), known);
    }

    #[test]
    fn many_rows_go_in_statements_of_several_rows() {
        let db = Db::sqlite(rusqlite::Connection::open_in_memory().unwrap());
        db.batch("CREATE TABLE t (id INTEGER PRIMARY KEY, office_id INTEGER, a TEXT, b INTEGER)").unwrap();
        // 3000 parameters / 3 columns = 1000 rows a statement: 2500 rows take three.
        let rows = (0..2500i64).map(|i| vec![Value::Text(format!("r{i}")), Value::Integer(i)]);
        let before = db.statements();
        assert_eq!(insert_rows(&db, "t", &["a", "b"], 7, rows).unwrap(), 2500);
        assert_eq!(db.statements() - before, 3);
        let back: Vec<(i64, String, i64)> = db
            .query_map("SELECT office_id, a, b FROM t ORDER BY id", &[], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap();
        assert_eq!(back.len(), 2500);
        assert_eq!(back[0], (7, "r0".to_string(), 0));
        assert_eq!(back[2499], (7, "r2499".to_string(), 2499));
    }
}
