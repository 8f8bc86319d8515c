//! Keeping data safe: integrity checks, read-only opening, and backup copies made with SQLite's
//! online backup API.

use super::{FileOnly, Result, StorageError, Store, SCHEMA_VERSION};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// How many backup copies are kept per database.
pub const BACKUPS_KEPT: usize = 7;

impl Store {
    /// Opens `path` for reading only: nothing is ever written, not even a migration. A file
    /// that is not a Kinerja database is refused as by [`Store::open`].
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let shown = path.display().to_string();
        if !path.exists() {
            return Err(StorageError::Io(format!("{shown}: file not found / berkas tidak ada")));
        }
        super::inspect(path)?;
        let conn =
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
                .map_err(|e| StorageError::classify(e, path))?;
        conn.busy_timeout(std::time::Duration::from_secs(5)).map_err(|e| StorageError::classify(e, path))?;
        let version: i64 =
            conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(|e| StorageError::classify(e, path))?;
        if version > SCHEMA_VERSION {
            return Err(StorageError::NewerSchema { path: shown, found: version, known: SCHEMA_VERSION });
        }
        if version < SCHEMA_VERSION {
            return Err(StorageError::NeedsUpgrade { path: shown, found: version });
        }
        Ok(Store::counted(conn, Some(path.to_path_buf())))
    }

    /// The SQLite connection of a store on a file, for `what` only a file has.
    fn file(&self, what: FileOnly) -> Result<&Connection> {
        self.db().as_sqlite().ok_or(StorageError::NotAFile { what })
    }

    /// `PRAGMA integrity_check`: an empty list when the database is sound.
    pub fn integrity_problems(&self) -> Result<Vec<String>> {
        let mut stmt = self.file(FileOnly::IntegrityCheck)?.prepare("PRAGMA integrity_check")?;
        let rows: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        Ok(rows.into_iter().filter(|r| r != "ok").collect())
    }

    /// Whether the connection refuses writes. A server decides per statement, by the user's
    /// grants: a store on one is not read-only as a whole, and a refused write says why.
    pub fn is_read_only(&self) -> bool {
        self.db().as_sqlite().is_some_and(|c| c.is_readonly(rusqlite::MAIN_DB).unwrap_or(true))
    }

    /// Copies the whole database to a new backup file beside it and prunes old copies.
    ///
    /// The copy is written under a temporary name, verified (integrity check, the schema
    /// version and the offices of the database) and only then renamed into place, so that a full
    /// disk or a kill never leaves a broken file that counts as a backup. On any failure the
    /// temporary file is removed and [`StorageError::Backup`] says why.
    pub fn backup(&self, reason: &str) -> Result<PathBuf> {
        let conn = self.file(FileOnly::Backup)?;
        let Some(path) = &self.path else {
            return Err(StorageError::Backup("an in-memory database has no backups".into()));
        };
        let target = backup_path(path, reason);
        let dir = backup_dir(path);
        std::fs::create_dir_all(&dir).map_err(|e| StorageError::Backup(format!("{}: {e}", dir.display())))?;
        remove_stale_temporaries(path);
        let name = target.file_name().and_then(|n| n.to_str()).unwrap_or("cadangan.sqlite");
        let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let made = Self::write_verified_copy(conn, &tmp)
            .and_then(|()| std::fs::rename(&tmp, &target).map_err(|e| format!("{}: {e}", target.display())));
        if let Err(e) = made {
            // Nothing half-written stays behind; a temporary file that cannot be removed is
            // skipped by `list_backups` and removed by the next backup.
            let _ = std::fs::remove_file(&tmp);
            return Err(StorageError::Backup(e));
        }
        prune_backups(path);
        Ok(target)
    }

    /// The copy at `tmp`, checked: sound, of the same schema version and with the same offices.
    fn write_verified_copy(conn: &Connection, tmp: &Path) -> std::result::Result<(), String> {
        let shown = |e: rusqlite::Error| format!("{}: {e}", tmp.display());
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(shown)?;
        let offices = office_count(conn).map_err(shown)?;
        {
            let mut dest = Connection::open(tmp).map_err(shown)?;
            let backup = rusqlite::backup::Backup::new(conn, &mut dest).map_err(shown)?;
            backup.run_to_completion(256, std::time::Duration::from_millis(0), None).map_err(shown)?;
        }
        let copy = Connection::open_with_flags(tmp, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(shown)?;
        let rows: Vec<String> = copy
            .prepare("PRAGMA integrity_check")
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .map_err(shown)?;
        if rows != ["ok"] {
            return Err(format!("{}: integrity_check: {}", tmp.display(), rows.join("; ")));
        }
        let copied_version: i64 = copy.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(shown)?;
        let copied_offices = office_count(&copy).map_err(shown)?;
        if copied_version != version || copied_offices != offices {
            return Err(format!(
                "{}: the copy holds schema {copied_version} and {copied_offices} office(s), the database {version} and {offices}",
                tmp.display()
            ));
        }
        drop(copy);
        // The rename must not land before the data does.
        std::fs::File::open(tmp).and_then(|f| f.sync_all()).map_err(|e| format!("{}: {e}", tmp.display()))
    }
}

/// The number of offices, 0 when the schema has no office table yet.
fn office_count(conn: &Connection) -> rusqlite::Result<i64> {
    let has_table: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'office')",
        [],
        |r| r.get(0),
    )?;
    if !has_table {
        return Ok(0);
    }
    conn.query_row("SELECT count(*) FROM office", [], |r| r.get(0))
}

/// Removes temporary backup files of `db` left by a Kinerja that was killed while copying: those
/// of a process that is gone (Linux) or older than an hour.
fn remove_stale_temporaries(db: &Path) {
    let prefix = format!(".{}-", stem(db));
    let Ok(entries) = std::fs::read_dir(backup_dir(db)) else { return };
    for entry in entries.filter_map(|e| e.ok()) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(&prefix).and_then(|r| r.strip_suffix(".tmp")) else { continue };
        let pid = rest.rsplit('.').next().and_then(|p| p.parse::<u32>().ok());
        let gone = pid.is_some_and(|p| p != std::process::id() && process_is_gone(p));
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > std::time::Duration::from_secs(3600));
        if gone || old {
            // One that cannot be removed is ignored; it is never listed as a backup.
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn process_is_gone(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        !Path::new(&format!("/proc/{pid}")).exists()
    } else {
        false
    }
}

/// Integrity of the file at `path` without changing it: `Ok(())` when sound, otherwise what is
/// wrong (for the window's background check; [`verify_file`] tells why a file could not be
/// checked).
pub fn check_file(path: &Path) -> std::result::Result<(), String> {
    match verify_file(path) {
        Ok(()) => Ok(()),
        Err(StorageError::Damaged { detail, .. }) => Err(detail),
        Err(e) => Err(e.to_string()),
    }
}

/// `PRAGMA integrity_check` of the file at `path`, read-only: [`StorageError::Damaged`] with
/// what is wrong when it fails, and a file that could not be checked at all is told apart (busy,
/// not SQLite, no permission, …) rather than called damaged.
pub fn verify_file(path: &Path) -> Result<()> {
    let classify = |e: rusqlite::Error| StorageError::classify(e, path);
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(classify)?;
    conn.busy_timeout(std::time::Duration::from_secs(5)).map_err(classify)?;
    let rows: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .and_then(|mut s| s.query_map([], |r| r.get::<_, String>(0))?.collect())
        .map_err(classify)?;
    if rows == ["ok"] {
        Ok(())
    } else {
        Err(StorageError::Damaged { path: path.display().to_string(), detail: rows.join("; ") })
    }
}

/// The schema version of the database file at `path`, read without changing it; `None` when
/// it cannot be read.
pub fn schema_version_of(path: &Path) -> Option<i64> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).ok()?;
    conn.query_row("PRAGMA user_version", [], |r| r.get(0)).ok()
}

/// The folder holding a database's backups: `cadangan/` beside it.
pub fn backup_dir(db: &Path) -> PathBuf {
    db.parent().unwrap_or(Path::new(".")).join("cadangan")
}

fn stem(db: &Path) -> String {
    db.file_stem().and_then(|s| s.to_str()).unwrap_or("kinerja").to_string()
}

fn backup_path(db: &Path, reason: &str) -> PathBuf {
    let stamp = super::now_text().replace([' ', ':'], "").replace("UTC", "").replace('-', "");
    let mut n = 0;
    loop {
        let name = if n == 0 {
            format!("{}-{stamp}-{reason}.sqlite", stem(db))
        } else {
            format!("{}-{stamp}-{reason}-{n}.sqlite", stem(db))
        };
        let p = backup_dir(db).join(name);
        if !p.exists() {
            return p;
        }
        n += 1;
    }
}

/// The backups of a database, newest first: only files that look like whole SQLite databases
/// (see [`looks_like_whole_database`]); an empty or broken file named like a backup is never
/// offered and never counts as the day's backup.
pub fn list_backups(db: &Path) -> Vec<PathBuf> {
    let prefix = format!("{}-", stem(db));
    let mut files: Vec<PathBuf> = std::fs::read_dir(backup_dir(db))
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.extension().is_some_and(|x| x == "sqlite")
                        && p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(&prefix))
                        && looks_like_whole_database(p)
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files.reverse();
    files
}

/// A cheap look at a file's header, without SQLite: the SQLite signature, a valid page size, a
/// length that is a whole number of pages and, where the header records it, exactly the pages
/// it says it has; an application id of Kinerja (or 0, before it had one).
pub fn looks_like_whole_database(path: &Path) -> bool {
    use std::io::Read;
    let Ok(len) = std::fs::metadata(path).map(|m| m.len()) else { return false };
    let mut head = [0u8; 100];
    let read = std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut head));
    if read.is_err() || !head.starts_with(b"SQLite format 3\0") {
        return false;
    }
    let be32 = |at: usize| u32::from_be_bytes([head[at], head[at + 1], head[at + 2], head[at + 3]]);
    let page_size = match u16::from_be_bytes([head[16], head[17]]) {
        1 => 65_536u64,
        n if n >= 512 && n.is_power_of_two() => u64::from(n),
        _ => return false,
    };
    if len < page_size || len % page_size != 0 {
        return false;
    }
    // The page count is valid when the "version-valid-for" number matches the change counter.
    let pages = u64::from(be32(28));
    if be32(92) == be32(24) && pages != 0 && pages * page_size != len {
        return false;
    }
    let id = be32(68) as i32;
    id == 0 || id == super::APPLICATION_ID
}

/// Whether a backup was made today (UTC date in its name).
pub fn backed_up_today(db: &Path) -> bool {
    let today = super::now_text()[..10].replace('-', "");
    list_backups(db)
        .iter()
        .any(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.contains(&format!("-{today}"))))
}

fn prune_backups(db: &Path) {
    for old in list_backups(db).into_iter().skip(BACKUPS_KEPT) {
        // A backup that cannot be removed stays; it is only extra space.
        let _ = std::fs::remove_file(old);
    }
}

/// Puts a backup in place of the database: the current file (damaged or not) is kept beside it
/// under a new name, never deleted. Returns that name.
pub fn restore_backup(db: &Path, backup: &Path) -> std::io::Result<Option<PathBuf>> {
    let mut kept = None;
    if db.exists() {
        let stamp = super::now_text().replace([' ', ':', '-'], "").replace("UTC", "");
        let aside = db.with_file_name(format!("{}.sebelum-pulih-{stamp}.sqlite", stem(db)));
        std::fs::rename(db, &aside)?;
        for ext in ["sqlite-wal", "sqlite-shm"] {
            let side = db.with_extension(ext);
            if side.exists() {
                std::fs::rename(&side, aside.with_extension(ext))?;
            }
        }
        kept = Some(aside);
    }
    std::fs::copy(backup, db)?;
    Ok(kept)
}
