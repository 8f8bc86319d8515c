//! Cumulative targets and realisations over a Renstra period (issue 14): an indicator whose
//! years add up (`period_rule` `sum`) has a target and a realisation "s.d. tahun N", a capaian of
//! the period so far, and a capaian against the end target from its years together; its yearly
//! targets should add up to the end target.
//!
//! The dataset is the made-up office of `tests/data/dinas-contoh` (Renstra 2025–2029) with one
//! indicator added in the test, IKD "Jumlah bank sampah baru" (higher is better, `sum`):
//!
//! | year | target | realisasi |
//! |------|--------|-----------|
//! | 2025 | 10     | 9         |
//! | 2026 | 12     | 14        |
//! | 2027 | 15     | 15        |
//! | 2028 | 18     |           |
//! | 2029 | 20     |           |
//!
//! End target 10 + 12 + 15 + 18 + 20 = 75. The folder itself is left as it is.

use kinerja::calc::check::{check, Finding, Issue};
use kinerja::calc::Settings;
use kinerja::domain::*;
use kinerja::format::Lang;
use kinerja::interchange::{read_dataset, write_dataset, DirSource};
use kinerja::storage::Store;
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn test_office(name: &str) -> Dataset {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name);
    read_dataset(&DirSource(folder)).unwrap_or_else(|p| panic!("{name}: {p}"))
}

fn printed(year: Year, field: &str, text: &str) -> PrintedFigure {
    PrintedFigure {
        year,
        table: "3.1".into(),
        place: Place::Table,
        subject: "indicator:IKD".into(),
        field: field.into(),
        printed: text.into(),
        value: Some(dec(&text.replace(',', "."))),
        note: String::new(),
    }
}

/// dinas-contoh with IKD (see the module's comment) and its printed figures.
fn with_ikd() -> Dataset {
    let mut d = test_office("dinas-contoh");
    d.indicators.push(Indicator {
        satuan: "Unit".into(),
        period_rule: PeriodRule::Sum,
        ..Indicator::new("IKD", "2025-2029", IndicatorLevel::Sasaran, Some("S1"), 4, "Jumlah bank sampah baru")
    });
    for (year, target) in [(2025, "10"), (2026, "12"), (2027, "15"), (2028, "18"), (2029, "20")] {
        let value = TargetValue { target: dec(target), target_high: None };
        d.targets.push(Target { indicator: "IKD".into(), year, value, note: String::new() });
    }
    for (year, r) in [(2025, "9"), (2026, "14"), (2027, "15")] {
        d.realisations.push(Realisation { indicator: "IKD".into(), year, realisasi: dec(r), note: String::new() });
    }
    d.baselines.push(RenstraBaseline {
        indicator: "IKD".into(),
        baseline_year: Some(2024),
        baseline: Some(dec("4")),
        end_target: Some(dec("75")),
        end_target_high: None,
        note: String::new(),
    });
    d.printed_figures.extend([
        // s.d. 2027: target 10 + 12 + 15 = 37; realisasi 9 + 14 + 15 = 38.
        printed(2027, "target_cumulative", "37"),
        printed(2027, "realisasi_cumulative", "38"),
        // 38 ÷ 37 × 100 = 102.7027…, printed to two decimals.
        printed(2027, "capaian_cumulative_pct", "102,70"),
        // Against the end target: 38 ÷ 75 × 100 = 50.666…
        printed(2027, "capaian_end_pct", "50,67"),
        // The year alone: 15 ÷ 15 × 100 = 100.
        printed(2027, "capaian_pct", "100"),
        // s.d. 2026 the realisation is 9 + 14 = 23; the report prints 24 (the one slip).
        printed(2026, "realisasi_cumulative", "24"),
        // s.d. 2026: 23 ÷ (10 + 12) × 100 = 104.5454…
        printed(2026, "capaian_cumulative_pct", "104,55"),
    ]);
    d
}

/// The dataset written as an office's folder and imported from it.
fn through_files(d: &Dataset, dir: &Path) -> Dataset {
    for (name, bytes) in write_dataset(d) {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    read_dataset(&DirSource(dir.to_path_buf())).unwrap_or_else(|p| panic!("{p}"))
}

fn about_ikd(findings: &[Finding]) -> Vec<&Finding> {
    findings.iter().filter(|f| f.subject == "indicator:IKD").collect()
}

#[test]
fn printed_cumulative_figures_are_checked_and_the_one_wrong_figure_is_the_one_finding() {
    let dir = tempfile::tempdir().unwrap();
    let d = through_files(&with_ikd(), dir.path());
    let s = Settings::default();
    let before = check(&test_office("dinas-contoh"), &s, None);
    let r = check(&d, &s, None);
    let ikd = about_ikd(&r.findings);
    assert_eq!(ikd.len(), 1, "{ikd:#?}");
    let f = ikd[0];
    assert_eq!((f.year, f.field.as_str(), &f.issue), (2026, "realisasi_cumulative", &Issue::Printed));
    assert_eq!((f.reported, f.computed), (Some(dec("24")), Some(dec("23"))));
    // Every other printed figure of IKD was checked (none left unverified), and nothing else of
    // the office changed.
    assert!(r.unverified.iter().all(|u| u.subject != "indicator:IKD"), "{:#?}", r.unverified);
    assert_eq!(r.findings.len(), before.findings.len() + 1);
    let en = kinerja::text::finding(f, Lang::En);
    let id = kinerja::text::finding(f, Lang::Id);
    assert!(en.contains("24") && en.contains("23"), "{en}");
    assert!(id.contains("realisasi kumulatif") && en.contains("cumulative actual"), "{id} / {en}");
    // How it was computed: the years 2025 and 2026 added up.
    assert_eq!(f.formula, kinerja::calc::how::Formula::PeriodSum { from: 2025, values: vec![dec("9"), dec("14")] });
    assert_eq!(kinerja::text::formula(&f.formula, Lang::Id), "jumlah tahun 2025–2026: 9 + 14");
    assert_eq!(kinerja::text::formula(&f.formula, Lang::En), "sum of the years 2025–2026: 9 + 14");
}

#[test]
fn the_yearly_targets_of_a_sum_indicator_should_add_up_to_its_end_target() {
    let s = Settings::default();
    let sum_findings = |d: &Dataset| -> Vec<Finding> {
        check(d, &s, None).findings.into_iter().filter(|f| f.issue == Issue::RenstraTargetsSum).collect()
    };
    // 10 + 12 + 15 + 18 + 20 = 75, the end target: nothing to say.
    let mut d = with_ikd();
    assert_eq!(sum_findings(&d), []);
    // An end target of 80 is not what the years add up to.
    d.baselines.iter_mut().find(|b| b.indicator == "IKD").unwrap().end_target = Some(dec("80"));
    let found = sum_findings(&d);
    assert_eq!(found.len(), 1, "{found:#?}");
    let f = &found[0];
    assert_eq!(f.issue.code(), "renstra_targets_sum_mismatch");
    assert_eq!((f.year, f.reported, f.computed), (2029, Some(dec("80")), Some(dec("75"))));
    for lang in [Lang::Id, Lang::En] {
        let words = kinerja::text::finding(f, lang);
        assert!(words.contains("80") && words.contains("75") && words.contains("Jumlah bank sampah baru"), "{words}");
    }
    // Shown for any year of the period, not for a year outside it.
    assert_eq!(check(&d, &s, Some(2025)).findings.iter().filter(|f| f.issue == Issue::RenstraTargetsSum).count(), 1);
    assert_eq!(check(&d, &s, Some(2030)).findings.iter().filter(|f| f.issue == Issue::RenstraTargetsSum).count(), 0);
    // A plan that leaves a year's target out is not checked.
    let mut gap = d.clone();
    gap.targets.retain(|t| !(t.indicator == "IKD" && t.year == 2028));
    assert_eq!(sum_findings(&gap), []);
    // A level's yearly targets do not add up to anything.
    let mut level = d.clone();
    level.indicators.iter_mut().find(|i| i.code == "IKD").unwrap().period_rule = PeriodRule::Level;
    assert_eq!(sum_findings(&level), []);
}

#[test]
fn no_office_of_the_tests_nor_the_reference_is_told_its_targets_do_not_add_up() {
    let s = Settings::default();
    let reference = kinerja::embedded::dataset().unwrap();
    let offices = [reference, test_office("dinas-contoh"), test_office("dinkes-prov"), test_office("disnaker-kota")];
    for d in &offices {
        let r = check(d, &s, None);
        assert!(r.findings.iter().all(|f| f.issue != Issue::RenstraTargetsSum), "{}", d.office.name);
    }
    assert_eq!(check(&offices[0], &s, None).findings.len(), 21);
}

#[test]
fn the_period_rule_survives_files_and_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let d = with_ikd();
    let read = through_files(&d, dir.path());
    assert_eq!(read, d);
    // Written again, byte for byte the same.
    for (name, bytes) in write_dataset(&read) {
        assert_eq!(std::fs::read(dir.path().join(name)).unwrap(), bytes, "{name}");
    }
    let indicators = std::fs::read_to_string(dir.path().join("indicators.csv")).unwrap();
    assert!(indicators.lines().next().unwrap().ends_with(",quarter_rule,period_rule,note"));
    assert!(indicators.lines().any(|l| l.starts_with("IKD,") && l.contains(",cumulative,sum,")), "{indicators}");
    let mut store = Store::open(&dir.path().join("kinerja.sqlite")).unwrap();
    let office = store.save_dataset(&d).unwrap();
    assert_eq!(store.load_dataset(office).unwrap().indicator("IKD").unwrap().period_rule, PeriodRule::Sum);
}

#[test]
fn an_indicators_file_without_the_column_reads_every_indicator_as_a_level() {
    let dir = tempfile::tempdir().unwrap();
    let d = through_files(&with_ikd(), dir.path());
    let path = dir.path().join("indicators.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    // The file as an earlier Kinerja wrote it: no period_rule heading and no such cell (every
    // row ends with its quarter rule, its period rule and a note without those words).
    let mut older = String::new();
    for (i, line) in text.lines().enumerate() {
        let line = match i {
            0 => line.replace(",period_rule,", ","),
            _ => ["cumulative", "sum"]
                .iter()
                .flat_map(|q| ["level", "sum"].map(move |p| (format!(",{q},{p},"), format!(",{q},"))))
                .fold(line.to_string(), |l, (from, to)| l.replacen(&from, &to, 1)),
        };
        older.push_str(&line);
        older.push('\n');
    }
    assert!(!older.contains("period_rule"));
    std::fs::write(&path, older).unwrap();
    let read = read_dataset(&DirSource(dir.path().to_path_buf())).unwrap_or_else(|p| panic!("{p}"));
    assert!(read.indicators.iter().all(|i| i.period_rule == PeriodRule::Level));
    let as_level: Vec<Indicator> =
        d.indicators.iter().map(|i| Indicator { period_rule: PeriodRule::Level, ..i.clone() }).collect();
    assert_eq!(read.indicators, as_level);
    // IKD is now a level: its capaian against the end target is 2027's alone, 15 ÷ 75 × 100 = 20.
    let c = kinerja::calc::resolve::resolve(&read, &Settings::default(), 2027, "indicator:IKD", "capaian_end_pct");
    assert_eq!(c.unwrap().value.number(), Some(dec("20")));
}
