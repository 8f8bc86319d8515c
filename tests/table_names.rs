//! Every table has a stable name; the office's own numbering maps onto it (issue 14): the
//! reference's names and numbers, `kinerja table --list`, a table asked for by either, and
//! Kinerja's own numbering of an office without a printed layout, which does not move with the
//! number of its indicators.

use kinerja::calc::check::check;
use kinerja::calc::Settings;
use kinerja::demo::{synthetic_office, DemoSpec};
use kinerja::domain::{Dataset, TableKind};
use kinerja::report::{build_table, find, layout, names, table_list, TableOptions};
use std::path::Path;
use std::process::{Command, Output};

fn kinerja(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kinerja")).args(args).env_remove("KINERJA_LANG").output().expect("kinerja runs")
}

fn db(dir: &Path) -> String {
    dir.join("k.sqlite").display().to_string()
}

fn stdout(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// The reference report's tables of 2024 (its list of tables, Tabel 1.1 to 3.20), each by the
/// name Kinerja gives its kind and indicator.
const REFERENCE_2024: [(&str, &str); 25] = [
    ("sdm", "1.1"),
    ("aset", "1.2"),
    ("tujuan-sasaran", "2.1"),
    ("iku", "2.2"),
    ("perjanjian-kinerja", "2.3"),
    ("capaian", "3.1"),
    ("iku-analisis:IKU1", "3.2"),
    ("iku-renstra:IKU1", "3.3"),
    ("upaya-akip", "3.4"),
    ("iku-program:IKU1", "3.5"),
    ("iku-anggaran:IKU1", "3.6"),
    ("iku-renstra:IKU2", "3.7"),
    ("iku-analisis:IKU2", "3.8"),
    ("iku-program:IKU2", "3.9"),
    ("iku-anggaran:IKU2", "3.10"),
    ("iku-analisis:IKU3", "3.11"),
    ("iku-renstra:IKU3", "3.12"),
    ("iku-nasional:IKU2", "3.13"),
    ("iku-program:IKU3", "3.14"),
    ("umkm-naik-kelas", "3.15"),
    ("iku-anggaran:IKU3", "3.16"),
    ("efisiensi", "3.17"),
    ("pagu-program", "3.18"),
    ("anggaran-program", "3.19"),
    ("anggaran-tahun-lalu", "3.20"),
];

fn reference() -> Dataset {
    kinerja::embedded::dataset().expect("embedded dataset is valid")
}

#[test]
fn the_reference_tables_have_their_stable_names() {
    let d = reference();
    let tables = layout(&d, 2024);
    let got: Vec<(String, String)> = names(&tables).into_iter().zip(tables.iter().map(|t| t.id.clone())).collect();
    let want: Vec<(String, String)> = REFERENCE_2024.iter().map(|(n, i)| (n.to_string(), i.to_string())).collect();
    assert_eq!(got, want);
    // 2023 has no printed layout of its own: it takes 2024's numbers, so a name means the same
    // number in both years.
    let tables_2023 = layout(&d, 2023);
    assert_eq!(names(&tables_2023), names(&tables));
    assert_eq!(find(&tables_2023, "anggaran-program").map(|t| t.id.as_str()), Some("3.19"));
}

#[test]
fn a_table_is_built_by_its_name_or_its_number_alike() {
    let d = reference();
    let s = Settings::default();
    for (name, id) in [("anggaran-program", "3.19"), ("iku-analisis:IKU2", "3.8"), ("ANGGARAN-PROGRAM", "3.19")] {
        let by_name = build_table(&d, &s, name, 2024, TableOptions::default()).unwrap();
        let by_number = build_table(&d, &s, id, 2024, TableOptions::default()).unwrap();
        assert_eq!(by_name, by_number, "{name}");
        assert_eq!(by_name.id, id, "a table asked for by name keeps the office's number");
    }
    let err = build_table(&d, &s, "iku-analisis:IKU9", 2024, TableOptions::default()).unwrap_err();
    assert!(err.message_id().contains("kinerja table --list"), "{}", err.message_id());
}

#[test]
fn table_list_prints_name_number_and_title_of_the_reference() {
    let dir = tempfile::tempdir().unwrap();
    let db = db(dir.path());
    let text = stdout(&kinerja(&["table", "--list", "--year", "2024", "--db", &db]));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "nama\tnomor\tjudul");
    assert_eq!(lines.len(), 1 + REFERENCE_2024.len());
    for (line, (name, id)) in lines[1..].iter().zip(REFERENCE_2024) {
        assert!(line.starts_with(&format!("{name}\t{id}\t")), "{line}");
    }
    // The printed titles of the reference (its Tabel 3.19 and 3.8), as the report prints them.
    assert!(lines.contains(
        &"anggaran-program\t3.19\tPagu Dan Realisasi Anggaran Dinas Koperasi, Usaha kecil dan Menengah Kota Bekasi \
          Setelah P-APBD Per Program Tahun 2024"
    ));
    assert!(lines.contains(
        &"iku-analisis:IKU2\t3.8\tAnalisis Pencapaian Indikator Kinerja Utama Persentase Peningkatan Volume Usaha \
          Koperasi"
    ));
    // A year the report did not title gets Kinerja's titles, in the user's language.
    let en = stdout(&kinerja(&["--lang", "en", "table", "--list", "--year", "2023", "--db", &db]));
    assert!(en.starts_with("name\tnumber\ttitle\n"), "{en}");
    assert!(en.contains("\nanggaran-program\t3.19\tBudget and spending per programme, 2023\n"), "{en}");
}

#[test]
fn table_accepts_a_name_or_a_number_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = db(dir.path());
    let by_number = stdout(&kinerja(&["table", "3.19", "--year", "2024", "--db", &db]));
    let by_name = stdout(&kinerja(&["table", "anggaran-program", "--year", "2024", "--db", &db]));
    assert_eq!(by_name, by_number);
    assert!(by_name.contains("Program Pemberdayaan Usaha Menengah"), "{by_name}");
    let out = kinerja(&["table", "iku-anggaran:IKU3", "--year", "2024", "--db", &db]);
    assert_eq!(stdout(&out), stdout(&kinerja(&["table", "3.16", "--year", "2024", "--db", &db])));
    let out = kinerja(&["table", "anggaran", "--db", &db]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("'anggaran'") && err.contains("kinerja table --list"), "{err}");
    // Neither a table nor --list: the command says what it needs.
    assert_ne!(kinerja(&["table", "--db", &db]).status.code(), Some(0));
}

/// The numbers of the tables every office has, by name, in Kinerja's own numbering.
fn fixed_numbers(d: &Dataset, year: i32) -> Vec<(String, String)> {
    let tables = layout(d, year);
    names(&tables)
        .into_iter()
        .zip(&tables)
        .filter(|(_, t)| !t.kind.needs_indicator())
        .map(|(n, t)| (n, t.id.clone()))
        .collect()
}

#[test]
fn without_a_layout_the_numbering_does_not_depend_on_the_number_of_indicators() {
    // Kinerja's numbering (docs/dataset-format.md): 1.1, 1.2, 2.1–2.3, then 3.1 to 3.5, then
    // the tables of each indicator from 3.6.
    let fixed: Vec<(String, String)> = [
        ("sdm", "1.1"),
        ("aset", "1.2"),
        ("tujuan-sasaran", "2.1"),
        ("iku", "2.2"),
        ("perjanjian-kinerja", "2.3"),
        ("capaian", "3.1"),
        ("efisiensi", "3.2"),
        ("pagu-program", "3.3"),
        ("anggaran-program", "3.4"),
        ("anggaran-tahun-lalu", "3.5"),
    ]
    .iter()
    .map(|(n, i)| (n.to_string(), i.to_string()))
    .collect();
    let spec = DemoSpec { offices: 6, years: 2, lines: 12, seed: 3, ..DemoSpec::default() };
    let mut counts = Vec::new();
    for number in 2..=spec.offices {
        let mut d = synthetic_office(&spec, number).unwrap();
        assert!(d.report_tables.is_empty(), "a synthetic office prints no layout");
        let period = d.period_of_year(2024).unwrap().code.clone();
        let ikus: Vec<String> = d.ikus_of_period(&period).iter().map(|i| i.code.clone()).collect();
        counts.push(ikus.len());
        assert_eq!(fixed_numbers(&d, 2024), fixed, "office {number}");
        // Every table about an indicator comes after them, the first indicator's first at 3.6.
        let tables = layout(&d, 2024);
        let first = tables.iter().find(|t| t.kind.needs_indicator()).unwrap();
        assert_eq!((first.id.as_str(), first.subject.as_str()), ("3.6", ikus[0].as_str()));
        // The same office with one indicator fewer keeps every fixed number.
        let dropped = ikus.last().unwrap().clone();
        d.indicators.retain(|i| i.code != dropped);
        assert_eq!(fixed_numbers(&d, 2024), fixed, "office {number} without {dropped}");
        assert!(layout(&d, 2024).iter().all(|t| t.subject != dropped));
    }
    // The demo's offices differ in their number of indicators, so the check above means something.
    counts.sort();
    counts.dedup();
    assert!(counts.len() > 1, "indicator counts {counts:?}");
}

#[test]
fn a_finding_names_the_table_the_office_prints_it_in() {
    // The demo prints a slip in the serapan of its largest programme in its last year, in the
    // programme budget table: without a layout, 3.4.
    let spec = DemoSpec { offices: 2, years: 2, lines: 12, seed: 7, ..DemoSpec::default() };
    let d = synthetic_office(&spec, 2).unwrap();
    let r = check(&d, &Settings::default(), Some(2024));
    let slip = r.findings.iter().find(|f| f.field == "serapan_pct").expect("the demo's slip is found");
    assert_eq!(slip.table, "3.4");
    let tables = layout(&d, 2024);
    assert_eq!(find(&tables, &slip.table).map(|t| t.kind), Some(TableKind::BudgetRealisation));
    // The reference's slip in a kegiatan's serapan (Tabel 3.6 prints 7,39 for 79,39) is
    // placed by the checker itself, from the layout: the budget table of the indicator the
    // kegiatan's programme supports, which the office numbers 3.6.
    let d = reference();
    let r = check(&d, &Settings::default(), Some(2024));
    let slip = r.findings.iter().find(|f| f.subject == "budget:1.4.5" && f.field == "serapan_pct").unwrap();
    assert_eq!(slip.table, "3.6");
    let tables = layout(&d, 2024);
    assert_eq!(find(&tables, &slip.table).map(|t| t.name()).as_deref(), Some("iku-anggaran:IKU1"));
    assert!(table_list(&d, 2024, kinerja::format::Lang::Id)
        .iter()
        .any(|e| e.id == "3.6" && e.name == "iku-anggaran:IKU1"));
}
