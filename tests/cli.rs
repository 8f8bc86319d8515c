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

/// Indonesian words that must not appear in English output (names from the data aside).
const INDONESIAN_MARKERS: [&str; 14] = [
    "dicetak",
    "jumlah",
    "tidak",
    "baris",
    "hasil hitung",
    "cara hitung",
    "temuan",
    "Tabel ",
    "narasi",
    "rinciannya",
    "menurut",
    "tanpa",
    "angka",
    "tersedia",
];

fn kinerja_env(args: &[&str], lang_env: Option<&str>) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kinerja"));
    c.args(args).env_remove("KINERJA_LANG");
    if let Some(l) = lang_env {
        c.env("KINERJA_LANG", l);
    }
    c.output().expect("kinerja runs")
}

#[test]
fn check_speaks_the_language_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let db = db(dir.path());
    let en = kinerja_env(&["--lang", "en", "check", "--db", &db], None);
    assert_eq!(en.status.code(), Some(1), "{}", String::from_utf8_lossy(&en.stderr));
    let text = String::from_utf8(en.stdout).unwrap();
    assert!(text.starts_with("21 findings:\n"), "{text}");
    // Tabel 3.16's narrative prints a serapan of 98,46 % for the programs supporting IKU3, whose
    // realisasi and pagu (Tabel 3.16) give 2.851.712.240 ÷ 3.079.221.482 × 100 = 92,61 %.
    assert!(
        text.contains(
            "[3.16 / 2024] Table 3.16: absorption (%) (narrative) of 'Programmes supporting Persentase Peningkatan \
             Volume Usaha UMKM' is printed as 98.46; recomputed it is 92.61.\n    how computed: actual ÷ pagu × 100 \
             = 2,851,712,240 ÷ 3,079,221,482 × 100\n"
        ),
        "{text}"
    );
    // Tabel 3.6: 127.019.891 ÷ 160.000.000 × 100 = 79,39, printed 7,39.
    assert!(text.contains("Table 3.6: absorption (%) of 'Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD' is printed as 7.39; recomputed it is 79.39."), "{text}");
    // The two figures the data cannot check, with their reason.
    assert!(text.contains("2 printed figures cannot be checked"), "{text}");
    assert!(text.contains("(a figure is missing: budget line 1 2022)"), "{text}");
    for marker in INDONESIAN_MARKERS {
        assert!(!text.contains(marker), "'{marker}' in the English output:\n{text}");
    }

    // The same through the environment; --lang wins over it.
    let env = kinerja_env(&["check", "--db", &db], Some("en"));
    assert_eq!(String::from_utf8(env.stdout).unwrap(), text);
    let id = kinerja_env(&["check", "--db", &db, "--lang", "id"], Some("en"));
    let id_text = String::from_utf8(id.stdout).unwrap();
    assert!(id_text.starts_with("21 temuan:\n"), "{id_text}");
    assert!(
        id_text.contains(
            "[3.16 / 2024] Tabel 3.16: % serapan (narasi) 'Program pendukung Persentase Peningkatan Volume Usaha UMKM' \
             dicetak 98,46, hasil hitung 92,61.\n    cara hitung: realisasi ÷ pagu × 100 = 2.851.712.240 ÷ \
             3.079.221.482 × 100\n"
        ),
        "{id_text}"
    );
    // Without either, Indonesian.
    let default = kinerja_env(&["check", "--db", &db], None);
    assert_eq!(String::from_utf8(default.stdout).unwrap(), id_text);

    // A language that is neither: refused in both languages, nothing run.
    let bad = kinerja_env(&["check", "--db", &db], Some("fr"));
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(
        err.contains("KINERJA_LANG='fr'") && err.contains("tulis id atau en") && err.contains("write id or en"),
        "{err}"
    );
    assert!(bad.stdout.is_empty());
    let bad = kinerja_env(&["--lang", "fr", "check", "--db", &db], None);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn check_json_keeps_its_codes_and_numbers_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let db = db(dir.path());
    let json = |lang: &str| -> serde_json::Value {
        let out = kinerja_env(&["check", "--format", "json", "--lang", lang, "--db", &db], None);
        assert_eq!(out.status.code(), Some(1));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let (id, en) = (json("id"), json("en"));
    assert_eq!((id["lang"].as_str(), en["lang"].as_str()), (Some("id"), Some("en")));
    let slip = |v: &serde_json::Value| {
        v["findings"].as_array().unwrap().iter().find(|f| f["table"] == "3.6").cloned().unwrap()
    };
    let (f_id, f_en) = (slip(&id), slip(&en));
    assert_eq!(f_id["code"], "printed_mismatch");
    assert_eq!(f_id["kind"], "mismatch");
    assert_eq!(f_id["field"], "serapan_pct");
    assert_eq!(f_id["place"], "table");
    assert_eq!(f_id["subject"], "budget:1.4.5");
    assert_eq!(f_id["formula"]["code"], "serapan");
    assert_eq!(f_id["formula"]["args"]["realisasi"].to_string(), "127019891");
    assert_eq!(f_id["formula"]["args"]["pagu"].to_string(), "160000000");
    assert_eq!(
        f_id["message"],
        "Tabel 3.6: % serapan 'Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD' dicetak 7,39, hasil hitung 79,39."
    );
    assert_eq!(f_en["message"], "Table 3.6: absorption (%) of 'Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD' is printed as 7.39; recomputed it is 79.39.");
    assert_eq!(
        (f_id["field_label"].as_str(), f_en["field_label"].as_str()),
        (Some("% serapan"), Some("absorption (%)"))
    );
    // The missing unit counts of Tabel 1.2 have their own code.
    let codes: Vec<&str> = id["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap()).collect();
    assert_eq!(codes.iter().filter(|c| **c == "subtotal_rows_uncounted").count(), 2, "{codes:?}");
    assert_eq!(id["unverified"][0]["reason"]["code"], "missing");
    assert_eq!(id["unverified"][0]["reason"]["need"], "budget_line");

    // Apart from the words, the two documents are the same.
    let strip = |mut v: serde_json::Value| {
        v["lang"] = serde_json::Value::Null;
        for list in ["findings", "unverified"] {
            for f in v[list].as_array_mut().unwrap() {
                for human in ["item", "field_label", "message", "formula_text"] {
                    f.as_object_mut().unwrap().remove(human);
                }
            }
        }
        v
    };
    assert_eq!(strip(id), strip(en));
}

#[test]
fn every_command_line_message_follows_lang() {
    let dir = tempfile::tempdir().unwrap();
    let db = db(dir.path());
    let created = kinerja_env(&["--lang", "en", "offices", "--db", &db], None);
    assert_eq!(created.status.code(), Some(0));
    let err = String::from_utf8_lossy(&created.stderr);
    assert!(err.contains("new database created from the embedded dataset"), "{err}");

    let cases: [(&[&str], &str); 4] = [
        (&["table", "3.19", "--year", "2031"], "no data for 2031; the years with data: 2023, 2024"),
        (&["check", "--year", "2031"], "no data for 2031"),
        (&["table", "3.19", "--office", "XYZ"], "office 'XYZ' is not in the database"),
        (&["chart", "nope"], "unknown chart 'nope'"),
    ];
    for (args, expected) in cases {
        let mut all = vec!["--db", db.as_str(), "--lang", "en"];
        all.extend_from_slice(args);
        let out = kinerja_env(&all, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{args:?}: {err}");
        for marker in ["tidak", "tahun", "kantor", "grafik"] {
            assert!(!err.contains(marker), "'{marker}' in {err}");
        }
    }
    // A file that is not a database: the storage layer's English message.
    let text = dir.path().join("text.sqlite");
    std::fs::write(&text, b"this is not a database at all, just some text that fills a page").unwrap();
    let out = kinerja_env(&["--lang", "en", "offices", "--db", &text.display().to_string()], None);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("bukan basis data") && !err.contains("tidak"), "{err}");
}

#[test]
fn settings_are_listed_set_checked_and_reset_from_the_command_line() {
    use kinerja::storage::{list_backups, Store};
    let dir = tempfile::tempdir().unwrap();
    let db = db(dir.path());
    let stdout = |args: &[&str]| {
        let out = kinerja(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let listed = stdout(&["settings", "--db", &db]);
    assert_eq!(listed.lines().next(), Some("kunci\tnilai\tasal\tarti"));
    assert!(listed.contains("capaian_cap\t\tbawaan\tBatas atas capaian: tidak ada\n"), "{listed}");
    assert!(listed.contains("status_bands\t91,76,66,51\tbawaan\t"), "{listed}");
    assert_eq!(listed.lines().count(), 5, "a header and the four settings");
    let check = |lang: &str| {
        let out = kinerja(&["check", "--year", "2024", "--lang", lang, "--db", &db]);
        String::from_utf8(out.stdout).unwrap()
    };
    // IKU "Nilai AKIP Diskopukm" 2024: realisasi 78,19 ÷ target 75,8 × 100 = 103,153… → 103,15,
    // printed as such; under a cap of 100,5 the same capaian is 100,5, so the printed 103,15
    // differs.
    let capped = "'Nilai AKIP Diskopukm' dicetak 103,15, hasil hitung 100,5.";
    assert!(!check("id").contains(capped));
    assert!(list_backups(std::path::Path::new(&db)).is_empty(), "nothing written yet");

    // A bad value and an unknown key: refused in the user's language, exit 2, nothing written.
    let bad = kinerja(&["settings", "set", "capaian_cap", "90", "--db", &db]);
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("Batas atas capaian harus angka ≥ 100 atau kosong ('90')."), "{err}");
    assert!(err.contains("mis. 120") && err.contains("Tidak ada yang ditulis."), "{err}");
    let bad = kinerja(&["--lang", "en", "settings", "set", "efficiency_rule", "margin:-1", "--db", &db]);
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("The margin must be a number ≥ 0 ('margin:-1')."), "{err}");
    assert!(err.contains("capaian_above_serapan, or margin:N") && err.contains("Nothing was written."), "{err}");
    let bad = kinerja(&["--lang", "en", "settings", "set", "capaian_max", "120", "--db", &db]);
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(
        err.contains(
            "Unknown setting 'capaian_max'; the settings: capaian_cap, capaian_floor, efficiency_rule, status_bands."
        ),
        "{err}"
    );
    let store = Store::open(std::path::Path::new(&db)).unwrap();
    let office = store.offices().unwrap()[0].id;
    assert_eq!(store.setting(office, "capaian_cap").unwrap(), None, "nothing written");
    assert!(store.audit_log(office, None, 10).unwrap().is_empty());
    drop(store);

    // A decimal comma, as the window's form takes it, is stored with a point.
    let set = kinerja(&["settings", "set", "capaian_cap", "100,5", "--db", &db]);
    assert_eq!(set.status.code(), Some(0), "{}", String::from_utf8_lossy(&set.stderr));
    assert!(String::from_utf8_lossy(&set.stderr).contains("tersimpan: capaian_cap = '100.5'"));
    assert!(check("id").contains(capped));
    let en = check("en");
    assert!(en.contains("of 'Nilai AKIP Diskopukm' is printed as 103.15; recomputed it is 100.5."), "{en}");
    let listed = stdout(&["--lang", "en", "settings", "--db", &db]);
    assert!(listed.contains("capaian_cap\t100.5\tset by the office\tCapaian cap: 100.50 %\n"), "{listed}");
    assert_eq!(list_backups(std::path::Path::new(&db)).len(), 1, "the day's backup before the write");
    let store = Store::open(std::path::Path::new(&db)).unwrap();
    let log = store.audit_log(office, Some("office_setting:capaian_cap"), 5).unwrap();
    assert_eq!((log[0].old.as_str(), log[0].new.as_str()), ("", "key=capaian_cap; value=100.5"));
    drop(store);

    // Reset removes the office's value: the default (no cap) again, and nothing to reset twice.
    let reset = kinerja(&["settings", "reset", "capaian_cap", "--db", &db]);
    assert_eq!(reset.status.code(), Some(0), "{}", String::from_utf8_lossy(&reset.stderr));
    assert!(!check("id").contains(capped));
    assert!(stdout(&["settings", "--db", &db]).contains("capaian_cap\t\tbawaan\t"));
    let again = kinerja(&["--lang", "en", "settings", "reset", "capaian_cap", "--db", &db]);
    assert_eq!(again.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&again.stderr).contains("is the default already"));
    let store = Store::open(std::path::Path::new(&db)).unwrap();
    assert_eq!(store.setting(office, "capaian_cap").unwrap(), None);
    let log = store.audit_log(office, Some("office_setting:capaian_cap"), 5).unwrap();
    assert_eq!((log[0].old.as_str(), log[0].new.as_str()), ("key=capaian_cap; value=100.5", ""));
}

#[test]
fn a_server_address_is_not_taken_for_a_file() {
    // Run in an empty folder: a relative `postgres://…` once became a folder `postgres:` there.
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_kinerja")).args(args).current_dir(dir.path()).output().expect("kinerja runs")
    };
    // Port 1: no server listens there, so the address is tried as a server's and fails as one.
    let out = run(&["--db", "postgres://perencana:rahasia@127.0.0.1:1/kota", "offices"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("postgres://perencana:***@127.0.0.1:1/kota tidak dapat dihubungi"), "{err}");
    assert!(!err.contains("rahasia"), "the password is not echoed: {err}");
    // Schemes other than postgres and file are refused as they were, the password masked.
    let out = run(&["--db", "mysql://perencana:rahasia@127.0.0.1:5432/kota", "offices"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("'mysql://perencana:***@127.0.0.1:5432/kota' adalah alamat server basis data"), "{err}");
    assert!(err.contains("Tidak ada yang ditulis") && !err.contains("rahasia"), "{err}");
    let out = run(&["--lang", "en", "--db", "mysql://db.kota.go.id/sakip", "check"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "'mysql://db.kota.go.id/sakip' is the address of a database server Kinerja cannot use, not a file"
        ),
        "{err}"
    );
    // A postgres address that cannot be read says what is expected.
    let out = run(&["--lang", "en", "--db", "postgres://kota:rahasia@db.kota.go.id", "offices"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the database name is missing") && !err.contains("rahasia"), "{err}");
    // Nothing was created beside it.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn kinerja_db_names_the_database_and_db_wins() {
    let dir = tempfile::tempdir().unwrap();
    let from_env = dir.path().join("env.sqlite");
    let from_flag = dir.path().join("flag.sqlite");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_kinerja")).args(args).env("KINERJA_DB", &from_env).output().expect("runs")
    };
    let out = run(&["offices"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(from_env.exists(), "the database of KINERJA_DB is created");
    let out = run(&["--db", from_flag.to_str().unwrap(), "offices"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(from_flag.exists(), "--db wins over KINERJA_DB");
    // A server address in the variable is a server's, as one given to --db (no server listens
    // on port 1).
    let out = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(["offices"])
        .env("KINERJA_DB", "postgres://kota@127.0.0.1:1/sakip")
        .current_dir(dir.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("postgres://kota@127.0.0.1:1/sakip tidak dapat dihubungi"));
    assert!(!dir.path().join("postgres:").exists());
}
