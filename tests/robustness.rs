//! Never losing data: the crash test, damaged, locked, read-only and newer files, backups.

use kinerja::app::{OpenError, ReadOnly, Session};
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

#[test]
fn killed_while_writing_keeps_every_committed_edit() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh_db(dir.path());
    let db = path.display().to_string();
    let mut child = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(["db", "stress", "--count", "100000", "--db", &db])
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

    // Random bytes.
    let noise: Vec<u8> = (0..20_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8).collect();
    std::fs::write(&path, &noise).unwrap();
    assert!(matches!(Session::open(&path), Err(OpenError::Damaged { .. })));
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
