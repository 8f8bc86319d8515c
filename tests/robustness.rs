//! Never losing data: the crash test, damaged, locked, read-only and newer files, backups.

use kinerja::app::{OpenError, ReadOnly, Session};
use kinerja::storage::StorageError;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

fn kinerja(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kinerja")).args(args).output().unwrap()
}

fn fresh_db(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("k.sqlite");
    drop(Session::open(&path).unwrap());
    path
}

/// The database the stress writer writes into.
const STRESS_DB: &str = "KINERJA_STRESS_DB";

/// Writes realisations of IKU1 for the years 3000 + i one change at a time, printing
/// `committed i` after each commit, until it is killed; a helper process of the crash test.
#[test]
#[ignore = "a helper process of killed_while_writing_keeps_every_committed_edit, run by it"]
fn stress_writer() {
    use kinerja::app::History;
    use kinerja::domain::{Change, IndicatorValue, Op};
    use std::io::Write;
    let db = std::env::var(STRESS_DB).expect("run by killed_while_writing_keeps_every_committed_edit");
    let mut session = Session::open(Path::new(&db)).unwrap();
    let mut history = History::default();
    for i in 0..100_000 {
        let change = Change {
            description: format!("uji {i}"),
            ops: vec![Op::SetValue {
                value: IndicatorValue::Realisation,
                indicator: "IKU1".into(),
                year: 3000 + i,
                old: None,
                new: rust_decimal::Decimal::from(i),
            }],
        };
        session.apply(&mut history, change, "uji").unwrap();
        let mut out = std::io::stdout().lock();
        writeln!(out, "committed {i}").unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn killed_while_writing_keeps_every_committed_edit() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh_db(dir.path());
    let db = path.display().to_string();
    // The writer is this test binary itself, running the ignored helper below: the shipped
    // binary has no command that writes fake data.
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "stress_writer", "--ignored", "--nocapture", "--test-threads", "1"])
        .env(STRESS_DB, &db)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut committed = Vec::new();
    let mut line = String::new();
    while committed.len() < 150 {
        line.clear();
        if reader.read_line(&mut line).unwrap() == 0 {
            break;
        }
        if let Some(n) = line.trim().strip_prefix("committed ") {
            committed.push(n.parse::<i32>().unwrap());
        }
    }
    child.kill().unwrap(); // SIGKILL on Unix: no chance to clean up.
    child.wait().unwrap();
    assert!(committed.len() >= 150, "the writer reported its commits");

    let check = kinerja(&["db", "check", "--db", &db]);
    assert_eq!(check.status.code(), Some(0), "{}", String::from_utf8_lossy(&check.stdout));
    let s = Session::open(&path).unwrap();
    for i in committed {
        let r = s.dataset.realisation("IKU1", 3000 + i).unwrap_or_else(|| panic!("edit {i} was reported committed"));
        assert_eq!(r.realisasi, rust_decimal::Decimal::from(i));
    }
}

#[test]
fn damaged_files_are_never_written_and_offer_the_latest_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh_db(dir.path());
    // A backup exists once something was edited (the first edit of a day makes one).
    let backup = Session::open(&path).unwrap().store.backup("uji").unwrap();

    // Truncated.
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() / 3]).unwrap();
    let before = std::fs::read(&path).unwrap();
    match Session::open(&path) {
        Err(OpenError::Damaged { backups, .. }) => assert_eq!(backups.first(), Some(&backup)),
        Err(e) => panic!("expected a damaged-file error, got {e}"),
        Ok(_) => panic!("a truncated file must not open"),
    }
    assert_eq!(std::fs::read(&path).unwrap(), before, "never written");
    let check = kinerja(&["db", "check", "--db", &path.display().to_string()]);
    assert_eq!(check.status.code(), Some(1));

    // Random bytes are not an SQLite file at all: not a Kinerja database, not "damaged".
    let noise: Vec<u8> = (0..20_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8).collect();
    std::fs::write(&path, &noise).unwrap();
    assert!(matches!(Session::open(&path), Err(OpenError::Storage(StorageError::NotADatabase { .. }))));
    assert_eq!(std::fs::read(&path).unwrap(), noise);

    // Restoring keeps the damaged file aside and brings the backup back.
    let kept = kinerja::storage::restore_backup(&path, &backup).unwrap().unwrap();
    assert_eq!(std::fs::read(&kept).unwrap(), noise);
    let s = Session::open(&path).unwrap();
    assert_eq!(s.dataset.office.code, "DISKOPUKM-BKS");
}

#[test]
fn a_database_open_in_another_kinerja_opens_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh_db(dir.path());
    let first = Session::open(&path).unwrap();
    assert_eq!(first.read_only, None);
    let mut second = Session::open(&path).unwrap();
    assert_eq!(second.read_only, Some(ReadOnly::Locked));
    assert!(second.store.is_read_only());
    let mut h = kinerja::app::History::default();
    let change = kinerja::domain::Change {
        description: "x".into(),
        ops: vec![kinerja::domain::Op::SetValue {
            value: kinerja::domain::IndicatorValue::Realisation,
            indicator: "IKU1".into(),
            year: 2025,
            old: None,
            new: 1.into(),
        }],
    };
    assert!(matches!(second.apply(&mut h, change, "x"), Err(kinerja::storage::EditError::ReadOnly)));
    drop(first);
    drop(second);
    assert_eq!(Session::open(&path).unwrap().read_only, None, "the lock goes with the first window");
}

#[test]
fn a_read_only_file_opens_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh_db(dir.path());
    let before = std::fs::read(&path).unwrap();
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    let s = Session::open(&path).unwrap();
    assert_eq!(s.read_only, Some(ReadOnly::FileReadOnly));
    assert!(s.store.is_read_only());
    drop(s);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_newer_database_is_refused_by_the_session_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.sqlite");
    rusqlite::Connection::open(&path).unwrap().execute_batch("CREATE TABLE t (x); PRAGMA user_version = 42;").unwrap();
    let before = std::fs::read(&path).unwrap();
    assert!(matches!(
        Session::open(&path),
        Err(OpenError::Storage(kinerja::storage::StorageError::NewerSchema { .. }))
    ));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn upgrading_an_old_schema_makes_a_backup_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    kinerja::storage::Store::create_at_version(&path, 1).unwrap();
    drop(kinerja::storage::Store::open(&path).unwrap());
    let backups = kinerja::storage::list_backups(&path);
    assert_eq!(backups.len(), 1);
    assert!(backups[0].display().to_string().contains("sebelum-migrasi-1"));
}

/// A realisation edit of IKU1 in `year` (nothing stored there before).
fn new_realisation(year: i32) -> kinerja::domain::Change {
    kinerja::domain::Change {
        description: "uji".into(),
        ops: vec![kinerja::domain::Op::SetValue {
            value: kinerja::domain::IndicatorValue::Realisation,
            indicator: "IKU1".into(),
            year,
            old: None,
            new: 7.into(),
        }],
    }
}

#[test]
fn empty_or_broken_files_named_like_backups_are_never_offered_nor_count_as_todays() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh_db(dir.path());
    let cadangan = kinerja::storage::backup_dir(&path);
    std::fs::create_dir_all(&cadangan).unwrap();
    // What a full disk or a kill during the old backup left: named like today's backup.
    let today = kinerja::storage::now_text()[..10].replace('-', "");
    let empty = cadangan.join(format!("k-{today}T235959-harian.sqlite"));
    std::fs::write(&empty, b"").unwrap();
    let garbage = cadangan.join(format!("k-{today}T235958-harian.sqlite"));
    std::fs::write(&garbage, vec![0x5Au8; 8192]).unwrap();
    // A whole database cut short keeps its SQLite header but not its pages.
    let cut = cadangan.join(format!("k-{today}T235957-harian.sqlite"));
    let whole = std::fs::read(&path).unwrap();
    std::fs::write(&cut, &whole[..whole.len() / 2 + 100]).unwrap();
    assert_eq!(kinerja::storage::list_backups(&path), Vec::<std::path::PathBuf>::new());
    assert!(!kinerja::storage::backed_up_today(&path));

    // So the first edit of the day makes a real backup, the only one offered.
    let mut s = Session::open(&path).unwrap();
    s.apply(&mut kinerja::app::History::default(), new_realisation(2030), "uji").unwrap();
    let offered = kinerja::storage::list_backups(&path);
    assert_eq!(offered.len(), 1, "{offered:?}");
    assert!(offered[0].display().to_string().ends_with("-harian.sqlite"));
    assert!(kinerja::storage::backed_up_today(&path));
    let copy = Session::open(&offered[0]).unwrap();
    assert_eq!(copy.dataset.office.code, "DISKOPUKM-BKS");
    assert!(copy.dataset.realisation("IKU1", 2030).is_none(), "the backup is from before the edit");
}

#[test]
fn a_backup_that_cannot_be_written_stops_the_edit_and_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh_db(dir.path());
    // The folder for backups cannot be made: a file has its name (as root, permissions would not
    // stop the copy).
    let cadangan = kinerja::storage::backup_dir(&path);
    std::fs::write(&cadangan, b"not a folder").unwrap();
    let mut s = Session::open(&path).unwrap();
    let err = s.apply(&mut kinerja::app::History::default(), new_realisation(2031), "uji").unwrap_err();
    let kinerja::storage::EditError::Storage(e) = &err else { panic!("expected a storage error, got {err}") };
    assert!(matches!(e, StorageError::Backup(_)), "{e}");
    assert!(e.message_id().contains("perubahan tidak ditulis"), "{}", e.message_id());
    assert!(e.to_string().contains("the change was not written"), "{e}");
    drop(s);
    let s = Session::open(&path).unwrap();
    assert!(s.dataset.realisation("IKU1", 2031).is_none(), "the edit was not written");
    assert_eq!(std::fs::read(&cadangan).unwrap(), b"not a folder");
    let side: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(side.iter().all(|n| !n.to_string_lossy().ends_with(".tmp")), "{side:?}");
}

#[test]
fn a_temporary_backup_left_by_a_killed_kinerja_is_removed_and_never_listed() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh_db(dir.path());
    let cadangan = kinerja::storage::backup_dir(&path);
    std::fs::create_dir_all(&cadangan).unwrap();
    // Named as `backup` names its temporary file, by a process that no longer exists.
    let stale = cadangan.join(".k-20260101T000000-harian.sqlite.4000000000.tmp");
    std::fs::copy(&path, &stale).unwrap();
    assert!(kinerja::storage::list_backups(&path).is_empty());
    let made = Session::open(&path).unwrap().store.backup("uji").unwrap();
    assert!(!stale.exists(), "the stale temporary file is removed");
    assert_eq!(kinerja::storage::list_backups(&path), vec![made]);
}

/// An SQLite file of another program: a table of its own and some rows.
fn foreign_file(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("lain.sqlite");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE pelanggan (id INTEGER PRIMARY KEY, nama TEXT); INSERT INTO pelanggan (nama) VALUES ('Ani'), ('Budi');")
        .unwrap();
    path
}

#[test]
fn another_programs_sqlite_file_is_refused_untouched_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let path = foreign_file(dir.path());
    let before = std::fs::read(&path).unwrap();
    let db = path.display().to_string();
    let dataset = dir.path().join("dataset");
    std::fs::create_dir_all(&dataset).unwrap();
    for (name, bytes) in kinerja::embedded::files() {
        std::fs::write(dataset.join(name), bytes).unwrap();
    }
    let runs: [&[&str]; 4] =
        [&["offices"], &["check"], &["import", &dataset.display().to_string()], &["table", "3.19"]];
    for args in runs {
        let out = kinerja(&[args, &["--db", &db]].concat());
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(&db) && err.contains("buatan program lain"), "{args:?}: {err}");
        assert!(!err.contains("rusak"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), before, "{args:?} left the file byte-identical");
    }
    // The window's open path (now and later) and the store itself.
    for integrity in [kinerja::app::Integrity::Now, kinerja::app::Integrity::Later] {
        let e = Session::open_office_with(&path, None, integrity).err().expect("refused");
        assert!(matches!(e, OpenError::Storage(StorageError::Foreign { .. })), "{e}");
        assert!(e.message(kinerja::format::Lang::En).contains("made by another program"), "{e}");
    }
    assert!(matches!(kinerja::storage::Store::open(&path), Err(StorageError::Foreign { .. })));
    let app = kinerja::ui::KinerjaApp::new(path.clone(), Default::default());
    assert!(app.data().as_ref().is_err_and(|m| m.contains("buatan program lain")));
    drop(app);
    assert_eq!(std::fs::read(&path).unwrap(), before, "byte-identical");
    let side: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(!side.iter().any(|n| n.to_string_lossy().starts_with("lain.sqlite-")), "{side:?}");

    // Another program's id in the header is enough, even with Kinerja's own tables.
    let marked = dir.path().join("marked.sqlite");
    kinerja::storage::Store::create_at_version(&marked, kinerja::storage::SCHEMA_VERSION).unwrap();
    rusqlite::Connection::open(&marked).unwrap().pragma_update(None, "application_id", 0x1234).unwrap();
    let before = std::fs::read(&marked).unwrap();
    assert!(matches!(Session::open(&marked), Err(OpenError::Storage(StorageError::Foreign { .. }))));
    assert_eq!(std::fs::read(&marked).unwrap(), before);
}

#[test]
fn new_empty_and_earlier_kinerja_files_become_or_stay_kinerja_databases_marked_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let app_id = |p: &Path| -> i32 {
        rusqlite::Connection::open(p).unwrap().query_row("PRAGMA application_id", [], |r| r.get(0)).unwrap()
    };
    // "KNRJ" in ASCII.
    assert_eq!(kinerja::storage::APPLICATION_ID, i32::from_be_bytes(*b"KNRJ"));
    let new = fresh_db(dir.path());
    assert_eq!(app_id(&new), kinerja::storage::APPLICATION_ID);
    let empty = dir.path().join("kosong.sqlite");
    std::fs::write(&empty, b"").unwrap();
    assert_eq!(Session::open(&empty).unwrap().dataset.office.code, "DISKOPUKM-BKS");
    assert_eq!(app_id(&empty), kinerja::storage::APPLICATION_ID);
    // A file of an earlier Kinerja: schema 1, id 0, Kinerja's tables.
    let old = dir.path().join("lama.sqlite");
    kinerja::storage::Store::create_at_version(&old, 1).unwrap();
    assert_eq!(app_id(&old), 0);
    drop(Session::open(&old).unwrap());
    assert_eq!(app_id(&old), kinerja::storage::APPLICATION_ID);
}

#[test]
fn open_errors_are_told_apart_with_their_own_message_and_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh_db(dir.path());
    let db = path.display().to_string();

    // A folder given as the database.
    let folder = dir.path().display().to_string();
    let out = kinerja(&["offices", "--db", &folder]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(7), "{err}");
    assert!(err.contains("adalah folder") && !err.contains("rusak"), "{err}");
    assert!(matches!(Session::open(dir.path()), Err(OpenError::Storage(StorageError::IsDirectory { .. }))));

    // Text is not SQLite: not a Kinerja database, exit 2, never "damaged".
    let text = dir.path().join("catatan.sqlite");
    std::fs::write(&text, "this is not a database at all, just some text that fills a page".repeat(20)).unwrap();
    let out = kinerja(&["offices", "--db", &text.display().to_string()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("bukan basis data SQLite") && !err.contains("rusak"), "{err}");
    let out = kinerja(&["db", "check", "--db", &text.display().to_string()]);
    assert_eq!(out.status.code(), Some(2), "db check does not call it damaged either");

    // Damaged: exit 3 for a command, 1 for db check.
    let damaged = dir.path().join("rusak.sqlite");
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&damaged, &bytes[..bytes.len() / 3]).unwrap();
    let out = kinerja(&["import", &dir.path().join("x").display().to_string(), "--db", &damaged.display().to_string()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains("rusak"), "{err}");

    // Busy: another program holds an exclusive lock on the file.
    let holder = rusqlite::Connection::open(&path).unwrap();
    holder.execute_batch("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; UPDATE office SET name = name;").unwrap();
    let out = kinerja(&["offices", "--db", &db]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(4), "{err}");
    assert!(err.contains("sedang dipakai") && !err.contains("rusak"), "{err}");
    let e = Session::open(&path).err().expect("busy");
    assert!(matches!(e, OpenError::Storage(StorageError::Busy { .. })), "{e}");
    assert!(e.message(kinerja::format::Lang::En).contains("another program holds a lock"), "{e}");
    let out = kinerja(&["db", "check", "--db", &db]);
    assert_eq!(out.status.code(), Some(4), "{}", String::from_utf8_lossy(&out.stderr));
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);

    // Read-only: reading works, writing is refused with its own code and nothing is written.
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    let before = std::fs::read(&path).unwrap();
    let out = kinerja(&["offices", "--db", &db]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let dataset = dir.path().join("dataset");
    std::fs::create_dir_all(&dataset).unwrap();
    for (name, bytes) in kinerja::embedded::files() {
        std::fs::write(dataset.join(name), bytes).unwrap();
    }
    let out = kinerja(&["import", &dataset.display().to_string(), "--db", &db]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(5), "{err}");
    assert!(err.contains("hanya-baca") && !err.contains("rusak"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn sqlite_errors_are_classified_by_their_code() {
    use rusqlite::ffi;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.sqlite");
    let err = |code| rusqlite::Error::SqliteFailure(ffi::Error::new(code), None);
    let kind = |code| StorageError::classify(err(code), &file);
    assert!(matches!(kind(ffi::SQLITE_BUSY), StorageError::Busy { .. }));
    assert!(matches!(kind(ffi::SQLITE_LOCKED), StorageError::Busy { .. }));
    assert!(matches!(kind(ffi::SQLITE_READONLY), StorageError::ReadOnly { .. }));
    assert!(matches!(kind(ffi::SQLITE_NOTADB), StorageError::NotADatabase { .. }));
    assert!(matches!(kind(ffi::SQLITE_CORRUPT), StorageError::Damaged { .. }));
    assert!(matches!(kind(ffi::SQLITE_PERM), StorageError::NoAccess { .. }));
    assert!(matches!(StorageError::classify(err(ffi::SQLITE_CANTOPEN), dir.path()), StorageError::IsDirectory { .. }));
    // A read-only disk as the file system reports it (root cannot make one here).
    let io = std::io::Error::from(std::io::ErrorKind::ReadOnlyFilesystem);
    assert!(matches!(StorageError::from_io(&io, &file), StorageError::ReadOnly { .. }));
    let io = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
    assert!(matches!(StorageError::from_io(&io, &file), StorageError::NoAccess { .. }));
    for e in [kind(ffi::SQLITE_BUSY), kind(ffi::SQLITE_READONLY), kind(ffi::SQLITE_PERM)] {
        assert!(!e.message_id().contains("rusak") && !e.to_string().contains("damaged"), "{e}");
    }
}

#[test]
fn a_read_only_database_opened_through_sqlite_refuses_writes_as_read_only() {
    // A read-only disk seen from SQLite: the file opened with mode=ro, and a write attempted.
    let dir = tempfile::tempdir().unwrap();
    let path = fresh_db(dir.path());
    let uri = format!("file:{}?mode=ro", path.display());
    let conn = rusqlite::Connection::open_with_flags(
        &uri,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_URI,
    )
    .unwrap();
    let e = conn.execute("UPDATE office SET name = 'x'", []).unwrap_err();
    let e = StorageError::classify(e, &path);
    assert!(matches!(e, StorageError::ReadOnly { .. }), "{e}");
    assert!(e.message_id().contains("hanya-baca"), "{}", e.message_id());
}

#[test]
fn the_shipped_binary_has_no_stress_command() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh_db(dir.path());
    let before = std::fs::read(&path).unwrap();
    let out = kinerja(&["db", "stress", "--count", "3", "--db", &path.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unrecognized subcommand 'stress'"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn only_commands_that_write_run_the_full_integrity_check() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh_db(dir.path());
    let db = path.display().to_string();
    // Damage no read of the offices touches: the index of the city's top-level budget lines is
    // pointed at another index's pages, which the integrity check finds.
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        let root: i64 = conn
            .query_row("SELECT rootpage FROM sqlite_schema WHERE name = 'budget_line_top'", [], |r| r.get(0))
            .unwrap();
        let other: i64 = conn
            .query_row(
                "SELECT rootpage FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'audit_log' LIMIT 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_ne!(root, other);
        conn.execute_batch(&format!(
            "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET rootpage = {other} WHERE name = 'budget_line_top'; PRAGMA writable_schema = OFF;"
        ))
        .unwrap();
    }
    assert!(kinerja::storage::check_file(&path).is_err(), "the integrity check sees the damage");
    let before = std::fs::read(&path).unwrap();

    // Reading commands do not run it …
    let out = kinerja(&["offices", "--db", &db]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().next().unwrap().split('\t').next(), Some("DISKOPUKM-BKS"));
    let out = kinerja(&["table", "3.19", "--db", &db]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));

    // … writing ones and the window's open (before it allows editing) do, and write nothing.
    let dataset = dir.path().join("dataset");
    std::fs::create_dir_all(&dataset).unwrap();
    for (name, bytes) in kinerja::embedded::files() {
        std::fs::write(dataset.join(name), bytes).unwrap();
    }
    let out = kinerja(&["import", &dataset.display().to_string(), "--db", &db]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains("rusak"), "{err}");
    assert!(matches!(Session::open(&path), Err(OpenError::Damaged { .. })));
    let out = kinerja(&["db", "check", "--db", &db]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing written");
}
