//! Budgets as other offices print them (issue 14): funding sources, non-programme spending, a
//! single alokasi, physical progress and the printed sisa; format version 2 of `budget_lines.csv`
//! and files of version 1 upgraded on reading.

use kinerja::calc::check::{check, Issue};
use kinerja::calc::Settings;
use kinerja::domain::*;
use kinerja::format::Lang;
use kinerja::interchange::{read_dataset, write_dataset, DirSource, ProblemKind};
use kinerja::storage::Store;
use std::path::Path;

fn embedded() -> Dataset {
    kinerja::embedded::dataset().unwrap()
}

fn folder(d: &Dataset) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in write_dataset(d) {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

fn read(dir: &Path) -> Result<Dataset, Vec<kinerja::interchange::Problem>> {
    read_dataset(&DirSource(dir.to_path_buf())).map_err(|p| p.0)
}

/// `budget_lines.csv` with its lines rewritten by `edit` (the heading is line 0).
fn edit_budget(dir: &Path, edit: impl Fn(usize, &str) -> String) {
    let path = dir.join("budget_lines.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    let out: String = text.lines().enumerate().map(|(i, l)| edit(i, l) + "\n").collect();
    std::fs::write(path, out).unwrap();
}

/// The five columns format version 2 added, at the end of every line of `budget_lines.csv`.
const V2: &str = ",source,spending,alokasi,fisik_pct,sisa";

#[test]
fn a_version_1_budget_file_is_read_as_apbd_programme_lines() {
    let d = embedded();
    let dir = folder(&d);
    // Version 1 had no such columns: the heading ends at `note` and so does every line (the
    // reference's lines end in ",apbd,program,,," once written in version 2).
    edit_budget(dir.path(), |i, l| {
        if i == 0 {
            l.strip_suffix(V2).expect("version 2 heading").to_string()
        } else {
            l.strip_suffix(",apbd,program,,,").expect("an APBD programme line").to_string()
        }
    });
    let back = read(dir.path()).unwrap();
    assert_eq!(back, d);
    assert!(back
        .budget_lines
        .iter()
        .all(|b| b.source == FundingSource::Apbd && b.spending == SpendingType::Program && b.alokasi.is_none()));
}

#[test]
fn a_file_with_part_of_a_version_must_hold_all_of_it() {
    let dir = folder(&embedded());
    // `source` is of version 2, so the file claims version 2 and lacks four of its columns.
    edit_budget(dir.path(), |i, l| {
        let l = l.strip_suffix(if i == 0 { ",spending,alokasi,fisik_pct,sisa" } else { ",program,,," }).unwrap();
        l.to_string()
    });
    let p = read(dir.path()).unwrap_err();
    let missing: Vec<&str> =
        p.iter().filter(|x| x.kind == ProblemKind::MissingColumn).filter_map(|x| x.column.as_deref()).collect();
    assert_eq!(missing, ["spending", "alokasi", "fisik_pct", "sisa"]);
}

/// A small office of another sector printing one alokasi, an APBN programme and belanja pegawai.
fn other_office() -> Dataset {
    let mut d = embedded();
    d.budget_lines.retain(|b| b.year != 2024 || b.parent.is_none() && b.kode == "1");
    // The figures the reference printed about the lines taken out go with them (a printed
    // figure about no budget line of its year is refused on import).
    let gone: Vec<String> = d
        .printed_figures
        .iter()
        .filter_map(|p| p.subject.strip_prefix("budget:").filter(|_| p.year == 2024))
        .filter(|k| *k != "*" && *k != "all" && d.budget_line(2024, k).is_none())
        .map(|k| format!("budget:{k}"))
        .collect();
    d.printed_figures.retain(|p| p.year != 2024 || !gone.contains(&p.subject));
    let line =
        |kode: &str, parent: Option<&str>, level, position| BudgetLine::new(2024, kode, parent, level, position, kode);
    d.budget_lines.push(BudgetLine { source: FundingSource::ApbnTp, ..line("9", None, BudgetLevel::Program, 9) });
    d.budget_lines.push(BudgetLine {
        source: FundingSource::ApbnTp,
        alokasi: Some(Money::from_rupiah(2_000_000)),
        realisasi: Some(Money::from_rupiah(1_500_000)),
        fisik_pct: Some(rust_decimal::Decimal::new(955, 1)),
        sisa: Some(Money::from_rupiah(500_000)),
        ..line("9.1", Some("9"), BudgetLevel::Kegiatan, 1)
    });
    d.budget_lines.push(BudgetLine {
        spending: SpendingType::Pegawai,
        alokasi: Some(Money::from_rupiah(5_000_000)),
        realisasi: Some(Money::from_rupiah(4_000_000)),
        ..line("5.1", None, BudgetLevel::Program, 10)
    });
    d
}

#[test]
fn sources_and_spending_types_are_kept_through_files_and_the_database() {
    let d = other_office();
    let dir = folder(&d);
    let back = read(dir.path()).unwrap();
    assert_eq!(back, d);
    let again: Vec<(&str, Vec<u8>)> = write_dataset(&back);
    assert_eq!(again, write_dataset(&d), "written back byte for byte");
    let mut store = Store::open_in_memory().unwrap();
    let id = store.save_dataset(&d).unwrap();
    let loaded = store.load_dataset(id).unwrap();
    let line = loaded.budget_line(2024, "9.1").unwrap();
    assert_eq!(
        (line.source, line.alokasi, line.fisik_pct, line.sisa, line.pagu()),
        (
            FundingSource::ApbnTp,
            Some(Money::from_rupiah(2_000_000)),
            Some(rust_decimal::Decimal::new(955, 1)),
            Some(Money::from_rupiah(500_000)),
            Some(Money::from_rupiah(2_000_000))
        )
    );
    assert_eq!(loaded.budget_line(2024, "5.1").unwrap().spending, SpendingType::Pegawai);
    // The sisa printed is 2.000.000 − 1.500.000: no finding about it.
    let r = check(&loaded, &Settings::default(), Some(2024));
    assert!(!r.findings.iter().any(|f| matches!(f.issue, Issue::BudgetSisa | Issue::FisikRange)));
    // Programme 9, printed without amounts, is rolled up from kegiatan 9.1: 1.500.000 ÷
    // 2.000.000 = 75 %; the APBN tugas pembantuan total is the same line.
    let s = Settings::default();
    let v = |subject: &str, field: &str| {
        kinerja::calc::resolve::resolve(&loaded, &s, 2024, subject, field).ok().and_then(|r| r.value.number())
    };
    assert_eq!(v("budget:9", "serapan_pct"), None, "the line itself prints no amounts");
    assert_eq!(v("source:apbn-tp", "serapan_pct"), Some(rust_decimal::Decimal::from(75)));
    assert_eq!(v("spending:pegawai", "pagu"), Some(rust_decimal::Decimal::from(5_000_000)));
}

#[test]
fn a_child_of_another_source_and_an_alokasi_beside_a_pagu_are_refused_where_they_are() {
    let dir = folder(&other_office());
    let text = std::fs::read_to_string(dir.path().join("budget_lines.csv")).unwrap();
    let kegiatan = text.lines().position(|l| l.starts_with("2024,9.1,")).unwrap() + 1;
    let pegawai = text.lines().position(|l| l.starts_with("2024,5.1,")).unwrap() + 1;
    edit_budget(dir.path(), |i, l| {
        if i + 1 == kegiatan {
            l.replace(",apbn-tp,", ",dak,")
        } else if i + 1 == pegawai {
            // pagu_murni beside the alokasi: `…,position,name,pagu_murni,…` is `…,10,5.1,,…`.
            l.replacen(",10,5.1,,", ",10,5.1,100,", 1)
        } else {
            l.to_string()
        }
    });
    let p = read(dir.path()).unwrap_err();
    let at = |line: usize, column: &str| {
        p.iter().find(|x| x.line == Some(line) && x.column.as_deref() == Some(column)).unwrap_or_else(|| {
            panic!("no problem at line {line}, {column}: {p:?}");
        })
    };
    let source = at(kegiatan, "source");
    assert!(source.message(Lang::Id).contains("sumber dana 'dak' berbeda dari induknya '9'"));
    assert!(source.message(Lang::En).contains("funding source 'dak' differs from its parent '9'"));
    let alokasi = at(pegawai, "alokasi");
    assert!(alokasi.message(Lang::Id).contains("isi alokasi saja atau pagu saja"));
    assert_eq!(p.len(), 2, "{p:?}");
}

#[test]
fn programme_tables_leave_out_non_programme_spending_and_the_tree_totals_everything() {
    use kinerja::report::{budget_tree, build_table, TableOptions};
    let d = other_office();
    let s = Settings::default();
    // Tabel 3.19 of the reference lists the programmes of the year: programme 1 of the embedded
    // data and programme 9 (APBN tugas pembantuan), never belanja pegawai 5.1.
    let t = build_table(&d, &s, "3.19", 2024, TableOptions::default()).unwrap();
    let subjects: Vec<&str> = t.rows.iter().map(|r| r.subject.as_str()).collect();
    assert!(subjects.contains(&"budget:9"), "{subjects:?}");
    assert!(!subjects.iter().any(|x| x.starts_with("budget:5.1")), "{subjects:?}");
    // The budget tree shows every line, and its total is the grand total: programme 1 of the
    // reference (8.771.302.348) + 2.000.000 + 5.000.000 = 8.778.302.348.
    let tree = budget_tree(&d, &s, 2024, Lang::Id);
    assert!(tree.rows.iter().any(|r| r.subject == "budget:5.1"));
    let total = tree.rows.last().unwrap();
    assert_eq!(total.subject, "budget:all");
    let all = kinerja::calc::budget::grand_total(&d, 2024);
    assert_eq!(all.pagu, Some(Money::from_rupiah(8_778_302_348)));
}

#[test]
fn a_printed_total_per_source_is_checked() {
    let mut d = other_office();
    let printed = |subject: &str, field: &str, value: i64| PrintedFigure {
        year: 2024,
        table: "9.1".into(),
        place: Place::Table,
        subject: subject.into(),
        field: field.into(),
        printed: value.to_string(),
        value: Some(rust_decimal::Decimal::from(value)),
        note: String::new(),
    };
    // APBN tugas pembantuan: 1.500.000 ÷ 2.000.000 = 75 % (printed right); its sisa is
    // 500.000, printed as 600.000; belanja pegawai's pagu 5.000.000 (printed right).
    d.printed_figures.push(printed("source:apbn-tp", "serapan_pct", 75));
    d.printed_figures.push(printed("source:apbn-tp", "sisa", 600_000));
    d.printed_figures.push(printed("spending:pegawai", "pagu", 5_000_000));
    let r = check(&d, &Settings::default(), Some(2024));
    let ours: Vec<_> = r.findings.iter().filter(|f| f.table == "9.1").collect();
    assert_eq!(ours.len(), 1, "{ours:?}");
    assert_eq!((ours[0].field.as_str(), ours[0].issue.code()), ("sisa", "printed_mismatch"));
    assert_eq!(ours[0].computed, Some(rust_decimal::Decimal::from(500_000)));
    assert!(!r.unverified.iter().any(|u| u.table == "9.1"), "every total per source is computed");
    let words = kinerja::text::finding(ours[0], Lang::Id);
    assert!(words.contains("sisa anggaran 'Total sumber dana APBN Tugas Pembantuan'"), "{words}");
    let words = kinerja::text::finding(ours[0], Lang::En);
    assert!(words.contains("remaining budget of 'Total of funding source APBN co-administration funds'"), "{words}");
}
