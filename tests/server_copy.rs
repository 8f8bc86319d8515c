//! `kinerja db copy`: offices copied between databases print, table for table and finding for
//! finding, byte for byte what they print where they came from; their audit trail and settings
//! come along; an office already there is refused unless --force; a copy that fails midway
//! leaves the target as it was.

mod common;

use common::server::{server_url, TestDb};
use kinerja::demo::{generate, DemoSpec};
use kinerja::storage::access::{add_user, init_access, Role};
use kinerja::storage::sql::Db;
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::process::{Command, Output};

fn kinerja(db: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .env_remove("KINERJA_DB")
        .env_remove("KINERJA_LANG")
        .env("USER", "uji")
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("kinerja runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A small demo city: the embedded office and two synthetic ones, two years, few lines.
fn demo_city(dir: &Path) -> String {
    let path = dir.join("kota.sqlite");
    let spec = DemoSpec { offices: 3, years: 2, lines: 6, seed: 7, ..DemoSpec::default() };
    generate(&path, &spec, false, &mut |_| true).unwrap_or_else(|e| panic!("{}", e.message_id()));
    path.to_string_lossy().into_owned()
}

/// The offices' codes, as `kinerja offices` lists them.
fn offices(db: &str) -> Vec<String> {
    let o = kinerja(db, &["offices"]);
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o).lines().map(|l| l.split('\t').next().unwrap().to_string()).collect()
}

/// What each office prints: `table --list`, every table it names, and `check --format json`,
/// as (command, stdout bytes, exit code).
fn printed(db: &str) -> Vec<(String, Vec<u8>, Option<i32>)> {
    let mut all = Vec::new();
    for office in offices(db) {
        let list = kinerja(db, &["--office", &office, "table", "--list"]);
        assert!(list.status.success(), "{}", stderr(&list));
        let names: Vec<String> =
            stdout(&list).lines().skip(1).map(|l| l.split('\t').next().unwrap().to_string()).collect();
        assert!(names.len() > 10, "{office} lists its tables: {names:?}");
        all.push((format!("{office} table --list"), list.stdout, list.status.code()));
        let mut shown = 0;
        for name in names {
            // A table the list names may have no rows for the year (exit 2): it must say so in
            // both databases alike.
            let t = kinerja(db, &["--office", &office, "table", &name]);
            shown += usize::from(t.status.success());
            all.push((format!("{office} table {name}"), t.stdout, t.status.code()));
        }
        assert!(shown > 10, "{office} prints its tables");
        let c = kinerja(db, &["--office", &office, "check", "--format", "json"]);
        assert!(matches!(c.status.code(), Some(0 | 1)), "{office} check: {}", stderr(&c));
        all.push((format!("{office} check"), c.stdout, c.status.code()));
        let s = kinerja(db, &["--office", &office, "settings"]);
        all.push((format!("{office} settings"), s.stdout, s.status.code()));
    }
    all
}

fn read(path: &str) -> Connection {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()
}

/// An office's audit trail (without the rows' own ids) and settings, by office code.
fn records(path: &str, office: &str) -> (Vec<Vec<String>>, Vec<(String, String)>) {
    let c = read(path);
    let mut stmt = c
        .prepare(
            "SELECT change_id, at, user_name, action, description, record, field, old_value, new_value
             FROM audit_log a JOIN office o ON o.id = a.office_id WHERE o.code = ?1 ORDER BY a.id",
        )
        .unwrap();
    let audit = stmt
        .query_map([office], |r| {
            (0..9).map(|i| r.get::<_, rusqlite::types::Value>(i).map(|v| format!("{v:?}"))).collect()
        })
        .unwrap()
        .collect::<rusqlite::Result<Vec<Vec<String>>>>()
        .unwrap();
    let mut stmt = c
        .prepare("SELECT key, value FROM office_setting s JOIN office o ON o.id = s.office_id WHERE o.code = ?1 ORDER BY key")
        .unwrap();
    let settings =
        stmt.query_map([office], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().collect::<rusqlite::Result<_>>().unwrap();
    (audit, settings)
}

/// Every row of every table (without row ids, which are each database's own), by table: what a
/// database holds, to tell whether anything was written.
fn contents(path: &str) -> Vec<(String, Vec<String>)> {
    let c = read(path);
    let tables: Vec<String> = c
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    tables
        .into_iter()
        .map(|t| {
            let n = c.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap().column_count();
            let order: Vec<String> = (1..=n).map(|i| i.to_string()).collect();
            let mut stmt = c.prepare(&format!("SELECT * FROM \"{t}\" ORDER BY {}", order.join(", "))).unwrap();
            let rows = stmt
                .query_map([], |r| {
                    Ok((0..n)
                        .map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).unwrap()))
                        .collect::<Vec<_>>()
                        .join("|"))
                })
                .unwrap()
                .collect::<rusqlite::Result<Vec<String>>>()
                .unwrap();
            (t, rows)
        })
        .collect()
}

/// Gives the second office of the city a setting and an audited change of its own, so that the
/// copy has an audit trail and settings to carry.
fn with_history(city: &str) -> String {
    let second = offices(city)[1].clone();
    let o = kinerja(city, &["--office", &second, "settings", "set", "capaian_cap", "120"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = kinerja(city, &["--office", &second, "settings", "set", "status_bands", "90,75,65,50"]);
    assert!(o.status.success(), "{}", stderr(&o));
    second
}

fn assert_same_prints(a: &[(String, Vec<u8>, Option<i32>)], b: &[(String, Vec<u8>, Option<i32>)]) {
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(b) {
        assert_eq!(x.0, y.0);
        assert!(
            x.1 == y.1,
            "{} prints differently:\n{}\n---\n{}",
            x.0,
            String::from_utf8_lossy(&x.1),
            String::from_utf8_lossy(&y.1)
        );
        assert_eq!(x.2, y.2, "{} exits differently", x.0);
    }
}

#[test]
fn a_demo_city_copied_file_to_file_and_back_prints_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let city = demo_city(dir.path());
    let second = with_history(&city);
    let copy = dir.path().join("salinan.sqlite").to_string_lossy().into_owned();
    let o = kinerja(&copy, &["db", "copy", "--from", &city]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("basis data baru dibuat (tanpa dataset bawaan)"), "{}", stderr(&o));
    let codes = offices(&city);
    assert_eq!(codes.len(), 3);
    // One line per office: its code, its rows, copied.
    let lines: Vec<String> = stdout(&o).lines().map(String::from).collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    for (line, code) in lines.iter().zip(&codes) {
        assert!(line.starts_with(&format!("{code}\t")) && line.ends_with("\tdisalin"), "{line}");
    }
    assert_eq!(offices(&copy), codes);
    let original = printed(&city);
    assert_same_prints(&original, &printed(&copy));
    let (audit, settings) = records(&city, &second);
    // Two changes, one row each (a setting is one field).
    assert_eq!(audit.len(), 2);
    assert_eq!(
        settings,
        vec![("capaian_cap".to_string(), "120".to_string()), ("status_bands".into(), "90,75,65,50".into())]
    );
    assert_eq!(records(&copy, &second), (audit.clone(), settings.clone()));

    let back = dir.path().join("kembali.sqlite").to_string_lossy().into_owned();
    let o = kinerja(&back, &["db", "copy", "--from", &copy]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_same_prints(&original, &printed(&back));
    assert_eq!(records(&back, &second), (audit, settings));
}

#[test]
fn an_office_already_there_is_refused_unless_forced_and_then_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let city = demo_city(dir.path());
    let codes = offices(&city);
    let target = dir.path().join("tujuan.sqlite").to_string_lossy().into_owned();
    let o = kinerja(&target, &["db", "copy", "--from", &city, "--office", &codes[1]]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(offices(&target), vec![codes[1].clone()]);

    // The source changes: its copy in the target is now out of date.
    let second = with_history(&city);
    assert_eq!(second, codes[1]);
    let before = contents(&target);
    let o = kinerja(&target, &["db", "copy", "--from", &city]);
    assert_eq!(o.status.code(), Some(2));
    let message = stderr(&o);
    assert!(
        message.contains(&codes[1]) && message.contains("--force") && message.contains("tidak ada yang disalin"),
        "{message}"
    );
    assert!(!message.contains(&codes[0]) && !message.contains(&codes[2]), "only the office there is named: {message}");
    assert_eq!(contents(&target), before, "a refusal writes nothing");
    let o = kinerja(&target, &["--lang", "en", "db", "copy", "--from", &city, "--office", &codes[1]]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(&format!("the target already holds {}; nothing was copied", codes[1])),
        "{}",
        stderr(&o)
    );

    // Named offices the source does not hold are refused, naming them.
    let o = kinerja(&target, &["db", "copy", "--from", &city, "--office", "TIDAK-ADA", "--force"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("TIDAK-ADA") && stderr(&o).contains(&codes[0]), "{}", stderr(&o));
    assert_eq!(contents(&target), before);

    // The target's audit trail had nothing; a second setting makes the replaced one differ.
    let o = kinerja(&target, &["--office", &codes[1], "settings", "set", "capaian_floor", "none"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = kinerja(&target, &["db", "copy", "--from", &city, "--office", &codes[1], "--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o).lines().map(|l| l.rsplit('\t').next().unwrap().to_string()).collect::<Vec<_>>(),
        vec!["diganti"]
    );
    assert!(stderr(&o).contains("cadangan dibuat"), "a replacement is backed up first: {}", stderr(&o));
    assert_eq!(records(&target, &codes[1]), records(&city, &codes[1]), "audit and settings are the source's");
    assert_eq!(offices(&target), vec![codes[1].clone()]);
    let source_prints: Vec<_> =
        printed(&city).into_iter().filter(|p| p.0.starts_with(&format!("{} ", codes[1]))).collect();
    assert_same_prints(&source_prints, &printed(&target));

    // --force with every office: the one there replaced, the others added.
    let o = kinerja(&target, &["db", "copy", "--from", &city, "--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let how: Vec<String> = stdout(&o).lines().map(|l| l.rsplit('\t').next().unwrap().to_string()).collect();
    assert_eq!(how, vec!["disalin", "diganti", "disalin"]);
    assert_same_prints(&printed(&city), &printed(&target));
}

#[test]
fn a_copy_that_fails_midway_leaves_the_target_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let city = demo_city(dir.path());
    let second = with_history(&city);
    let target = dir.path().join("tujuan.sqlite").to_string_lossy().into_owned();
    let o = kinerja(&target, &["db", "copy", "--from", &city, "--office", &offices(&city)[0]]);
    assert!(o.status.success(), "{}", stderr(&o));
    // The target refuses the second office's audit rows: by then its first office (and its
    // replacement of the one there) has been written inside the copy's transaction.
    Connection::open(&target)
        .unwrap()
        .execute_batch(&format!(
            "CREATE TRIGGER refuse AFTER INSERT ON audit_log WHEN NEW.office_id = (SELECT id FROM office WHERE code = '{second}')
             BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;"
        ))
        .unwrap();
    let before = contents(&target);
    let o = kinerja(&target, &["db", "copy", "--from", &city, "--force"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("refused by the test") && stderr(&o).contains("tidak ada yang disalin"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains(&format!("menyalin {second}")), "it got as far as the second office: {}", stderr(&o));
    assert_eq!(contents(&target), before);
}

#[test]
fn a_database_is_not_copied_onto_itself_and_a_missing_source_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let city = demo_city(dir.path());
    let before = contents(&city);
    let o = kinerja(&city, &["db", "copy", "--from", &city, "--force"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("basis data yang sama"), "{}", stderr(&o));
    assert_eq!(contents(&city), before);
    let missing = dir.path().join("tidak-ada.sqlite");
    let target = dir.path().join("tujuan.sqlite");
    let o = kinerja(&target.to_string_lossy(), &["db", "copy", "--from", &missing.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("tidak-ada.sqlite"), "{}", stderr(&o));
    assert!(!missing.exists(), "the source is never created");
    // Other commands take one office only.
    let o = kinerja(&city, &["--office", "A", "--office", "B", "offices"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--office hanya sekali"), "{}", stderr(&o));
}

/// A login of the server made for one test, dropped when it ends: roles belong to the whole
/// server, not to the test's database.
struct Login(String);

impl Login {
    fn new(label: &str) -> Login {
        static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Login(format!("kc{}_{n}_{label}", std::process::id()))
    }
}

impl Drop for Login {
    fn drop(&mut self) {
        if let Ok(mut c) = postgres::Client::connect(&server_url(), postgres::NoTls) {
            let _ = c.batch_execute(&format!("DROP OWNED BY {0} CASCADE; DROP ROLE IF EXISTS {0}", self.0));
        }
    }
}

fn owner(test: &TestDb) -> Db {
    Db::postgres(postgres::Client::connect(&test.url, postgres::NoTls).expect("connect as owner"))
}

/// What a server database holds, to tell whether anything was written: the offices and, per
/// table with an office, each office's row count.
fn server_contents(test: &TestDb) -> Vec<String> {
    let db = owner(test);
    let mut out: Vec<String> = db
        .query_map("SELECT id, code, name FROM office ORDER BY id", &[], |r| {
            Ok(format!("{}|{}|{}", r.get::<i64>(0)?, r.get::<String>(1)?, r.get::<String>(2)?))
        })
        .unwrap();
    for t in db.tables_with_column("office_id").unwrap() {
        let counts: Vec<String> = db
            .query_map(
                &format!("SELECT office_id, count(*) FROM {t} GROUP BY office_id ORDER BY office_id"),
                &[],
                |r| Ok(format!("{t}:{}={}", r.get::<i64>(0)?, r.get::<i64>(1)?)),
            )
            .unwrap();
        out.extend(counts);
    }
    out
}

#[test]
fn a_demo_city_copied_to_a_server_and_back_prints_the_same() {
    let Some(test) = TestDb::create("copy_city") else { return };
    let dir = tempfile::tempdir().unwrap();
    let city = demo_city(dir.path());
    let second = with_history(&city);
    // An empty server database is not filled with the embedded dataset; it says how to fill it.
    let o = kinerja(&test.url, &["offices"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("belum berisi kantor") && stderr(&o).contains("kinerja db copy --from"),
        "{}",
        stderr(&o)
    );
    assert!(server_contents(&test).iter().all(|l| !l.contains('|')), "no office was written");

    let o = kinerja(&test.url, &["db", "copy", "--from", &city]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(offices(&test.url), offices(&city));
    let original = printed(&city);
    assert_same_prints(&original, &printed(&test.url));
    let on_server: i64 = owner(&test)
        .query_row(
            "SELECT count(*) FROM audit_log a JOIN office o ON o.id = a.office_id WHERE o.code = ?1",
            &[kinerja::storage::sql::Value::Text(second.clone())],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(on_server, 2);

    let back = dir.path().join("kembali.sqlite").to_string_lossy().into_owned();
    let o = kinerja(&back, &["db", "copy", "--from", &test.url]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_same_prints(&original, &printed(&back));
    assert_eq!(records(&back, &second), records(&city, &second), "audit trail and settings, row for row");

    // A server database is not copied onto itself.
    let o = kinerja(&test.url, &["db", "copy", "--from", &test.url, "--force"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("basis data yang sama"), "{}", stderr(&o));

    // What only a file has is refused on the server, in both languages.
    let o = kinerja(&test.url, &["demo", "--offices", "2"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("kinerja demo hanya untuk berkas basis data"), "{}", stderr(&o));
    // `db check` on a server checks its schema and access policies, which `kinerja server init`
    // sets up and this test did not run.
    let o = kinerja(&test.url, &["--lang", "en", "db", "check"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("row-level security is not enabled") && out.contains("kinerja server init"), "{out}");
}

#[test]
fn on_a_server_an_office_there_is_refused_unless_forced_and_a_failed_copy_writes_nothing() {
    let Some(test) = TestDb::create("copy_force") else { return };
    let dir = tempfile::tempdir().unwrap();
    let city = demo_city(dir.path());
    let codes = offices(&city);
    let o = kinerja(&test.url, &["db", "copy", "--from", &city, "--office", &codes[1]]);
    assert!(o.status.success(), "{}", stderr(&o));
    let second = with_history(&city);
    let before = server_contents(&test);
    let o = kinerja(&test.url, &["db", "copy", "--from", &city]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(&format!("Tujuan sudah berisi {}", codes[1])), "{}", stderr(&o));
    assert_eq!(server_contents(&test), before);

    // The server refuses the second office's audit rows midway through the copy.
    owner(&test)
        .batch(&format!(
            "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN IF NEW.office_id = (SELECT id FROM office WHERE code = '{second}') THEN
             RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$;
             CREATE TRIGGER refuse AFTER INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse();"
        ))
        .unwrap();
    let o = kinerja(&test.url, &["db", "copy", "--from", &city, "--force"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("refused by the test"), "{}", stderr(&o));
    assert_eq!(server_contents(&test), before, "the copy's transaction was rolled back");
    owner(&test).batch("DROP TRIGGER refuse ON audit_log").unwrap();

    let o = kinerja(&test.url, &["db", "copy", "--from", &city, "--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let how: Vec<String> = stdout(&o).lines().map(|l| l.rsplit('\t').next().unwrap().to_string()).collect();
    assert_eq!(how, vec!["disalin", "diganti", "disalin"]);
    assert!(!stderr(&o).contains("cadangan"), "a server is not backed up by Kinerja");
    assert_same_prints(&printed(&city), &printed(&test.url));
    let back = dir.path().join("kembali.sqlite").to_string_lossy().into_owned();
    assert!(kinerja(&back, &["db", "copy", "--from", &test.url]).status.success());
    assert_eq!(records(&back, &second), records(&city, &second), "the replaced office's audit trail is the source's");
}

#[test]
fn who_is_signed_in_decides_what_is_written_and_the_audit_trail_names_the_login() {
    let Some(test) = TestDb::create("copy_access") else { return };
    let dir = tempfile::tempdir().unwrap();
    let city = demo_city(dir.path());
    let codes = offices(&city);
    assert!(kinerja(&test.url, &["db", "copy", "--from", &city]).status.success());
    let db = owner(&test);
    init_access(&db).unwrap();
    let (reviewer, planner) = (Login::new("peninjau"), Login::new("perencana"));
    add_user(&db, &reviewer.0, Role::Reviewer, &[], Some("rahasia")).unwrap();
    add_user(&db, &planner.0, Role::Planner, std::slice::from_ref(&codes[1]), Some("rahasia")).unwrap();
    let settings_before = kinerja(&test.url, &["--office", &codes[1], "settings"]).stdout;

    let as_reviewer = test.url_as(&reviewer.0, "rahasia");
    let o = kinerja(&as_reviewer, &["--office", &codes[1], "settings", "set", "capaian_cap", "130"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(&format!("Anda masuk sebagai {}, peninjau", reviewer.0)), "{}", stderr(&o));
    assert!(stderr(&o).contains("Tidak ada yang ditulis"), "{}", stderr(&o));
    // Reading is allowed: the same tables as the owner reads.
    let t = kinerja(&as_reviewer, &["--office", &codes[1], "table", "--list"]);
    assert!(t.status.success(), "{}", stderr(&t));

    let as_planner = test.url_as(&planner.0, "rahasia");
    let o = kinerja(&as_planner, &["--lang", "en", "--office", &codes[0], "settings", "set", "capaian_cap", "130"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(&format!("signed in as {}, a planner of other offices", planner.0)), "{}", stderr(&o));
    assert_eq!(kinerja(&test.url, &["--office", &codes[1], "settings"]).stdout, settings_before);

    let o = kinerja(&as_planner, &["--office", &codes[1], "settings", "set", "capaian_cap", "130"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let user: String = db
        .query_row(
            "SELECT a.user_name FROM audit_log a JOIN office o ON o.id = a.office_id WHERE o.code = ?1 ORDER BY a.id DESC LIMIT 1",
            &[kinerja::storage::sql::Value::Text(codes[1].clone())],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(user, planner.0, "the audit trail names the login, not the operating system's user 'uji'");
}
