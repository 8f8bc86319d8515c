//! `kinerja demo`: a synthetic city, generated small (debug build) and checked from the file.

use kinerja::calc::akip;
use kinerja::calc::check::{check, FindingKind};
use kinerja::calc::Settings;
use kinerja::demo::{generate, synthetic_office, DemoError, DemoSpec, Phase, Progress};
use kinerja::storage::Store;
use rusqlite::{Connection, OpenFlags};
use rust_decimal::Decimal;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::str::FromStr;
use std::time::{Duration, Instant};

const REFERENCE: &str = "DISKOPUKM-BKS";

fn spec(offices: u32, years: u32, lines: u32, seed: u64) -> DemoSpec {
    DemoSpec { offices, years, lines, seed, ..DemoSpec::default() }
}

fn city(dir: &Path, name: &str, spec: &DemoSpec) -> PathBuf {
    let path = dir.join(name);
    generate(&path, spec, false, &mut |_| true).unwrap_or_else(|e| panic!("{}", e.message_id()));
    path
}

fn read(path: &Path) -> Connection {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()
}

/// Every file in `dir`, by name.
fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn exact_counts_of_offices_and_lines_per_office_year() {
    let dir = tempfile::tempdir().unwrap();
    let s = spec(5, 3, 25, 11);
    let mut seen: Vec<Progress> = Vec::new();
    let path = dir.path().join("kota.sqlite");
    let summary = generate(&path, &s, false, &mut |p| {
        seen.push(p.clone());
        true
    })
    .unwrap();

    let reference = kinerja::embedded::dataset().unwrap();
    let expected = reference.budget_lines.len() as u64 + 4 * 3 * 25;
    assert_eq!(summary.budget_lines, expected);
    assert_eq!((summary.offices, summary.first_year, summary.last_year), (5, 2022, 2024));
    assert_eq!(summary.bytes, std::fs::metadata(&path).unwrap().len());
    assert_eq!(files(dir.path()), vec!["kota.sqlite"], "no temporary file left beside it");

    let conn = read(&path);
    let offices: i64 = conn.query_row("SELECT count(*) FROM office", [], |r| r.get(0)).unwrap();
    assert_eq!(offices, 5);
    let codes: Vec<String> = conn
        .prepare("SELECT code FROM office ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(codes[0], REFERENCE, "office 1 is the reference office");
    let per_year: Vec<(String, i32, i64)> = conn
        .prepare("SELECT o.code, b.year, count(*) FROM budget_line b JOIN office o ON o.id = b.office_id WHERE o.code <> ?1 GROUP BY o.id, b.year")
        .unwrap()
        .query_map([REFERENCE], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(per_year.len(), 4 * 3);
    for (code, year, n) in &per_year {
        assert_eq!(*n, 25, "{code} {year}");
        assert!((2022..=2024).contains(year));
    }
    let total: i64 = conn.query_row("SELECT count(*) FROM budget_line", [], |r| r.get(0)).unwrap();
    assert_eq!(total as u64, expected);

    // Progress: the same total throughout, never backwards, from preparing to finishing.
    assert!(seen.len() >= 4 * 3, "at least once per office-year");
    assert!(seen.iter().all(|p| p.total == expected));
    assert!(seen.windows(2).all(|w| w[0].done <= w[1].done));
    assert_eq!(seen.first().unwrap().phase, Phase::Preparing);
    let last = seen.last().unwrap();
    assert_eq!((last.phase.clone(), last.done, last.percent()), (Phase::Finishing, expected, 100));
    assert!(seen.iter().any(|p| matches!(&p.phase, Phase::Office { number: 5, of: 5, name } if !name.is_empty())));
}

#[test]
fn stored_offices_are_exactly_the_generated_ones() {
    let dir = tempfile::tempdir().unwrap();
    let s = spec(4, 6, 40, 3);
    let path = city(dir.path(), "kota.sqlite", &s);
    let store = Store::open_read_only(&path).unwrap();
    let offices = store.offices().unwrap();
    for number in 2..=4 {
        let generated = synthetic_office(&s, number).unwrap();
        let stored = offices.iter().find(|o| o.code == generated.office.code).unwrap();
        assert_eq!(store.load_dataset(stored.id).unwrap(), generated, "office {number}");
    }
    let reference = offices.iter().find(|o| o.code == REFERENCE).unwrap();
    assert_eq!(store.load_dataset(reference.id).unwrap(), kinerja::embedded::dataset().unwrap());
}

/// A digest of every budget line, realisation and AKIP evaluation, with a few sums and the
/// number of budget lines.
fn digest(path: &Path) -> (u64, i64, i64, i64) {
    let conn = read(path);
    let mut h = DefaultHasher::new();
    for sql in [
        "SELECT o.code, b.year, b.kode, b.parent_kode, b.level, b.position, b.name, b.pagu_murni_sen, b.pagu_perubahan_sen, b.realisasi_sen FROM budget_line b JOIN office o ON o.id = b.office_id ORDER BY o.code, b.year, b.id",
        "SELECT o.code, r.indicator_code, r.year, r.realisasi, '', '', '', 0, 0, 0 FROM realisation r JOIN office o ON o.id = r.office_id ORDER BY o.code, r.id",
        "SELECT o.code, a.year, a.score, a.predicate, a.perencanaan, a.indicator_code, o.name, 0, 0, 0 FROM akip_evaluation a JOIN office o ON o.id = a.office_id ORDER BY o.code, a.year",
    ] {
        let mut stmt = conn.prepare(sql).unwrap();
        let mut q = stmt.query([]).unwrap();
        while let Some(r) = q.next().unwrap() {
            for i in 0..10 {
                format!("{:?}", r.get_ref(i).unwrap()).hash(&mut h);
            }
        }
    }
    let rows = conn.query_row("SELECT count(*) FROM budget_line", [], |r| r.get(0)).unwrap();
    let (murni, realisasi): (i64, i64) = conn
        .query_row(
            "SELECT sum(pagu_murni_sen), sum(realisasi_sen) FROM budget_line WHERE parent_kode IS NULL",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    (h.finish(), murni, realisasi, rows)
}

#[test]
fn the_same_seed_gives_the_same_city() {
    let dir = tempfile::tempdir().unwrap();
    let a = city(dir.path(), "a.sqlite", &spec(4, 4, 30, 42));
    let b = city(dir.path(), "b.sqlite", &spec(4, 4, 30, 42));
    let c = city(dir.path(), "c.sqlite", &spec(4, 4, 30, 43));
    let (da, db, dc) = (digest(&a), digest(&b), digest(&c));
    assert_eq!(da, db);
    assert_ne!(da.0, dc.0);
    assert_ne!(da.1, dc.1, "other amounts with another seed");
    assert_eq!(da.3, dc.3, "the same number of budget lines");
    // And in memory, office by office.
    assert_eq!(synthetic_office(&spec(4, 4, 30, 42), 3).unwrap(), synthetic_office(&spec(4, 4, 30, 42), 3).unwrap());
}

#[test]
fn parents_are_the_sums_of_their_children() {
    let dir = tempfile::tempdir().unwrap();
    let path = city(dir.path(), "kota.sqlite", &spec(4, 3, 120, 5));
    let conn = read(&path);
    let sums = "SELECT p.kode, p.level,
            p.pagu_murni_sen, sum(c.pagu_murni_sen),
            coalesce(p.pagu_perubahan_sen, p.pagu_murni_sen), sum(coalesce(c.pagu_perubahan_sen, c.pagu_murni_sen)),
            p.realisasi_sen, sum(c.realisasi_sen),
            p.pagu_perubahan_sen IS NOT NULL, max(c.pagu_perubahan_sen IS NOT NULL)
        FROM budget_line p
        JOIN budget_line c ON c.office_id = p.office_id AND c.year = p.year AND c.parent_kode = p.kode
        JOIN office o ON o.id = p.office_id
        WHERE o.code <> ?1
        GROUP BY p.id";
    let mut stmt = conn.prepare(sums).unwrap();
    let mut parents = 0;
    let mut rows = stmt.query([REFERENCE]).unwrap();
    while let Some(r) = rows.next().unwrap() {
        let kode: String = r.get(0).unwrap();
        let v: Vec<i64> = (2..10).map(|i| r.get(i).unwrap()).collect();
        assert_eq!(v[0], v[1], "pagu murni of {kode}");
        assert_eq!(v[2], v[3], "pagu of {kode}");
        assert_eq!(v[4], v[5], "realisasi of {kode}");
        assert_eq!(v[6], v[7], "{kode} has a pagu perubahan exactly when a child has one");
        parents += 1;
    }
    let expected: i64 = conn
        .query_row(
            "SELECT count(*) FROM budget_line b JOIN office o ON o.id = b.office_id WHERE o.code <> ?1 AND b.level <> 'subkegiatan'",
            [REFERENCE],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(parents, expected, "every program and kegiatan has children");
    // Whole rupiah, realisasi within pagu, some lines revised, serapan mostly 80–100 %.
    let (odd, over, revised, high, leaves): (i64, i64, i64, i64, i64) = conn
        .query_row(
            "SELECT sum(pagu_murni_sen % 100000 <> 0 OR realisasi_sen % 100 <> 0),
                    sum(realisasi_sen > coalesce(pagu_perubahan_sen, pagu_murni_sen)),
                    sum(pagu_perubahan_sen IS NOT NULL),
                    sum(realisasi_sen * 10 >= coalesce(pagu_perubahan_sen, pagu_murni_sen) * 8),
                    count(*)
             FROM budget_line b JOIN office o ON o.id = b.office_id WHERE o.code <> ?1 AND level = 'subkegiatan'",
            [REFERENCE],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap();
    assert_eq!((odd, over), (0, 0), "pagu murni in thousands of rupiah, realisasi in whole rupiah, never above pagu");
    assert!(revised > 0 && revised * 2 < leaves, "{revised} of {leaves} revised");
    assert!(high * 100 >= leaves * 75, "{high} of {leaves} absorb 80 % or more");
}

#[test]
fn akip_predicates_follow_the_scores() {
    let dir = tempfile::tempdir().unwrap();
    let path = city(dir.path(), "kota.sqlite", &spec(8, 12, 10, 9));
    let conn = read(&path);
    let mut stmt = conn
        .prepare(
            "SELECT a.year, a.score, a.predicate, a.perencanaan, a.pengukuran, a.pelaporan, a.evaluasi, r.realisasi
             FROM akip_evaluation a JOIN office o ON o.id = a.office_id
             LEFT JOIN realisation r ON r.office_id = a.office_id AND r.indicator_code = a.indicator_code AND r.year = a.year
             WHERE o.code <> ?1",
        )
        .unwrap();
    let mut rows = stmt.query([REFERENCE]).unwrap();
    let mut n = 0;
    let mut predicates = std::collections::BTreeSet::new();
    while let Some(r) = rows.next().unwrap() {
        let d = |i: usize| Decimal::from_str(&r.get::<_, String>(i).unwrap()).unwrap();
        let (score, predicate): (Decimal, String) = (d(1), r.get(2).unwrap());
        assert_eq!(akip::predicate(score).unwrap().code(), predicate, "score {score}");
        let total = akip::weighted_total([d(3), d(4), d(5), d(6)]).unwrap();
        assert!((score - total).abs() <= Decimal::new(5, 3), "{score} vs {total}");
        assert_eq!(d(7), score, "the AKIP indicator's realisation is the score");
        predicates.insert(predicate);
        n += 1;
    }
    assert_eq!(n, 7 * 12, "one evaluation per office-year");
    assert!(predicates.len() >= 3, "a spread of predicates: {predicates:?}");
}

#[test]
fn the_checker_finds_only_the_documented_slip() {
    let dir = tempfile::tempdir().unwrap();
    let path = city(dir.path(), "kota.sqlite", &spec(6, 5, 80, 21));
    let store = Store::open_read_only(&path).unwrap();
    for office in store.offices().unwrap().iter().filter(|o| o.code != REFERENCE) {
        let d = store.load_dataset(office.id).unwrap();
        let report = check(&d, &Settings::default(), None);
        assert_eq!(report.findings.len(), 1, "{}: {:#?}", office.name, report.findings);
        let f = &report.findings[0];
        assert_eq!((f.year, f.field.as_str(), f.kind), (2024, "serapan_pct", FindingKind::Mismatch));
        let kode = f.subject.strip_prefix("budget:").unwrap();
        // The program with the largest pagu, its serapan printed without the tens digit.
        let programs = d.budget_children(2024, None);
        let largest = programs.iter().max_by_key(|p| p.pagu()).unwrap();
        assert_eq!(kode, largest.kode);
        let (reported, computed) = (f.reported.unwrap(), f.computed.unwrap());
        let tens = (computed / Decimal::TEN).trunc() % Decimal::TEN;
        assert_eq!(reported, computed.round_dp(2) - tens * Decimal::TEN, "{reported} for {computed}");
        let printed = d.printed(2024, &f.table, &f.subject, "serapan_pct").unwrap();
        assert!(printed.note.contains("disengaja"), "the slip says what it is: {}", printed.note);
        assert!(report.unverified.is_empty());
    }
}

#[test]
fn the_file_opens_normally() {
    let dir = tempfile::tempdir().unwrap();
    let path = city(dir.path(), "kota.sqlite", &spec(3, 2, 12, 1));
    assert_eq!(kinerja::storage::check_file(&path), Ok(()));
    let session = kinerja::app::Session::open(&path).unwrap();
    assert!(!session.created && session.read_only.is_none());
    assert_eq!(session.store.schema_version().unwrap(), kinerja::storage::SCHEMA_VERSION);
    // The first office by name.
    assert_eq!(session.dataset.office.name, "Badan Perencanaan Pembangunan Daerah Kota Bekasi");
    assert_eq!(session.store.offices().unwrap().len(), 3);
    let mode: String = session.store.connection().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    // Budget lines of one office and year are found through an index.
    let plan: Vec<String> = session
        .store
        .connection()
        .prepare("EXPLAIN QUERY PLAN SELECT * FROM budget_line WHERE office_id = ?1 AND year = ?2")
        .unwrap()
        .query_map([1, 2024], |r| r.get(3))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(plan.iter().any(|p| p.contains("USING INDEX")), "{plan:?}");
}

#[test]
fn cancel_leaves_no_file_and_keeps_an_existing_one() {
    let dir = tempfile::tempdir().unwrap();
    let s = spec(6, 10, 2000, 1);
    // A new target: cancelled in the middle of the third office, nothing is left.
    let path = dir.path().join("baru.sqlite");
    let mut asked_at = None;
    let r = generate(&path, &s, false, &mut |p| {
        let go = !matches!(p.phase, Phase::Office { number: 3, .. }) || p.done < p.total / 3;
        if !go {
            asked_at.get_or_insert_with(Instant::now);
        }
        go
    });
    assert!(matches!(r, Err(DemoError::Cancelled)), "{r:?}");
    assert!(asked_at.unwrap().elapsed() < Duration::from_secs(1), "stops promptly");
    assert!(files(dir.path()).is_empty(), "{:?}", files(dir.path()));

    // An existing file, even with overwrite: cancelled at any point it stays as it was.
    let old = dir.path().join("lama.sqlite");
    std::fs::write(&old, b"isi lama").unwrap();
    for stop_at in [Phase::Preparing, Phase::Finishing] {
        let r = generate(&old, &s, true, &mut |p| p.phase != stop_at);
        assert!(matches!(r, Err(DemoError::Cancelled)), "{r:?}");
        assert_eq!(std::fs::read(&old).unwrap(), b"isi lama");
        assert_eq!(files(dir.path()), vec!["lama.sqlite"]);
    }
    assert_eq!(DemoError::Cancelled.message_id(), "dibatalkan; tidak ada berkas yang ditulis");
}

#[test]
fn an_existing_file_is_replaced_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kota.sqlite");
    std::fs::write(&path, b"jangan ditimpa").unwrap();
    let s = spec(2, 2, 5, 1);
    let e = generate(&path, &s, false, &mut |_| panic!("no work before the refusal")).unwrap_err();
    assert!(matches!(e, DemoError::Exists(_)));
    assert!(e.message_id().contains("sudah ada") && e.message_id().contains("--force"), "{}", e.message_id());
    assert_eq!(std::fs::read(&path).unwrap(), b"jangan ditimpa");

    // With overwrite: replaced, and a stale journal of the old file does not survive.
    std::fs::write(dir.path().join("kota.sqlite-wal"), b"basi").unwrap();
    generate(&path, &s, true, &mut |_| true).unwrap();
    assert_eq!(files(dir.path()), vec!["kota.sqlite"]);
    assert_eq!(kinerja::storage::check_file(&path), Ok(()));

    // Never while another Kinerja has it open for editing.
    let session = kinerja::app::Session::open(&path).unwrap();
    assert!(session.read_only.is_none());
    let e = generate(&path, &s, true, &mut |_| true).unwrap_err();
    assert!(matches!(e, DemoError::InUse(_)), "{e:?}");
    assert!(e.message_id().contains("Kinerja lain"));
    drop(session);
    generate(&path, &s, true, &mut |_| true).unwrap();
}

#[test]
fn bad_settings_say_what_is_expected() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kota.sqlite");
    for (bad, text) in [
        (spec(0, 10, 2000, 1), "--offices 0: jumlah kantor harus bilangan bulat dari 1 sampai 200"),
        (spec(201, 10, 2000, 1), "--offices 201: jumlah kantor harus bilangan bulat dari 1 sampai 200"),
        (spec(50, 0, 2000, 1), "--years 0: jumlah tahun harus bilangan bulat dari 1 sampai 30"),
        (spec(50, 31, 2000, 1), "--years 31: jumlah tahun harus bilangan bulat dari 1 sampai 30"),
        (
            spec(50, 10, 2, 1),
            "--lines 2: jumlah baris anggaran per kantor per tahun harus bilangan bulat dari 3 sampai 100000",
        ),
        (
            spec(50, 10, 100_001, 1),
            "--lines 100001: jumlah baris anggaran per kantor per tahun harus bilangan bulat dari 3 sampai 100000",
        ),
    ] {
        let e = generate(&path, &bad, false, &mut |_| true).unwrap_err();
        assert_eq!(e.message_id(), text);
    }
    assert!(files(dir.path()).is_empty());
    // One office is just the reference office.
    let summary = generate(&path, &spec(1, 30, 3, 1), false, &mut |_| true).unwrap();
    assert_eq!(summary.budget_lines, kinerja::embedded::dataset().unwrap().budget_lines.len() as u64);
}

fn kinerja(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kinerja")).args(args).output().expect("kinerja runs")
}

#[test]
fn command_line_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kota.sqlite");
    let db = db.to_str().unwrap();
    let args = ["demo", "--offices", "4", "--years", "3", "--lines", "200", "--seed", "8", "--db", db];
    let out = kinerja(&args);
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stdout
            .starts_with(&format!("Kota demo ditulis ke {db}: 4 kantor, 3 tahun (2022–2024), 1.856 baris anggaran, ")),
        "{stdout}"
    );
    assert!(stdout.trim_end().ends_with(" detik."), "{stdout}");
    // Progress every five percent, not a line per office-year.
    let progress: Vec<&str> = stderr.lines().filter(|l| l.contains(" % — ")).collect();
    assert!((5..=23).contains(&progress.len()), "{stderr}");
    assert!(progress.last().unwrap().contains("100 %"));
    let before = std::fs::read(db).unwrap();

    // Not again without --force.
    let out = kinerja(&args);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("sudah ada; gunakan --force untuk menimpanya"), "{stderr}");
    assert_eq!(std::fs::read(db).unwrap(), before);

    // The same seed with --force writes the same city.
    let out = kinerja(&[&args[..], &["--force"]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));

    // Other commands read it: the first office by name has the one documented finding.
    let out = kinerja(&["--db", db, "check"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("1 temuan:"), "{text}");
    assert!(text.contains("% serapan"), "{text}");

    // Bad arguments: exit 2 and what is expected.
    for (bad, expected) in [
        (["--offices", "0"], "--offices 0: jumlah kantor harus bilangan bulat dari 1 sampai 200"),
        (["--years", "31"], "--years 31: jumlah tahun harus bilangan bulat dari 1 sampai 30"),
        (
            ["--lines", "2"],
            "--lines 2: jumlah baris anggaran per kantor per tahun harus bilangan bulat dari 3 sampai 100000",
        ),
    ] {
        let other = dir.path().join("lain.sqlite");
        let out = kinerja(&[&["demo", "--db", other.to_str().unwrap()], &bad[..]].concat());
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains(expected), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(!other.exists());
    }
    let out = kinerja(&["demo", "--lines", "banyak", "--db", db]);
    assert_eq!(out.status.code(), Some(2));
    // Never into the main database.
    let out = kinerja(&["demo", "--offices", "2"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--db FILE"));
}
