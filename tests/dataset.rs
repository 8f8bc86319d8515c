//! The interchange format and the embedded dataset.

use kinerja::domain::*;
use kinerja::format::Lang;
use kinerja::interchange::{file_names, read_dataset, write_dataset, DirSource, ProblemKind};
use std::path::Path;

fn dataset() -> Dataset {
    kinerja::embedded::dataset().unwrap_or_else(|p| panic!("embedded dataset invalid:\n{p}"))
}

#[test]
fn embedded_dataset_holds_every_entity() {
    let d = dataset();
    assert_eq!(d.office.name, "Dinas Koperasi, Usaha Kecil dan Menengah Kota Bekasi");
    assert_eq!(d.units.len(), 8);
    assert!(d.unit_duties.len() > 40);
    assert_eq!(d.staff.iter().map(|s| s.count).sum::<i64>(), 41);
    assert_eq!(d.assets.len(), 121);
    assert_eq!(d.periods.len(), 2);
    assert_eq!(d.strategies.len(), 7);
    assert_eq!(d.tujuan.len(), 2);
    assert_eq!(d.sasaran.len(), 2);
    assert_eq!(d.indicators.iter().filter(|i| i.iku && i.period == "2024-2026").count(), 3);
    assert_eq!(d.indicators.iter().filter(|i| i.level == IndicatorLevel::Program).count(), 10);
    assert_eq!(d.targets.len(), 15);
    assert!(!d.agreements.is_empty());
    assert_eq!(d.agreement_programs.len(), 8);
    assert!(!d.realisations.is_empty());
    assert_eq!(d.raw_figures.len(), 12);
    assert_eq!(d.budget_children(2024, None).len(), 8);
    assert_eq!(d.budget_children(2023, None).len(), 8);
    assert_eq!(d.program_support.len(), 8);
    assert!(d.printed_figures.len() > 100);
    assert!(d.notes.len() > 40);
    assert_eq!(d.awards.len(), 1);
    assert_eq!(d.akip_evaluations.len(), 2);
    assert_eq!(d.akip_recommendations.len(), 3);
    assert_eq!(d.benchmarks.len(), 1);
    assert_eq!(d.umkm_upgrades.len(), 9);
    assert_eq!(d.report_tables.iter().filter(|t| t.year == 2024).count(), 25);
    assert_eq!(d.latest_report_year(), Some(2024));
}

#[test]
fn repairs_are_noted_next_to_the_value() {
    let d = dataset();
    let line = d.budget_line(2024, "1.7.3").unwrap();
    assert_eq!(line.realisasi, Some(Money::from_rupiah(69_040_000)));
    assert!(line.note.contains("69.04.000"));
    let p = d.printed_figures.iter().find(|p| p.printed == "108.5 8%").unwrap();
    assert!(!p.note.is_empty());
}

#[test]
fn written_files_are_byte_identical_to_the_embedded_ones() {
    let d = dataset();
    let written = write_dataset(&d);
    assert_eq!(written.len(), file_names().len());
    for (name, bytes) in written {
        let original = kinerja::embedded::files().iter().find(|(n, _)| *n == name).map(|(_, b)| *b);
        let original = original.unwrap_or_else(|| panic!("{name} is embedded"));
        let (a, b) = (String::from_utf8_lossy(&bytes), String::from_utf8_lossy(original));
        for (i, (x, y)) in a.lines().zip(b.lines()).enumerate() {
            assert_eq!(x, y, "{name} line {}", i + 1);
        }
        assert_eq!(a, b, "{name}");
    }
}

fn write_folder(dir: &Path, d: &Dataset) {
    for (name, bytes) in write_dataset(d) {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
}

#[test]
fn folder_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let d = dataset();
    write_folder(dir.path(), &d);
    let back = read_dataset(&DirSource(dir.path().to_path_buf())).unwrap();
    assert_eq!(back, d);
}

fn problems_after(edit: impl FnOnce(&Path)) -> Vec<kinerja::interchange::Problem> {
    let dir = tempfile::tempdir().unwrap();
    write_folder(dir.path(), &dataset());
    edit(dir.path());
    read_dataset(&DirSource(dir.path().to_path_buf())).expect_err("broken dataset refused").0
}

fn replace_in(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} contains {from}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn broken_files_are_refused_with_located_messages() {
    let p = problems_after(|dir| std::fs::remove_file(dir.join("staff.csv")).unwrap());
    assert_eq!(p[0].kind, ProblemKind::MissingFile);
    assert!(p[0].message(Lang::Id).contains("staff.csv"));

    let p = problems_after(|dir| replace_in(dir, "budget_lines.csv", "9271302348", "9.271.302.348"));
    assert!(matches!(&p[0].kind, ProblemKind::NotMoney(v) if v == "9.271.302.348"));
    assert_eq!(p[0].column.as_deref(), Some("pagu_murni"));
    assert_eq!(p[0].line, Some(2));
    assert!(p[0].message(Lang::Id).contains("baris 2"));
    assert!(p[0].message(Lang::En).contains("line 2"));

    let p = problems_after(|dir| replace_in(dir, "realisations.csv", "IKU1,2024", "IKU9,2024"));
    assert!(matches!(&p[0].kind, ProblemKind::UnknownReference { value, .. } if value == "IKU9"));

    let p = problems_after(|dir| replace_in(dir, "staff.csv", "year,position", "tahun,position"));
    assert!(p.iter().any(|x| x.kind == ProblemKind::MissingColumn && x.column.as_deref() == Some("year")));

    let p = problems_after(|dir| {
        replace_in(dir, "indicators.csv", ",higher,standard,ratio_pct,", ",naik,standard,ratio_pct,")
    });
    assert!(matches!(&p[0].kind, ProblemKind::UnknownCode { value, .. } if value == "naik"));

    let p = problems_after(|dir| replace_in(dir, "targets.csv", "IKU1,2026", "IKU1,2025"));
    assert!(p.iter().any(|x| matches!(x.kind, ProblemKind::Duplicate(_))));

    let p = problems_after(|dir| replace_in(dir, "targets.csv", "IKU1,2026", "IKU1,2031"));
    assert!(p.iter().any(|x| matches!(&x.kind, ProblemKind::Invalid(m) if m.contains("2031"))));

    let p = problems_after(|dir| std::fs::write(dir.join("awards.csv"), [0xff, 0xfe, 0x00, 0x41]).unwrap());
    assert_eq!(p[0].kind, ProblemKind::NotUtf8);
}
