//! Copying offices from one database to another (`kinerja db copy`): the source is only read; the
//! target is written in one transaction, after its own checks (a file's lock, its integrity and
//! a backup before offices in it are replaced).

use super::{take_lock, Location, Lock, OpenError};
use crate::format::Lang;
use crate::storage::copy::{plan_copy, CopiedOffice, CopyError, CopyProgress};
use crate::storage::{StorageError, Store};
use std::path::{Path, PathBuf};

/// Why nothing was copied.
#[derive(Debug, thiserror::Error)]
pub enum CopyFailure {
    #[error("the source and the target are the same database ({0}); nothing was copied")]
    SameDatabase(String),
    /// The source could not be opened.
    #[error("{0}")]
    Source(OpenError),
    /// The target could not be opened.
    #[error("{0}")]
    Target(OpenError),
    #[error(transparent)]
    Copy(#[from] CopyError),
}

impl CopyFailure {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CopyFailure::SameDatabase(db) => match lang {
                Lang::Id => format!("Sumber dan tujuan adalah basis data yang sama ({db}); tidak ada yang disalin."),
                Lang::En => self.to_string(),
            },
            CopyFailure::Source(e) => {
                format!("{} {}", lang.pick("Sumber:", "Source:"), e.message(lang))
            }
            CopyFailure::Target(e) => {
                format!("{} {}", lang.pick("Tujuan:", "Target:"), e.message(lang))
            }
            CopyFailure::Copy(e) => e.message(lang),
        }
    }

    /// The error of opening the source or the target, for its exit code.
    pub fn open_error(&self) -> Option<&OpenError> {
        match self {
            CopyFailure::Source(e) | CopyFailure::Target(e) => Some(e),
            _ => None,
        }
    }
}

/// What a copy did.
#[derive(Debug)]
pub struct Copied {
    pub offices: Vec<CopiedOffice>,
    /// The backup of the target file made before offices in it were replaced.
    pub backup: Option<PathBuf>,
    /// The target file did not exist and was created.
    pub created: bool,
}

/// Copies the offices named in `only` (all when empty) from the database at `from` into the one
/// at `to` (a file that does not exist is created); see [`crate::storage::copy`].
pub fn copy(
    from: &Location,
    to: &Location,
    only: &[String],
    force: bool,
    progress: &mut dyn FnMut(CopyProgress<'_>),
) -> Result<Copied, CopyFailure> {
    if same_database(from, to) {
        return Err(CopyFailure::SameDatabase(to.shown()));
    }
    let source = match from {
        Location::File(path) => open_source(path),
        Location::Server(address) => Store::open_server(address).map_err(OpenError::from),
    }
    .map_err(CopyFailure::Source)?;
    let (target, _lock, created) = match to {
        Location::File(path) => {
            let created = !path.exists();
            open_target(path).map(|(store, lock)| (store, Some(lock), created))
        }
        // A server keeps its own integrity and concurrency: the copy is one transaction there.
        Location::Server(address) => Store::open_server(address).map(|s| (s, None, false)).map_err(OpenError::from),
    }
    .map_err(CopyFailure::Target)?;
    let plan = plan_copy(&source, &target, only, force)?;
    // A file's offices about to be replaced are backed up first (a server's copies are its
    // administrator's).
    let backup = if plan.replaced.is_empty() || to.file().is_none() {
        None
    } else {
        Some(target.backup("sebelum-salin").map_err(|e| CopyFailure::Target(OpenError::Storage(e)))?)
    };
    let offices = plan.run(&source, &target, progress)?;
    Ok(Copied { offices, backup, created })
}

/// Whether two locations name one database: the same file (by its canonical path).
fn same_database(a: &Location, b: &Location) -> bool {
    match (a, b) {
        (Location::File(a), Location::File(b)) => match (a.canonicalize(), b.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        },
        (Location::Server(a), Location::Server(b)) => {
            a.host.eq_ignore_ascii_case(&b.host) && a.port == b.port && a.database == b.database
        }
        _ => false,
    }
}

/// A database file to copy from: read-only, checked first (a damaged file's rows are not to be
/// spread).
fn open_source(path: &Path) -> Result<Store, OpenError> {
    let store = Store::open_read_only(path).map_err(|e| OpenError::of_store(path, e))?;
    crate::storage::verify_file(path).map_err(|e| OpenError::of_store(path, e))?;
    Ok(store)
}

/// A database file to copy into, with its editing lock: an existing one is checked first; a new
/// one is created with the schema only (no embedded dataset).
fn open_target(path: &Path) -> Result<(Store, std::fs::File), OpenError> {
    let of_store = |e: StorageError| OpenError::of_store(path, e);
    if path.is_dir() {
        return Err(StorageError::IsDirectory { path: path.display().to_string() }.into());
    }
    if path.exists() {
        crate::storage::inspect(path).map_err(of_store)?;
        crate::storage::verify_file(path).map_err(of_store)?;
    } else if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| OpenError::Folder { path: dir.display().to_string(), source })?;
    }
    let lock = match take_lock(path) {
        Lock::Taken(f) => f,
        Lock::Held => return Err(StorageError::Busy { path: path.display().to_string() }.into()),
        Lock::Unwritable(e) => return Err(StorageError::from_io(&e, path).into()),
    };
    let store = Store::open(path).map_err(of_store)?;
    Ok((store, lock))
}
