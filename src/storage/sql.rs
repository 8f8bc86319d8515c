//! The SQL the store runs, on either engine: one SQLite file, or a PostgreSQL server shared by a
//! city. Everything above this module writes one SQL text with numbered parameters (`?1`, `?2`)
//! and plain values ([`Value`]); this module runs it on the engine the store was opened on.
//!
//! The two engines differ in ways the rest of the store must not see:
//! - parameters are `?N` in SQLite and `$N` in PostgreSQL (translated here, once per text);
//! - PostgreSQL is strict about types where SQLite converts: a value is converted here to the
//!   type the server expects for the parameter, and read back by the type the server reports;
//! - a transaction is `BEGIN`/`COMMIT` on both, with a rollback when it is dropped unfinished.
//!
//! What differs in the SQL itself (table definitions, the catalogue) is asked of [`Engine`].

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// A plain SQL value: what a parameter is bound to and what a column is read as.
pub use rusqlite::types::Value;

/// Which engine a store runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// Why a statement failed.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    #[error("{}", pg_text(.0))]
    Postgres(#[from] postgres::Error),
    #[error("the query returned no rows")]
    NoRows,
    #[error("column {index} holds {found}, expected {expected}")]
    Type { index: usize, expected: &'static str, found: String },
    /// A stored value the store cannot read (a decimal that is not one, an unknown code).
    #[error("{0}")]
    Corrupt(String),
}

/// A server error as the server words it (its message and detail), not the client's summary.
fn pg_text(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => match db.detail() {
            Some(detail) => format!("{} ({detail})", db.message()),
            None => db.message().to_string(),
        },
        None => e.to_string(),
    }
}

impl DbError {
    /// The server's SQLSTATE code, for a PostgreSQL error.
    pub fn sqlstate(&self) -> Option<&str> {
        match self {
            DbError::Postgres(e) => e.code().map(|c| c.code()),
            _ => None,
        }
    }

    /// Another transaction changed what this one read: running it again may succeed.
    pub fn is_retryable(&self) -> bool {
        // 40001 serialization_failure, 40P01 deadlock_detected.
        matches!(self.sqlstate(), Some("40001" | "40P01"))
    }

    /// The server refused the statement for want of a grant or a policy.
    pub fn is_permission_denied(&self) -> bool {
        // 42501 insufficient_privilege (row-level security too).
        matches!(self.sqlstate(), Some("42501"))
    }
}

pub type DbResult<T> = Result<T, DbError>;

/// One row of a result, its columns by position.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    values: Vec<Value>,
}

impl Row {
    /// Column `index` as `T`; an error names the column when it holds something else.
    pub fn get<T: FromValue>(&self, index: usize) -> DbResult<T> {
        let value = self.values.get(index).ok_or(DbError::Type {
            index,
            expected: T::EXPECTED,
            found: format!("nothing (the row has {} columns)", self.values.len()),
        })?;
        T::from_value(value).ok_or_else(|| DbError::Type { index, expected: T::EXPECTED, found: describe(value) })
    }

    /// Every column, in order.
    pub fn into_values(self) -> Vec<Value> {
        self.values
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}

fn describe(v: &Value) -> String {
    match v {
        Value::Null => "NULL".into(),
        Value::Integer(i) => format!("the integer {i}"),
        Value::Real(f) => format!("the number {f}"),
        Value::Text(t) => format!("the text '{t}'"),
        Value::Blob(b) => format!("{} bytes", b.len()),
    }
}

/// A Rust value a column can be read as.
pub trait FromValue: Sized {
    /// What the column should hold, for the error when it does not.
    const EXPECTED: &'static str;
    fn from_value(v: &Value) -> Option<Self>;
}

impl FromValue for Value {
    const EXPECTED: &'static str = "a value";
    fn from_value(v: &Value) -> Option<Self> {
        Some(v.clone())
    }
}

impl FromValue for i64 {
    const EXPECTED: &'static str = "an integer";
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Integer(i) => Some(*i),
            _ => None,
        }
    }
}

macro_rules! narrow_integer {
    ($($t:ty),*) => {$(
        impl FromValue for $t {
            const EXPECTED: &'static str = concat!("an integer that fits ", stringify!($t));
            fn from_value(v: &Value) -> Option<Self> {
                match v {
                    Value::Integer(i) => <$t>::try_from(*i).ok(),
                    _ => None,
                }
            }
        }
    )*};
}
narrow_integer!(i32, u32, i16, u16, u64, usize);

impl FromValue for bool {
    const EXPECTED: &'static str = "0 or 1";
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Integer(0) => Some(false),
            Value::Integer(1) => Some(true),
            _ => None,
        }
    }
}

impl FromValue for f64 {
    const EXPECTED: &'static str = "a number";
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Real(f) => Some(*f),
            // Exact up to 2^53, which covers every count and amount a number is read for.
            Value::Integer(i) => Some(*i as f64),
            _ => None,
        }
    }
}

impl FromValue for String {
    const EXPECTED: &'static str = "text";
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Text(t) => Some(t.clone()),
            _ => None,
        }
    }
}

impl FromValue for Vec<u8> {
    const EXPECTED: &'static str = "bytes";
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Blob(b) => Some(b.clone()),
            _ => None,
        }
    }
}

impl<T: FromValue> FromValue for Option<T> {
    const EXPECTED: &'static str = T::EXPECTED;
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Null => Some(None),
            other => T::from_value(other).map(Some),
        }
    }
}

/// A Rust value a parameter can be bound to.
pub trait ToValue {
    fn to_value(&self) -> Value;
}

impl ToValue for Value {
    fn to_value(&self) -> Value {
        self.clone()
    }
}
impl ToValue for str {
    fn to_value(&self) -> Value {
        Value::Text(self.to_string())
    }
}
impl ToValue for String {
    fn to_value(&self) -> Value {
        Value::Text(self.clone())
    }
}
impl ToValue for bool {
    fn to_value(&self) -> Value {
        Value::Integer(i64::from(*self))
    }
}
impl ToValue for f64 {
    fn to_value(&self) -> Value {
        Value::Real(*self)
    }
}
macro_rules! integer_to_value {
    ($($t:ty),*) => {$(
        impl ToValue for $t {
            fn to_value(&self) -> Value {
                Value::Integer(i64::from(*self))
            }
        }
    )*};
}
integer_to_value!(i64, i32, u32, i16, u16, u8);
impl<T: ToValue + ?Sized> ToValue for &T {
    fn to_value(&self) -> Value {
        (**self).to_value()
    }
}
impl<T: ToValue> ToValue for Option<T> {
    fn to_value(&self) -> Value {
        match self {
            Some(v) => v.to_value(),
            None => Value::Null,
        }
    }
}

/// The parameters of a statement: `args![office, code]`.
#[macro_export]
#[doc(hidden)]
macro_rules! sql_args {
    ($($v:expr),* $(,)?) => {
        [$($crate::storage::sql::ToValue::to_value(&$v)),*]
    };
}
pub use crate::sql_args as args;

/// An open connection to either engine, counting the statements it runs.
pub struct Db {
    inner: Inner,
    statements: Arc<AtomicU64>,
}

enum Inner {
    Sqlite(rusqlite::Connection),
    /// `RefCell`: the client needs `&mut` to run anything, the store reads through `&self`. A
    /// store is used by one thread at a time (it is `Send`, not `Sync`), so a borrow never
    /// meets another.
    Postgres(Box<RefCell<PgConn>>),
}

struct PgConn {
    client: postgres::Client,
    /// Prepared statements by their SQL as the store wrote it: a statement is parsed by the
    /// server once per connection.
    prepared: HashMap<String, postgres::Statement>,
}

impl Db {
    /// A connection to an SQLite database.
    pub fn sqlite(conn: rusqlite::Connection) -> Db {
        let statements = Arc::new(AtomicU64::new(0));
        let counter = Arc::clone(&statements);
        let mut conn = conn;
        conn.set_prepared_statement_cache_capacity(64);
        // Registering a callback only fails on a closed connection; the count is a diagnostic,
        // so a store without it still works (its count stays 0).
        let _ = conn.trace_v2(
            rusqlite::trace::TraceEventCodes::SQLITE_TRACE_STMT,
            Some(move |_: rusqlite::trace::TraceEvent<'_>| {
                counter.fetch_add(1, Ordering::Relaxed);
            }),
        );
        Db { inner: Inner::Sqlite(conn), statements }
    }

    /// A connection to a PostgreSQL server.
    pub fn postgres(client: postgres::Client) -> Db {
        Db {
            inner: Inner::Postgres(Box::new(RefCell::new(PgConn { client, prepared: HashMap::new() }))),
            statements: Arc::new(AtomicU64::new(0)),
        }
    }

    pub fn engine(&self) -> Engine {
        match self.inner {
            Inner::Sqlite(_) => Engine::Sqlite,
            Inner::Postgres(_) => Engine::Postgres,
        }
    }

    /// The SQLite connection, for what only a file has (pragmas, backups, integrity checks).
    pub fn as_sqlite(&self) -> Option<&rusqlite::Connection> {
        match &self.inner {
            Inner::Sqlite(c) => Some(c),
            Inner::Postgres(_) => None,
        }
    }

    /// How many statements have run on this connection (reads and writes).
    pub fn statements(&self) -> u64 {
        self.statements.load(Ordering::Relaxed)
    }

    /// Runs a statement; the number of rows it changed.
    pub fn execute(&self, sql: &str, params: &[Value]) -> DbResult<usize> {
        match &self.inner {
            Inner::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                Ok(stmt.execute(rusqlite::params_from_iter(params.iter()))?)
            }
            Inner::Postgres(pg) => {
                self.statements.fetch_add(1, Ordering::Relaxed);
                let mut pg = pg.borrow_mut();
                let stmt = pg.statement(sql)?;
                let bound = bind(params);
                let n = pg.client.execute(&stmt, &refs(&bound))?;
                Ok(usize::try_from(n).unwrap_or(usize::MAX))
            }
        }
    }

    /// Every row of a query.
    pub fn query(&self, sql: &str, params: &[Value]) -> DbResult<Vec<Row>> {
        match &self.inner {
            Inner::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                let columns = stmt.column_count();
                let mut rows = stmt.query(rusqlite::params_from_iter(params.iter()))?;
                let mut out = Vec::new();
                while let Some(r) = rows.next()? {
                    let values = (0..columns).map(|i| r.get::<_, Value>(i)).collect::<rusqlite::Result<_>>()?;
                    out.push(Row { values });
                }
                Ok(out)
            }
            Inner::Postgres(pg) => {
                self.statements.fetch_add(1, Ordering::Relaxed);
                let mut pg = pg.borrow_mut();
                let stmt = pg.statement(sql)?;
                let bound = bind(params);
                let rows = pg.client.query(&stmt, &refs(&bound))?;
                rows.iter().map(pg_row).collect()
            }
        }
    }

    /// Every row of a query, each made into a `T`.
    pub fn query_map<T>(&self, sql: &str, params: &[Value], f: impl FnMut(&Row) -> DbResult<T>) -> DbResult<Vec<T>> {
        self.query(sql, params)?.iter().map(f).collect()
    }

    /// The first row of a query made into a `T`; [`DbError::NoRows`] when there is none.
    pub fn query_row<T>(&self, sql: &str, params: &[Value], f: impl FnOnce(&Row) -> DbResult<T>) -> DbResult<T> {
        self.query_opt(sql, params, f)?.ok_or(DbError::NoRows)
    }

    /// The first row of a query made into a `T`, if there is one.
    pub fn query_opt<T>(
        &self,
        sql: &str,
        params: &[Value],
        f: impl FnOnce(&Row) -> DbResult<T>,
    ) -> DbResult<Option<T>> {
        self.query(sql, params)?.first().map(f).transpose()
    }

    /// Runs several statements without parameters (a migration).
    pub fn batch(&self, sql: &str) -> DbResult<()> {
        match &self.inner {
            Inner::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Inner::Postgres(pg) => {
                self.statements.fetch_add(1, Ordering::Relaxed);
                Ok(pg.borrow_mut().client.batch_execute(sql)?)
            }
        }
    }

    /// Starts a transaction; it is rolled back unless [`Tx::commit`] is called.
    pub fn transaction(&self) -> DbResult<Tx<'_>> {
        self.batch("BEGIN")?;
        Ok(Tx { db: self, open: true })
    }

    /// Starts a transaction that sees one snapshot and fails (to be run again) when another
    /// writer changed what it read: PostgreSQL's `SERIALIZABLE`. SQLite's writers are one at a
    /// time already; there it takes the write lock at once, so that two windows on one file
    /// queue instead of failing halfway.
    pub fn serializable(&self) -> DbResult<Tx<'_>> {
        match self.engine() {
            Engine::Sqlite => self.batch("BEGIN IMMEDIATE")?,
            Engine::Postgres => self.batch("BEGIN ISOLATION LEVEL SERIALIZABLE")?,
        }
        Ok(Tx { db: self, open: true })
    }

    /// The tables that have a column of this name, by name.
    pub fn tables_with_column(&self, column: &str) -> DbResult<Vec<String>> {
        let sql = match self.engine() {
            Engine::Sqlite => {
                "SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
                 WHERE m.type = 'table' AND p.name = ?1 ORDER BY m.name"
            }
            Engine::Postgres => {
                "SELECT c.table_name::text FROM information_schema.columns c
                 JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                 WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.column_name = ?1
                 ORDER BY 1"
            }
        };
        self.query_map(sql, &args![column], |r| r.get(0))
    }
}

/// An open transaction; everything runs on it through `Deref` to [`Db`].
pub struct Tx<'a> {
    db: &'a Db,
    open: bool,
}

impl Tx<'_> {
    pub fn commit(mut self) -> DbResult<()> {
        self.open = false;
        self.db.batch("COMMIT")
    }
}

impl std::ops::Deref for Tx<'_> {
    type Target = Db;
    fn deref(&self) -> &Db {
        self.db
    }
}

impl Drop for Tx<'_> {
    fn drop(&mut self) {
        if self.open {
            // A failed rollback leaves nothing to do: SQLite rolls back on the next BEGIN's
            // error, and the server ends the transaction when the connection closes.
            let _ = self.db.batch("ROLLBACK");
        }
    }
}

impl PgConn {
    fn statement(&mut self, sql: &str) -> DbResult<postgres::Statement> {
        if let Some(s) = self.prepared.get(sql) {
            return Ok(s.clone());
        }
        let stmt = self.client.prepare(&dollar_parameters(sql))?;
        self.prepared.insert(sql.to_string(), stmt.clone());
        Ok(stmt)
    }
}

/// `?N` (and a bare `?`, numbered by its place) as PostgreSQL's `$N`, outside quotes.
pub fn dollar_parameters(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 8);
    let mut chars = sql.chars().peekable();
    let mut quote: Option<char> = None;
    let mut next_bare = 1;
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                out.push(c);
                if c == q {
                    quote = None;
                }
            }
            None if c == '\'' || c == '"' => {
                quote = Some(c);
                out.push(c);
            }
            None if c == '?' => {
                let mut digits = String::new();
                while let Some(d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                    digits.push(*d);
                    chars.next();
                }
                if digits.is_empty() {
                    digits = next_bare.to_string();
                    next_bare += 1;
                }
                out.push('$');
                out.push_str(&digits);
            }
            None => out.push(c),
        }
    }
    out
}

/// A parameter bound for the server: converted to the type the server expects for it.
#[derive(Debug)]
struct PgParam(Value);

fn bind(params: &[Value]) -> Vec<PgParam> {
    params.iter().cloned().map(PgParam).collect()
}

fn refs(bound: &[PgParam]) -> Vec<&(dyn postgres::types::ToSql + Sync)> {
    bound.iter().map(|p| p as &(dyn postgres::types::ToSql + Sync)).collect()
}

type BoxError = Box<dyn std::error::Error + Sync + Send>;

impl postgres::types::ToSql for PgParam {
    fn to_sql(
        &self,
        ty: &postgres::types::Type,
        out: &mut bytes::BytesMut,
    ) -> Result<postgres::types::IsNull, BoxError> {
        use postgres::types::{IsNull, Type};
        let mismatch = || -> BoxError { format!("{} cannot be bound to a {ty} parameter", describe(&self.0)).into() };
        match (&self.0, ty) {
            (Value::Null, _) => Ok(IsNull::Yes),
            (Value::Integer(i), &Type::INT8) => i.to_sql(ty, out),
            (Value::Integer(i), &Type::INT4) => i32::try_from(*i).map_err(|_| mismatch())?.to_sql(ty, out),
            (Value::Integer(i), &Type::INT2) => i16::try_from(*i).map_err(|_| mismatch())?.to_sql(ty, out),
            (Value::Integer(i), &Type::BOOL) => (*i != 0).to_sql(ty, out),
            (Value::Integer(i), &Type::FLOAT8) => (*i as f64).to_sql(ty, out),
            (Value::Integer(i), &Type::NUMERIC) => rust_decimal::Decimal::from(*i).to_sql(ty, out),
            (Value::Integer(i), t) if is_text(t) => i.to_string().to_sql(&Type::TEXT, out),
            (Value::Real(f), &Type::FLOAT8) => f.to_sql(ty, out),
            (Value::Real(f), &Type::FLOAT4) => (*f as f32).to_sql(ty, out),
            (Value::Real(f), t) if is_text(t) => f.to_string().to_sql(&Type::TEXT, out),
            (Value::Text(s), t) if is_text(t) => s.as_str().to_sql(&Type::TEXT, out),
            (Value::Text(s), &Type::INT8) => s.parse::<i64>().map_err(|_| mismatch())?.to_sql(ty, out),
            (Value::Blob(b), &Type::BYTEA) => b.as_slice().to_sql(ty, out),
            _ => Err(mismatch()),
        }
    }

    fn accepts(_: &postgres::types::Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

fn is_text(t: &postgres::types::Type) -> bool {
    use postgres::types::Type;
    [Type::TEXT, Type::VARCHAR, Type::BPCHAR, Type::NAME, Type::UNKNOWN].contains(t)
}

/// A column read as the server reports its type.
struct PgValue(Value);

impl<'a> postgres::types::FromSql<'a> for PgValue {
    fn from_sql(ty: &postgres::types::Type, raw: &'a [u8]) -> Result<Self, BoxError> {
        use postgres::types::Type;
        Ok(PgValue(match *ty {
            Type::INT8 => Value::Integer(i64::from_sql(ty, raw)?),
            Type::INT4 => Value::Integer(i32::from_sql(ty, raw)?.into()),
            Type::INT2 => Value::Integer(i16::from_sql(ty, raw)?.into()),
            Type::OID => Value::Integer(u32::from_sql(ty, raw)?.into()),
            Type::BOOL => Value::Integer(bool::from_sql(ty, raw)?.into()),
            Type::FLOAT8 => Value::Real(f64::from_sql(ty, raw)?),
            Type::FLOAT4 => Value::Real(f32::from_sql(ty, raw)?.into()),
            Type::BYTEA => Value::Blob(raw.to_vec()),
            // SUM over BIGINT is NUMERIC: a whole number comes back as the integer SQLite gives.
            Type::NUMERIC => {
                let d = rust_decimal::Decimal::from_sql(ty, raw)?.normalize();
                match i64::try_from(d) {
                    Ok(i) if d.scale() == 0 => Value::Integer(i),
                    _ => Value::Text(d.to_string()),
                }
            }
            _ => Value::Text(String::from_sql(&Type::TEXT, raw)?),
        }))
    }

    fn from_sql_null(_: &postgres::types::Type) -> Result<Self, BoxError> {
        Ok(PgValue(Value::Null))
    }

    fn accepts(_: &postgres::types::Type) -> bool {
        true
    }
}

fn pg_row(r: &postgres::Row) -> DbResult<Row> {
    let values = (0..r.len()).map(|i| r.try_get::<_, PgValue>(i).map(|v| v.0)).collect::<Result<_, _>>()?;
    Ok(Row { values })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_and_bare_parameters_become_dollars_outside_quotes() {
        assert_eq!(dollar_parameters("SELECT ?1, ?12 FROM t WHERE a = ?2"), "SELECT $1, $12 FROM t WHERE a = $2");
        assert_eq!(dollar_parameters("a = ? AND b = ?"), "a = $1 AND b = $2");
        assert_eq!(dollar_parameters("x = '?1' AND \"q?\" = ?1"), "x = '?1' AND \"q?\" = $1");
    }

    #[test]
    fn a_column_of_another_type_is_an_error_naming_it() {
        let row = Row { values: vec![Value::Text("x".into()), Value::Integer(300), Value::Null] };
        assert!(matches!(row.get::<i64>(0), Err(DbError::Type { index: 0, .. })));
        assert_eq!(row.get::<Option<i64>>(2).unwrap(), None);
        assert_eq!(row.get::<i64>(1).unwrap(), 300);
        assert!(row.get::<i16>(1).is_ok() && row.get::<u16>(1).is_ok());
        assert!(matches!(row.get::<i64>(5), Err(DbError::Type { index: 5, .. })));
        assert!(matches!(row.get::<bool>(1), Err(DbError::Type { .. })));
    }

    #[test]
    fn sqlite_runs_statements_and_transactions_roll_back_when_dropped() {
        let db = Db::sqlite(rusqlite::Connection::open_in_memory().unwrap());
        db.batch("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, amount_sen INTEGER)").unwrap();
        db.execute("INSERT INTO t (name, amount_sen) VALUES (?1, ?2)", &args!["a", 5i64]).unwrap();
        {
            let tx = db.transaction().unwrap();
            tx.execute("INSERT INTO t (name, amount_sen) VALUES (?1, ?2)", &args!["b", Option::<i64>::None]).unwrap();
        }
        let names: Vec<String> = db.query_map("SELECT name FROM t ORDER BY id", &[], |r| r.get(0)).unwrap();
        assert_eq!(names, vec!["a".to_string()]);
        let tx = db.transaction().unwrap();
        tx.execute("UPDATE t SET amount_sen = ?1 WHERE name = ?2", &args![7i64, "a"]).unwrap();
        tx.commit().unwrap();
        let amount: i64 = db.query_row("SELECT amount_sen FROM t", &[], |r| r.get(0)).unwrap();
        assert_eq!(amount, 7);
        assert!(matches!(db.query_row("SELECT 1 FROM t WHERE 0", &[], |r| r.get::<i64>(0)), Err(DbError::NoRows)));
        assert_eq!(db.tables_with_column("amount_sen").unwrap(), vec!["t".to_string()]);
    }
}
