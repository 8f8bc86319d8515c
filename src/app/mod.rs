//! Application state and commands shared by the window and the command line.

pub mod city;
mod history;
pub mod narrative;
pub mod settings;

pub use history::History;

use crate::calc::Settings;
use crate::domain::Dataset;
use crate::storage::{Backend, StorageError, Store};
use std::path::{Path, PathBuf};

/// Why the application could not open its data.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("the embedded dataset is invalid: {0}")]
    Embedded(#[from] crate::interchange::Problems),
    #[error("cannot create the folder {path}: {source}")]
    Folder { path: String, source: std::io::Error },
    #[error("the database {0} holds no office")]
    Empty(String),
    #[error("the database {path} is damaged: {detail}")]
    Damaged { path: String, detail: String, backups: Vec<PathBuf> },
}

impl OpenError {
    /// The file at `path` is damaged (`detail` from the integrity check); its backups are offered.
    pub fn damaged(path: &Path, detail: String) -> OpenError {
        OpenError::Damaged { path: path.display().to_string(), detail, backups: crate::storage::list_backups(path) }
    }

    /// A store error of the file at `path`; damage found by SQLite is reported like damage found
    /// by the integrity check, with the backups.
    pub fn of_store(path: &Path, e: StorageError) -> OpenError {
        match e {
            StorageError::Damaged { detail, .. } => OpenError::damaged(path, detail),
            other => OpenError::Storage(other),
        }
    }

    /// Whether the error could come from damage the integrity check would find: not for a file
    /// already told apart (another program's, not SQLite, busy, read-only, …).
    fn may_be_damage(&self) -> bool {
        matches!(
            self,
            OpenError::Empty(_)
                | OpenError::Storage(StorageError::Sqlite(_) | StorageError::Corrupt(_) | StorageError::NoOffice(_))
        )
    }

    /// The message in the user's language.
    pub fn message(&self, lang: crate::format::Lang) -> String {
        match lang {
            crate::format::Lang::Id => self.message_id(),
            crate::format::Lang::En => match self {
                OpenError::Damaged { path, detail, backups } => format!(
                    "The database {path} is damaged ({detail}). The file was not changed. {}",
                    match backups.first() {
                        None => "There is no backup; choose another file.".to_string(),
                        Some(b) => format!("Latest backup: {}", b.display()),
                    }
                ),
                OpenError::Storage(e) => e.to_string(),
                other => other.to_string(),
            },
        }
    }

    /// The message in Indonesian.
    pub fn message_id(&self) -> String {
        match self {
            OpenError::Storage(e) => e.message_id(),
            OpenError::Embedded(p) => format!("Dataset bawaan tidak valid:\n{p}"),
            OpenError::Folder { path, source } => format!("Tidak dapat membuat folder {path}: {source}"),
            OpenError::Empty(path) => format!("Basis data {path} tidak berisi data kantor."),
            OpenError::Damaged { path, detail, backups } => format!(
                "Basis data {path} rusak ({detail}). Berkas ini tidak diubah. {}",
                if backups.is_empty() {
                    "Tidak ada cadangan; pilih berkas lain.".to_string()
                } else {
                    format!("Cadangan terbaru: {}", backups[0].display())
                }
            ),
        }
    }
}

/// Where the database lives when no `--db` is given: the platform's data directory.
pub fn default_db_path() -> PathBuf {
    directories::ProjectDirs::from("id", "Kinerja", "Kinerja")
        .map(|d| d.data_dir().join("kinerja.sqlite"))
        .unwrap_or_else(|| PathBuf::from("kinerja.sqlite"))
}

/// Why a database is open for reading only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadOnly {
    /// Another running Kinerja has it open for editing.
    Locked,
    /// The file itself is marked read-only.
    FileReadOnly,
    /// The integrity check of the file is still running (in the background); editing waits
    /// for it, so that a damaged file is never written.
    Checking,
    /// The folder of the database cannot be written (a read-only disk, or no permission), so
    /// its editing lock cannot be taken.
    FolderReadOnly,
    /// Opened by a command that only reads, without the integrity check.
    Unchecked,
}

impl ReadOnly {
    pub fn message(self, lang: crate::format::Lang) -> &'static str {
        match self {
            ReadOnly::Locked => lang.pick(
                "Basis data sedang dibuka untuk disunting oleh Kinerja lain; di sini hanya dapat dibaca.",
                "Another running Kinerja has this database open for editing; here it can only be read.",
            ),
            ReadOnly::FileReadOnly => lang.pick(
                "Berkas basis data bertanda hanya-baca; perubahan tidak dapat disimpan.",
                "The database file is marked read-only; changes cannot be saved.",
            ),
            ReadOnly::Checking => lang.pick(
                "Memeriksa keutuhan basis data… penyuntingan tersedia sesudah pemeriksaan selesai.",
                "Checking the database's integrity… editing is available once the check is done.",
            ),
            ReadOnly::FolderReadOnly => lang.pick(
                "Folder basis data tidak dapat ditulis (disk hanya-baca atau tanpa izin); di sini hanya dapat dibaca.",
                "The database's folder cannot be written (a read-only disk or no permission); here it can only be read.",
            ),
            ReadOnly::Unchecked => lang.pick(
                "Dibuka hanya untuk dibaca, tanpa pemeriksaan keutuhan.",
                "Opened for reading only, without the integrity check.",
            ),
        }
    }
}

/// When the integrity check of an existing database file runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Integrity {
    /// Before anything is read (the command line).
    Now,
    /// After opening, by the caller, while the session stays read-only
    /// ([`ReadOnly::Checking`]); a file that must be upgraded is still checked first. The window
    /// does this: a city's database of a million budget lines takes a second to check.
    Later,
    /// Never, because the caller only reads: the file is opened read-only
    /// ([`ReadOnly::Unchecked`]) after the cheap look of [`crate::storage::inspect`]. A file that
    /// must be upgraded or filled is checked first and opened as with [`Integrity::Now`].
    Skip,
}

/// An open database with the office being worked on, loaded.
///
/// Generic over the [`Backend`] that holds the data; everything but opening (which is about a
/// SQLite file: its lock, its integrity check, creating it) works on any backend.
pub struct Session<B: Backend = Store> {
    pub store: B,
    pub office_id: i64,
    pub dataset: Dataset,
    pub settings: Settings,
    /// Whether the database was created (from the embedded dataset) by this open.
    pub created: bool,
    /// Set when the database can only be read.
    pub read_only: Option<ReadOnly>,
    /// Opened with [`Integrity::Later`] and not yet confirmed sound.
    pub integrity_pending: bool,
    /// Held while this session may write: another Kinerja opening the same file reads only.
    _lock: Option<std::fs::File>,
}

fn lock_path(db: &Path) -> PathBuf {
    PathBuf::from(format!("{}.lock", db.display()))
}

/// The editing lock of a database, or why it was not taken.
enum Lock {
    Taken(std::fs::File),
    /// Another process holds it.
    Held,
    /// The lock file cannot be created: the folder is on a read-only disk or not writable.
    Unwritable(std::io::Error),
}

/// Takes the editing lock of `db`.
fn take_lock(db: &Path) -> Lock {
    let file = match std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(lock_path(db)) {
        Ok(f) => f,
        Err(e) => return Lock::Unwritable(e),
    };
    match file.try_lock() {
        Ok(()) => Lock::Taken(file),
        Err(_) => Lock::Held,
    }
}

impl Session<Store> {
    /// Opens `path`, creating it from the embedded dataset when it does not exist, on the first
    /// office by name.
    pub fn open(path: &Path) -> Result<Session, OpenError> {
        Self::open_office(path, None)
    }

    /// Opens `path` on the office with code `office` (the first office by name when there is no
    /// such office or none is asked for).
    pub fn open_office(path: &Path, office: Option<&str>) -> Result<Session, OpenError> {
        Self::open_office_with(path, office, Integrity::Now)
    }

    /// [`Session::open_office`], with the integrity check now or later.
    pub fn open_office_with(path: &Path, office: Option<&str>, integrity: Integrity) -> Result<Session, OpenError> {
        let opened = Self::open_inner(path, office, integrity);
        match opened {
            // A file that fails to open without the check is checked now, so that damage is
            // reported as such (with the backups) rather than as a read error.
            Err(e) if integrity != Integrity::Now && path.exists() && e.may_be_damage() => {
                match crate::storage::verify_file(path) {
                    Err(StorageError::Damaged { detail, .. }) => Err(OpenError::damaged(path, detail)),
                    _ => Err(e),
                }
            }
            other => other,
        }
    }

    fn open_inner(path: &Path, office: Option<&str>, integrity: Integrity) -> Result<Session, OpenError> {
        let of_store = |e: StorageError| OpenError::of_store(path, e);
        if path.is_dir() {
            return Err(StorageError::IsDirectory { path: path.display().to_string() }.into());
        }
        let existed = path.exists();
        if existed {
            // Another program's file, one that is not SQLite, a newer schema or a lock held
            // elsewhere are told apart before the integrity check, which calls them all damaged.
            crate::storage::inspect(path).map_err(of_store)?;
        }
        let current = existed && crate::storage::schema_version_of(path) == Some(crate::storage::SCHEMA_VERSION);
        if integrity == Integrity::Skip && current {
            let store = Store::open_read_only(path).map_err(of_store)?;
            if !store.offices().map_err(of_store)?.is_empty() {
                let mut s = Self::from_store(store, false, office)?;
                s.read_only = Some(ReadOnly::Unchecked);
                return Ok(s);
            }
            // An empty file is about to be filled: opened below, checked first.
        }
        let check_later = integrity == Integrity::Later && current;
        if existed {
            if !check_later {
                crate::storage::verify_file(path).map_err(of_store)?;
            }
            let file_read_only = std::fs::metadata(path).map(|m| m.permissions().readonly()).unwrap_or(false);
            let (lock, read_only) = match (file_read_only, take_lock(path)) {
                (true, _) => (None, Some(ReadOnly::FileReadOnly)),
                (false, Lock::Taken(f)) => (Some(f), None),
                (false, Lock::Held) => (None, Some(ReadOnly::Locked)),
                (false, Lock::Unwritable(_)) => (None, Some(ReadOnly::FolderReadOnly)),
            };
            if read_only.is_some() {
                let store = Store::open_read_only(path).map_err(of_store)?;
                let mut s = Self::from_store(store, false, office)?;
                s.read_only = read_only;
                s.integrity_pending = check_later;
                return Ok(s);
            }
            let mut store = Store::open(path).map_err(of_store)?;
            // An existing file without any office (empty, or only its schema) starts like a new one.
            let created = store.offices().map_err(of_store)?.is_empty();
            if created {
                // About to write: a file not yet checked is checked first.
                if check_later {
                    crate::storage::verify_file(path).map_err(of_store)?;
                }
                store.save_dataset(&crate::embedded::dataset()?).map_err(of_store)?;
            }
            let mut s = Self::from_store(store, created, office)?;
            s._lock = lock;
            if check_later {
                s.read_only = Some(ReadOnly::Checking);
                s.integrity_pending = true;
            }
            return Ok(s);
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|source| OpenError::Folder { path: dir.display().to_string(), source })?;
        }
        let lock = match take_lock(path) {
            Lock::Taken(f) => f,
            // Another Kinerja is creating this very file right now.
            Lock::Held => return Err(StorageError::Busy { path: path.display().to_string() }.into()),
            Lock::Unwritable(e) => return Err(StorageError::from_io(&e, path).into()),
        };
        let mut store = Store::open(path).map_err(of_store)?;
        let mut created = false;
        // A database without any office (new, or only its schema created) gets the embedded dataset.
        if store.offices().map_err(of_store)?.is_empty() {
            let dataset = crate::embedded::dataset()?;
            store.save_dataset(&dataset).map_err(of_store)?;
            created = true;
        }
        let mut s = Self::from_store(store, created, office)?;
        s._lock = Some(lock);
        Ok(s)
    }

    /// A session on a store opened by the caller — a server database, whose lock, checks and
    /// copies are the server's — on the office with code `office` (the first office by name when
    /// there is no such office or none is asked for). Nothing is written.
    pub fn on_store(store: Store, office: Option<&str>) -> Result<Session, OpenError> {
        Self::from_store(store, false, office)
    }

    /// A session on a fresh in-memory copy of the embedded dataset.
    pub fn in_memory() -> Result<Session, OpenError> {
        let mut store = Store::open_in_memory()?;
        store.save_dataset(&crate::embedded::dataset()?)?;
        Self::from_store(store, true, None)
    }

    fn from_store(store: Store, created: bool, preferred: Option<&str>) -> Result<Session, OpenError> {
        let offices = store.offices()?;
        let office = offices
            .iter()
            .find(|o| Some(o.code.as_str()) == preferred)
            .or(offices.first())
            .cloned()
            .ok_or_else(|| OpenError::Empty(store.path().map_or(":memory:".into(), |p| p.display().to_string())))?;
        let dataset = store.load_dataset(office.id)?;
        let mut s = Session {
            store,
            office_id: office.id,
            dataset,
            settings: Settings::default(),
            created,
            read_only: None,
            integrity_pending: false,
            _lock: None,
        };
        s.reload_settings();
        Ok(s)
    }
}

impl<B: Backend> Session<B> {
    /// The integrity check passed: a session waiting for it may write now.
    pub fn integrity_confirmed(&mut self) {
        self.integrity_pending = false;
        if self.read_only == Some(ReadOnly::Checking) {
            self.read_only = None;
        }
    }

    /// Works on another office of the same database from now on.
    pub fn select_office(&mut self, office_id: i64) -> Result<(), StorageError> {
        let dataset = self.store.load_dataset(office_id)?;
        self.office_id = office_id;
        self.dataset = dataset;
        self.reload_settings();
        Ok(())
    }

    /// Reads the office's settings again; a stored setting that cannot be read keeps its default
    /// (the settings screen shows the value in use).
    pub fn reload_settings(&mut self) {
        let stored = Settings::default()
            .to_pairs()
            .into_iter()
            .filter_map(|(key, _)| self.store.setting(self.office_id, key).ok().flatten().map(|v| (key, v)));
        self.settings = Settings::from_stored(stored);
    }
}
