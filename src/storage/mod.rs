//! The SQLite store: opening with the right pragmas, numbered migrations tracked with
//! `PRAGMA user_version`, and one module per aggregate.

mod backend;
mod city;
pub mod copy;
mod dataset;
mod edit;
mod ops;
mod safety;
mod settings;
pub mod sql;

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
    include_str!("migrations/008_narrative.sql"),
    include_str!("migrations/009_budget_sources.sql"),
    // Numbered 010: 009 is taken by the budget work on another branch; the order here is what
    // counts (each entry is one schema version).
    include_str!("migrations/010_bands_baselines.sql"),
    include_str!("migrations/011_misi.sql"),
    include_str!("migrations/012_city_sources.sql"),
    include_str!("migrations/013_period_rule.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// `PRAGMA application_id` of every Kinerja database: the ASCII bytes `KNRJ`. A file with
/// another non-zero id was made by another program and is refused before anything is written.
pub const APPLICATION_ID: i32 = 0x4B4E_524A;

/// Why the store could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("database {path} was written by a newer Kinerja (schema {found}, this version knows up to {known}); it was not changed — update Kinerja to open it")]
    NewerSchema { path: String, found: i64, known: i64 },
    #[error("{path} is not a Kinerja database: it is not an SQLite database file; it was not changed")]
    NotADatabase { path: String },
    #[error("{path} is not a Kinerja database: it is an SQLite database made by another program; it was not changed — choose a Kinerja database or a new file name")]
    Foreign { path: String },
    #[error("the database {path} is damaged: {detail}")]
    Damaged { path: String, detail: String },
    #[error("the database {path} is in use: another program holds a lock on it; nothing was changed — try again when that program is done")]
    Busy { path: String },
    #[error("{path} cannot be written: the file or its disk is read-only; nothing was changed")]
    ReadOnly { path: String },
    #[error("no permission to open {path} or to write in its folder ({detail}); nothing was changed")]
    NoAccess { path: String, detail: String },
    #[error("{path} is a folder, not a database file; give the path of a file")]
    IsDirectory { path: String },
    #[error("office {0} not found in the database")]
    NoOffice(String),
    #[error("the database holds a value it cannot read: {0}")]
    Corrupt(String),
    #[error("database {path} needs an upgrade (schema {found}) but can only be read")]
    NeedsUpgrade { path: String, found: i64 },
    #[error("{0}")]
    Io(String),
    #[error("the backup could not be made, so the change was not written: {0}")]
    Backup(String),
    #[error("cancelled; nothing was changed")]
    Cancelled,
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    #[error(transparent)]
    Db(#[from] sql::DbError),
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
                format!("{path} bukan basis data Kinerja: berkas ini bukan basis data SQLite; berkas tidak diubah.")
            }
            StorageError::Foreign { path } => format!(
                "{path} bukan basis data Kinerja: berkas ini basis data SQLite buatan program lain; berkas tidak diubah — pilih basis data Kinerja atau nama berkas baru."
            ),
            StorageError::Damaged { path, detail } => format!("Basis data {path} rusak: {detail}"),
            StorageError::Busy { path } => format!(
                "Basis data {path} sedang dipakai: program lain memegang kuncinya; tidak ada yang diubah — coba lagi setelah program itu selesai."
            ),
            StorageError::ReadOnly { path } => {
                format!("{path} tidak dapat ditulis: berkas atau disknya hanya-baca; tidak ada yang diubah.")
            }
            StorageError::NoAccess { path, detail } => format!(
                "Tidak ada izin untuk membuka {path} atau menulis di foldernya ({detail}); tidak ada yang diubah."
            ),
            StorageError::IsDirectory { path } => {
                format!("{path} adalah folder, bukan berkas basis data; sebutkan jalur sebuah berkas.")
            }
            StorageError::NoOffice(code) => format!("Kantor {code} tidak ada di basis data."),
            StorageError::Corrupt(what) => format!("Basis data berisi nilai yang tidak dapat dibaca: {what}"),
            StorageError::NeedsUpgrade { path, found } => format!(
                "Basis data {path} perlu ditingkatkan (skema {found}) tetapi hanya dapat dibaca; buka berkas yang dapat ditulis."
            ),
            StorageError::Io(e) => format!("Kesalahan berkas: {e}"),
            StorageError::Backup(e) => {
                format!("Cadangan tidak dapat dibuat, jadi perubahan tidak ditulis: {e}")
            }
            StorageError::Cancelled => "Dibatalkan; tidak ada yang diubah.".into(),
            StorageError::Sqlite(e) => format!("Kesalahan basis data: {e}"),
            StorageError::Db(e) => format!("Kesalahan basis data: {e}"),
        }
    }

    /// What SQLite's error means for the file at `path`: busy, read-only, damaged, not a
    /// database, a folder, no permission — each its own error, so that a sound file is never
    /// called damaged.
    pub fn classify(e: rusqlite::Error, path: &Path) -> StorageError {
        use rusqlite::ErrorCode as C;
        let shown = path.display().to_string();
        let rusqlite::Error::SqliteFailure(f, detail) = &e else { return StorageError::Sqlite(e) };
        match f.code {
            C::NotADatabase => StorageError::NotADatabase { path: shown },
            C::DatabaseCorrupt => StorageError::Damaged {
                path: shown,
                detail: detail.clone().unwrap_or_else(|| "database disk image is malformed".into()),
            },
            C::DatabaseBusy | C::DatabaseLocked => StorageError::Busy { path: shown },
            C::ReadOnly => StorageError::ReadOnly { path: shown },
            C::PermissionDenied => StorageError::NoAccess { path: shown, detail: e.to_string() },
            C::CannotOpen => {
                if path.is_dir() {
                    return StorageError::IsDirectory { path: shown };
                }
                // SQLite does not say why it could not open; the file system does.
                match std::fs::OpenOptions::new().read(true).open(path) {
                    Err(io) if io.kind() == std::io::ErrorKind::PermissionDenied => {
                        StorageError::NoAccess { path: shown, detail: io.to_string() }
                    }
                    Err(io) if io.kind() == std::io::ErrorKind::ReadOnlyFilesystem => {
                        StorageError::ReadOnly { path: shown }
                    }
                    _ => StorageError::Io(format!("{shown}: {e}")),
                }
            }
            _ => StorageError::Sqlite(e),
        }
    }

    /// The same for an error of the file system.
    pub fn from_io(e: &std::io::Error, path: &Path) -> StorageError {
        let shown = path.display().to_string();
        match e.kind() {
            std::io::ErrorKind::PermissionDenied => StorageError::NoAccess { path: shown, detail: e.to_string() },
            std::io::ErrorKind::ReadOnlyFilesystem => StorageError::ReadOnly { path: shown },
            std::io::ErrorKind::IsADirectory => StorageError::IsDirectory { path: shown },
            _ => StorageError::Io(format!("{shown}: {e}")),
        }
    }
}

pub type Result<T> = std::result::Result<T, StorageError>;

/// An open Kinerja database.
pub struct Store {
    db: sql::Db,
    path: Option<PathBuf>,
}

impl Store {
    /// A store on `conn`, counting the statements it runs.
    fn counted(conn: Connection, path: Option<PathBuf>) -> Store {
        Store { db: sql::Db::sqlite(conn), path }
    }

    /// The connection, on whichever engine.
    pub(crate) fn db(&self) -> &sql::Db {
        &self.db
    }

    /// The SQLite connection of a store on a file (or in memory).
    // Transitional: the modules not yet written over `sql::Db` reach SQLite through this; a
    // store is only ever opened on SQLite until they all are.
    fn conn(&self) -> &Connection {
        #[allow(clippy::expect_used)]
        self.db.as_sqlite().expect("only SQLite stores are opened while modules still use rusqlite")
    }

    /// How many SQL statements this store has run since it was opened (reads and writes; a
    /// statement stepped again after a reset counts again). The window reads the database only
    /// after a change, never while drawing: tests watch this count across frames.
    pub fn queries(&self) -> u64 {
        self.db.statements()
    }

    /// Opens (creating if needed) and migrates the database at `path`.
    ///
    /// A database of a newer schema, a file that is not SQLite and an SQLite file of another
    /// program are refused before anything is written to them.
    pub fn open(path: &Path) -> Result<Store> {
        let shown = path.display().to_string();
        if path.is_dir() {
            return Err(StorageError::IsDirectory { path: shown });
        }
        if path.exists() {
            inspect(path)?;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| StorageError::classify(e, path))?;
        let mut store = Store::counted(conn, Some(path.to_path_buf()));
        store.prepare(&shown, true)?;
        Ok(store)
    }

    /// A fresh database in memory (tests, previews).
    pub fn open_in_memory() -> Result<Store> {
        let mut store = Store::counted(Connection::open_in_memory()?, None);
        store.prepare(":memory:", false)?;
        Ok(store)
    }

    fn prepare(&mut self, shown: &str, wal: bool) -> Result<()> {
        let at = PathBuf::from(shown);
        let classify = |e: rusqlite::Error| StorageError::classify(e, &at);
        // Read the version before any pragma that could write to the file.
        let version: i64 = self.conn().query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(classify)?;
        if version > SCHEMA_VERSION {
            return Err(StorageError::NewerSchema { path: shown.to_string(), found: version, known: SCHEMA_VERSION });
        }
        self.conn().busy_timeout(std::time::Duration::from_secs(5))?;
        self.conn().pragma_update(None, "foreign_keys", true).map_err(classify)?;
        if wal {
            self.conn().pragma_update(None, "journal_mode", "WAL").map_err(classify)?;
            self.conn().pragma_update(None, "synchronous", "NORMAL").map_err(classify)?;
        }
        if version > 0 && version < SCHEMA_VERSION && self.path.is_some() {
            // An existing database is copied before its schema changes.
            self.backup(&format!("sebelum-migrasi-{version}"))?;
        }
        self.migrate(version).map_err(classify)?;
        // New files and those of earlier versions (id 0, already recognised as Kinerja's by
        // `inspect`) are marked as Kinerja's.
        let id: i32 = self.conn().query_row("PRAGMA application_id", [], |r| r.get(0)).map_err(classify)?;
        if id != APPLICATION_ID {
            self.conn().pragma_update(None, "application_id", APPLICATION_ID).map_err(classify)?;
        }
        Ok(())
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
                self.conn().pragma_update(None, "foreign_keys", false)?;
            }
            let migrated = (|| {
                let tx = self.conn().unchecked_transaction()?;
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
                self.conn().pragma_update(None, "foreign_keys", true)?;
            }
            migrated?;
        }
        Ok(())
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self.conn().query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn connection(&self) -> &Connection {
        self.conn()
    }

    /// Opens a database at an older schema version, for upgrade tests.
    #[doc(hidden)]
    /// Like the versions before the application id, it leaves the id at 0.
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

/// What an existing file is, read without writing a byte: `Ok` for a Kinerja database (of this
/// or an earlier schema) and for an empty one (0 bytes, or SQLite without tables), otherwise why
/// it is not one.
///
/// Files of versions before the application id have id 0; they are Kinerja's when their schema
/// version is at least 1 and they hold Kinerja's `office` table and its `budget_line` or
/// `audit_log` table.
pub fn inspect(path: &Path) -> Result<()> {
    let shown = path.display().to_string();
    if path.is_dir() {
        return Err(StorageError::IsDirectory { path: shown });
    }
    let classify = |e: rusqlite::Error| StorageError::classify(e, path);
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(classify)?;
    conn.busy_timeout(std::time::Duration::from_secs(2)).map_err(classify)?;
    let id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0)).map_err(classify)?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(classify)?;
    if id != 0 && id != APPLICATION_ID {
        return Err(StorageError::Foreign { path: shown });
    }
    if version > SCHEMA_VERSION {
        return Err(StorageError::NewerSchema { path: shown, found: version, known: SCHEMA_VERSION });
    }
    if id == APPLICATION_ID {
        return Ok(());
    }
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .map_err(classify)?;
    let has = |t: &str| tables.iter().any(|n| n == t);
    let empty = tables.is_empty() && version == 0;
    let earlier_kinerja = version >= 1 && has("office") && (has("budget_line") || has("audit_log"));
    if empty || earlier_kinerja {
        Ok(())
    } else {
        Err(StorageError::Foreign { path: shown })
    }
}
