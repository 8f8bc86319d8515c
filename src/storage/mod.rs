//! The store: an SQLite file opened with the right pragmas, numbered migrations tracked with
//! `PRAGMA user_version`, and one module per aggregate; or a PostgreSQL server database reached
//! through `server` and brought to the same schema by `pg_schema`.

pub mod access;
mod backend;
mod city;
pub mod copy;
mod dataset;
mod edit;
mod ops;
pub mod pg_schema;
mod safety;
pub mod server;
mod settings;
pub mod sql;

pub use backend::Backend;
pub use city::*;
pub use dataset::*;
pub use edit::{now_text, AuditEntry, EditError};
pub use ops::Applied;
pub use pg_schema::{migrate_server, server_schema_version};
pub use safety::*;
pub use server::{is_server_address, ServerAddress, SslMode};

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
    #[error("the database address {given} cannot be used: {why_en}")]
    BadAddress { given: String, why_en: String, why_id: String },
    #[error("the database server {address} cannot be reached ({detail}); check the address, the network and that the server is running")]
    ServerUnreachable { address: String, detail: String },
    #[error("the database server {address} refused the login: wrong user name or password, or this user may not connect from here")]
    ServerLogin { address: String },
    #[error("the database named in {address} does not exist on the server; check the name or ask the administrator to create it")]
    NoServerDatabase { address: String },
    #[error(
        "the database server {address} cannot be reached through an encrypted connection (sslmode=require): {detail}"
    )]
    ServerTls { address: String, detail: String },
    #[error("{address} is not a Kinerja database: it holds tables of another program; it was not changed — give an empty database or one of Kinerja's")]
    ForeignServer { address: String },
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    #[error(transparent)]
    Db(sql::DbError),
    #[error("{} is for a database file; this database is on a server, where the server's administrator keeps copies and checks", .what.name(crate::format::Lang::En))]
    NotAFile { what: FileOnly },
}

/// What only a database file has: its server counterparts are the administrator's business.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileOnly {
    Backup,
    IntegrityCheck,
}

impl FileOnly {
    pub fn name(self, lang: crate::format::Lang) -> &'static str {
        use crate::format::Lang;
        match (self, lang) {
            (FileOnly::Backup, Lang::En) => "A backup copy",
            (FileOnly::Backup, Lang::Id) => "Salinan cadangan",
            (FileOnly::IntegrityCheck, Lang::En) => "The integrity check",
            (FileOnly::IntegrityCheck, Lang::Id) => "Pemeriksaan keutuhan",
        }
    }
}

impl From<sql::DbError> for StorageError {
    /// A value the store cannot read is [`StorageError::Corrupt`] whichever engine holds it, and
    /// SQLite's own errors stay what they were before the store ran over [`sql::Db`].
    fn from(e: sql::DbError) -> Self {
        match e {
            sql::DbError::Corrupt(what) => StorageError::Corrupt(what),
            // A column holding another type than its declaration is a damaged value too.
            e @ sql::DbError::Type { .. } => StorageError::Corrupt(e.to_string()),
            sql::DbError::Sqlite(e) => StorageError::Sqlite(e),
            other => StorageError::Db(other),
        }
    }
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
            StorageError::BadAddress { given, why_id, .. } => {
                format!("Alamat basis data {given} tidak dapat dipakai: {why_id}")
            }
            StorageError::ServerUnreachable { address, detail } => format!(
                "Server basis data {address} tidak dapat dihubungi ({detail}); periksa alamatnya, jaringan, dan apakah servernya berjalan."
            ),
            StorageError::ServerLogin { address } => format!(
                "Server basis data {address} menolak login: nama pengguna atau kata sandi salah, atau pengguna ini tidak boleh terhubung dari sini."
            ),
            StorageError::NoServerDatabase { address } => format!(
                "Basis data yang disebut dalam {address} tidak ada di server; periksa namanya atau minta administrator membuatnya."
            ),
            StorageError::ServerTls { address, detail } => format!(
                "Server basis data {address} tidak dapat dihubungi lewat sambungan terenkripsi (sslmode=require): {detail}"
            ),
            StorageError::ForeignServer { address } => format!(
                "{address} bukan basis data Kinerja: isinya tabel program lain; basis data tidak diubah — berikan basis data kosong atau basis data Kinerja."
            ),
            StorageError::Sqlite(e) => format!("Kesalahan basis data: {e}"),
            StorageError::Db(e) => format!("Kesalahan basis data: {e}"),
            StorageError::NotAFile { what } => format!(
                "{} hanya untuk berkas basis data; basis data ini ada di server, yang salinan dan pemeriksaannya diurus administrator server.",
                what.name(crate::format::Lang::Id)
            ),
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

/// Where a store's data lives, for messages and titles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    File(PathBuf),
    Memory,
    /// A PostgreSQL server, by its address with the password masked.
    Server(String),
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::File(p) => write!(f, "{}", p.display()),
            Location::Memory => f.write_str(":memory:"),
            Location::Server(shown) => f.write_str(shown),
        }
    }
}

/// An open Kinerja database.
pub struct Store {
    db: sql::Db,
    path: Option<PathBuf>,
    /// The masked address of a server store (`None` for a file or memory).
    server: Option<String>,
}

impl Store {
    /// A store on `conn`, counting the statements it runs.
    fn counted(conn: Connection, path: Option<PathBuf>) -> Store {
        Store { db: sql::Db::sqlite(conn), path, server: None }
    }

    /// The connection, on whichever engine.
    pub(crate) fn db(&self) -> &sql::Db {
        &self.db
    }

    /// The SQLite connection of a store on a file (or in memory).
    // Transitional: the modules not yet written over `sql::Db` reach SQLite through this. Only
    // `Store::open_server` makes a store on a server, and nothing outside the store's tests opens
    // one until those modules are all written over `sql::Db` (issue 15).
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

    /// Connects to the server at `address` and brings its database to this build's schema.
    ///
    /// A database of a newer schema and one holding another program's tables are refused before
    /// anything is written; every message names the server with its password masked.
    ///
    /// While some of the store's modules still reach SQLite directly (issue 15, in progress),
    /// a server store answers [`Store::schema_version`], [`Store::location`] and what is written
    /// over `sql::Db`; the application does not open one yet.
    pub fn open_server(address: &ServerAddress) -> Result<Store> {
        let shown = address.shown();
        let db = sql::Db::postgres(server::connect(address)?);
        pg_schema::migrate_server_as(&db, &shown)?;
        Ok(Store { db, path: None, server: Some(shown) })
    }

    /// Where the data lives.
    pub fn location(&self) -> Location {
        match (&self.server, &self.path) {
            (Some(shown), _) => Location::Server(shown.clone()),
            (None, Some(path)) => Location::File(path.clone()),
            (None, None) => Location::Memory,
        }
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
        match self.db.as_sqlite() {
            Some(conn) => Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?),
            None => pg_schema::server_schema_version(&self.db),
        }
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
