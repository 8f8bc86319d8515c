//! The SQLite store: opening with the right pragmas, numbered migrations tracked with
//! `PRAGMA user_version`, and one module per aggregate.

mod backend;
mod city;
mod dataset;
mod edit;
mod ops;
mod safety;
mod settings;

pub use backend::Backend;
pub use city::*;
pub use dataset::*;
pub use edit::{now_text, AuditEntry, EditError};
pub use ops::Applied;
pub use safety::*;

use rusqlite::{Connection, OpenFlags, OptionalExtension};
use std::path::{Path, PathBuf};

/// The migrations, in order; migration `i` brings the schema from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_initial.sql"),
    include_str!("migrations/002_settings.sql"),
    include_str!("migrations/003_audit.sql"),
    include_str!("migrations/004_quarters.sql"),
    include_str!("migrations/005_budget_parent_index.sql"),
    include_str!("migrations/006_city.sql"),
    include_str!("migrations/007_predecessor_link.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Why the store could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("database {path} was written by a newer Kinerja (schema {found}, this version knows up to {known}); it was not changed — update Kinerja to open it")]
    NewerSchema { path: String, found: i64, known: i64 },
    #[error("{path} is not a Kinerja database (not SQLite, or damaged)")]
    NotADatabase { path: String },
    #[error("office {0} not found in the database")]
    NoOffice(String),
    #[error("the database holds a value it cannot read: {0}")]
    Corrupt(String),
    #[error("database {path} needs an upgrade (schema {found}) but can only be read")]
    NeedsUpgrade { path: String, found: i64 },
    #[error("{0}")]
    Io(String),
    #[error("cancelled; nothing was changed")]
    Cancelled,
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
}

impl StorageError {
    /// The message in the user's language.
    pub fn message(&self, lang: crate::format::Lang) -> String {
        match lang {
            crate::format::Lang::Id => self.message_id(),
            crate::format::Lang::En => self.to_string(),
        }
    }

    /// The message in Indonesian, for the user.
    pub fn message_id(&self) -> String {
        match self {
            StorageError::NewerSchema { path, found, known } => format!(
                "Basis data {path} dibuat oleh Kinerja yang lebih baru (skema {found}, versi ini mengenal sampai {known}); basis data tidak diubah — perbarui Kinerja untuk membukanya."
            ),
            StorageError::NotADatabase { path } => {
                format!("{path} bukan basis data Kinerja (bukan SQLite, atau rusak).")
            }
            StorageError::NoOffice(code) => format!("Kantor {code} tidak ada di basis data."),
            StorageError::Corrupt(what) => format!("Basis data berisi nilai yang tidak dapat dibaca: {what}"),
            StorageError::NeedsUpgrade { path, found } => format!(
                "Basis data {path} perlu ditingkatkan (skema {found}) tetapi hanya dapat dibaca; buka berkas yang dapat ditulis."
            ),
            StorageError::Io(e) => format!("Kesalahan berkas: {e}"),
            StorageError::Cancelled => "Dibatalkan; tidak ada yang diubah.".into(),
            StorageError::Sqlite(e) => format!("Kesalahan basis data: {e}"),
        }
    }
}

pub type Result<T> = std::result::Result<T, StorageError>;

/// An open Kinerja database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens (creating if needed) and migrates the database at `path`.
    ///
    /// A database of a newer schema is refused before anything is written to it.
    pub fn open(path: &Path) -> Result<Store> {
        let shown = path.display().to_string();
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let mut store = Store { conn, path: Some(path.to_path_buf()) };
        store.prepare(&shown, true)?;
        Ok(store)
    }

    /// A fresh database in memory (tests, previews).
    pub fn open_in_memory() -> Result<Store> {
        let mut store = Store { conn: Connection::open_in_memory()?, path: None };
        store.prepare(":memory:", false)?;
        Ok(store)
    }

    fn prepare(&mut self, shown: &str, wal: bool) -> Result<()> {
        let not_db = |e: rusqlite::Error| match e {
            rusqlite::Error::SqliteFailure(f, _)
                if matches!(f.code, rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt) =>
            {
                StorageError::NotADatabase { path: shown.to_string() }
            }
            other => StorageError::Sqlite(other),
        };
        // Read the version before any pragma that could write to the file.
        let version: i64 = self.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(not_db)?;
        if version > SCHEMA_VERSION {
            return Err(StorageError::NewerSchema { path: shown.to_string(), found: version, known: SCHEMA_VERSION });
        }
        self.conn.busy_timeout(std::time::Duration::from_secs(5))?;
        self.conn.pragma_update(None, "foreign_keys", true).map_err(not_db)?;
        if wal {
            self.conn.pragma_update(None, "journal_mode", "WAL").map_err(not_db)?;
            self.conn.pragma_update(None, "synchronous", "NORMAL").map_err(not_db)?;
        }
        if version > 0 && version < SCHEMA_VERSION && self.path.is_some() {
            // An existing database is copied before its schema changes.
            self.backup(&format!("sebelum-migrasi-{version}"))?;
        }
        self.migrate(version).map_err(not_db)
    }

    /// Applies the migrations after `from`, each in its own transaction with its version bump.
    ///
    /// A migration that rebuilds a table (it drops one) runs with foreign keys off — dropping the
    /// old table must not cascade into the rows that refer to it — and its transaction commits
    /// only when `PRAGMA foreign_key_check` finds nothing, as SQLite's procedure for schema
    /// changes says; `foreign_keys` can only change outside a transaction.
    fn migrate(&mut self, from: i64) -> rusqlite::Result<()> {
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(from as usize) {
            let rebuild = sql.contains("DROP TABLE");
            if rebuild {
                self.conn.pragma_update(None, "foreign_keys", false)?;
            }
            let migrated = (|| {
                let tx = self.conn.transaction()?;
                tx.execute_batch(sql)?;
                if rebuild {
                    let broken: Option<String> =
                        tx.query_row("PRAGMA foreign_key_check", [], |r| r.get(0)).optional()?;
                    if let Some(table) = broken {
                        return Err(rusqlite::Error::SqliteFailure(
                            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT),
                            Some(format!("migration {}: a row of {table} refers to a missing record", i + 1)),
                        ));
                    }
                }
                tx.pragma_update(None, "user_version", (i + 1) as i64)?;
                tx.commit()
            })();
            if rebuild {
                self.conn.pragma_update(None, "foreign_keys", true)?;
            }
            migrated?;
        }
        Ok(())
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Opens a database at an older schema version, for upgrade tests.
    #[doc(hidden)]
    pub fn create_at_version(path: &Path, version: i64) -> Result<()> {
        let mut conn = Connection::open(path)?;
        for (i, sql) in MIGRATIONS.iter().enumerate().take(version as usize) {
            let tx = conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
            tx.commit()?;
        }
        Ok(())
    }
}
