//! The command line, run as a user would.

use std::path::Path;
use std::process::{Command, Output};

fn kinerja(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kinerja")).args(args).output().expect("kinerja runs")
}

fn db(dir: &Path) -> String {
    dir.join("k.sqlite").display().to_string()
}

#[test]
fn table_3_19_as_csv_creates_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = db(dir.path());
    let out = kinerja(&["table", "3.19", "--year", "2024", "--format", "csv", "--db", &db]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("no,program,pagu,pagu_hitung,realisasi,realisasi_hitung,persen,persen_hitung,jenis_baris\r\n")
    );
    assert!(text.contains(",TOTAL,12785258830,12785258830,11002960494,11002960494,86.06,86.06,total"));
    assert_eq!(text.lines().count(), 10);
    assert!(Path::new(&db).exists());
    assert!(String::from_utf8_lossy(&out.stderr).contains(&db), "says where the new database is");

    // --db before the subcommand, and the default year (the latest with results) is 2024.
    let again = kinerja(&["--db", &db, "table", "3.19"]);
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(String::from_utf8(again.stdout).unwrap(), text);
    assert!(again.stderr.is_empty(), "no creation notice the second time");
}

#[test]
fn table_json_has_reported_and_computed() {
    let dir = tempfile::tempdir().unwrap();
    let out = kinerja(&["table", "3.6", "--format", "json", "--db", &db(dir.path())]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["id"], "3.6");
    let row = v["rows"].as_array().unwrap().iter().find(|r| r["subject"] == "budget:1.4.5").unwrap();
    assert_eq!(row["cells"]["persen"]["reported"].to_string(), "7.39");
    assert_eq!(row["cells"]["persen"]["computed"].to_string(), "79.39");
}

#[test]
fn bad_requests_exit_2_naming_the_choices() {
    let dir = tempfile::tempdir().unwrap();
    let db = db(dir.path());
    let out = kinerja(&["table", "4.7", "--db", &db]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("4.7") && err.contains("3.20"), "{err}");
    let out = kinerja(&["table", "3.19", "--year", "2031", "--db", &db]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("2024"));
    let out = kinerja(&["table", "1.1", "--year", "2023", "--db", &db]);
    assert_eq!(out.status.code(), Some(2));
    let out = kinerja(&["tabel", "--db", &db]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn check_json_lists_findings_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let out = kinerja(&["check", "--format", "json", "--db", &db(dir.path())]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 21);
    let f = findings.iter().find(|f| f["table"] == "3.6").unwrap();
    for key in ["table", "item", "field", "reported", "computed", "message", "formula"] {
        assert!(f.get(key).is_some(), "finding has {key}");
    }
    assert_eq!(f["reported"].to_string(), "7.39");
    assert!(f["computed"].as_f64().unwrap() > 79.38 && f["computed"].as_f64().unwrap() < 79.40);
    assert_eq!(f["item"], "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD");

    let text = kinerja(&["check", "--year", "2023", "--db", &db(dir.path())]);
    assert_eq!(text.status.code(), Some(0), "2023 has no findings");
}

#[test]
fn version_and_help() {
    let out = kinerja(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains(env!("CARGO_PKG_VERSION")));
    let out = kinerja(&["--help"]);
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("kinerja.sqlite") && help.contains("--db"), "{help}");
}

#[test]
fn refuses_a_file_that_is_not_sqlite_with_exit_2_and_a_damaged_one_with_exit_3() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.sqlite");
    std::fs::write(&path, b"this is not a database at all, just some text that fills a page").unwrap();
    let out = kinerja(&["table", "3.19", "--db", &path.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bukan basis data Kinerja") && !err.contains("rusak"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), b"this is not a database at all, just some text that fills a page");

    // A Kinerja database cut to a third of its length is damaged.
    let db = db(dir.path());
    assert_eq!(kinerja(&["offices", "--db", &db]).status.code(), Some(0));
    let bytes = std::fs::read(&db).unwrap();
    std::fs::write(&db, &bytes[..bytes.len() / 3]).unwrap();
    let _ = std::fs::remove_file(format!("{db}-wal"));
    let out = kinerja(&["check", "--db", &db]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains("rusak"), "{err}");
}

#[test]
fn export_then_import_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let db = db(dir.path());
    let out_dir = dir.path().join("dataset");
    let out = kinerja(&["export", "--dataset", &out_dir.display().to_string(), "--db", &db, "--show-phone"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    for (name, bytes) in kinerja::embedded::files() {
        assert_eq!(std::fs::read(out_dir.join(name)).unwrap(), *bytes, "{name} identical to the embedded file");
    }
    // Nothing is overwritten without --force.
    let again = kinerja(&["export", "--dataset", &out_dir.display().to_string(), "--db", &db]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));

    // Importing the same office twice replaces it.
    let imp = kinerja(&["import", &out_dir.display().to_string(), "--db", &db]);
    assert_eq!(imp.status.code(), Some(0), "{}", String::from_utf8_lossy(&imp.stderr));
    let conn = rusqlite::Connection::open(&db).unwrap();
    let offices: i64 = conn.query_row("SELECT count(*) FROM office", [], |r| r.get(0)).unwrap();
    assert_eq!(offices, 1);

    // A broken dataset is refused whole, with a located message, and nothing is written.
    let budget = out_dir.join("budget_lines.csv");
    let text = std::fs::read_to_string(&budget).unwrap().replacen("9271302348", "sembilan miliar", 1);
    std::fs::write(&budget, text).unwrap();
    let before: i64 = conn.query_row("SELECT count(*) FROM budget_line", [], |r| r.get(0)).unwrap();
    let bad = kinerja(&["import", &out_dir.display().to_string(), "--db", &db]);
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("budget_lines.csv, baris 2, kolom 'pagu_murni'"), "{err}");
    let after: i64 = conn.query_row("SELECT count(*) FROM budget_line", [], |r| r.get(0)).unwrap();
    assert_eq!(before, after);
}
