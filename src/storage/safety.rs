//! Keeping data safe: integrity checks, read-only opening, and backup copies made with SQLite's
//! online backup API.

use super::{Result, StorageError, Store, SCHEMA_VERSION};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// How many backup copies are kept per database.
pub const BACKUPS_KEPT: usize = 7;

impl Store {
    /// Opens `path` for reading only: nothing is ever written, not even a migration.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let shown = path.display().to_string();
        let conn =
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|_| StorageError::NotADatabase { path: shown.clone() })?;
        if version > SCHEMA_VERSION {
            return Err(StorageError::NewerSchema { path: shown, found: version, known: SCHEMA_VERSION });
        }
        if version < SCHEMA_VERSION {
            return Err(StorageError::NeedsUpgrade { path: shown, found: version });
        }
        Ok(Store { conn, path: Some(path.to_path_buf()) })
    }

    /// `PRAGMA integrity_check`: an empty list when the database is sound.
    pub fn integrity_problems(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        Ok(rows.into_iter().filter(|r| r != "ok").collect())
    }

    /// Whether the connection refuses writes.
    pub fn is_read_only(&self) -> bool {
        self.conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(true)
    }

    /// Copies the whole database to a new backup file beside it and prunes old copies.
    pub fn backup(&self, reason: &str) -> Result<PathBuf> {
        let Some(path) = &self.path else {
            return Err(StorageError::Corrupt("an in-memory database has no backups".into()));
        };
        let target = backup_path(path, reason);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir).map_err(|e| StorageError::Io(e.to_string()))?;
        }
        let mut dest = Connection::open(&target)?;
        let backup = rusqlite::backup::Backup::new(&self.conn, &mut dest)?;
        backup.run_to_completion(256, std::time::Duration::from_millis(0), None)?;
        drop(backup);
        drop(dest);
        prune_backups(path);
        Ok(target)
    }
}

/// Integrity of the file at `path` without changing it: `Ok(())` when sound, otherwise what is
/// wrong.
pub fn check_file(path: &Path) -> std::result::Result<(), String> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(|e| e.to_string())?;
    let rows: rusqlite::Result<Vec<String>> =
        conn.prepare("PRAGMA integrity_check").and_then(|mut s| s.query_map([], |r| r.get::<_, String>(0))?.collect());
    match rows {
        Ok(rows) if rows.len() == 1 && rows[0] == "ok" => Ok(()),
        Ok(rows) => Err(rows.join("; ")),
        Err(e) => Err(e.to_string()),
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

/// The backups of a database, newest first.
pub fn list_backups(db: &Path) -> Vec<PathBuf> {
    let prefix = format!("{}-", stem(db));
    let mut files: Vec<PathBuf> = std::fs::read_dir(backup_dir(db))
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.extension().is_some_and(|x| x == "sqlite")
                        && p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(&prefix))
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files.reverse();
    files
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
