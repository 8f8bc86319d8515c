//! A second, made-up office (not the reference report) with lower-is-better and range
//! indicators, fed through import, storage, computation and the checker.

use kinerja::calc::check::{check, FindingKind};
use kinerja::calc::resolve::indicator_capaian;
use kinerja::calc::Settings;
use kinerja::interchange::{read_dataset, DirSource};
use kinerja::report::{build_table, TableOptions};
use kinerja::storage::Store;
use rust_decimal::Decimal;
use std::path::PathBuf;

fn folder() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/dinas-contoh")
}

#[test]
fn made_up_office_end_to_end() {
    let imported = read_dataset(&DirSource(folder())).unwrap_or_else(|p| panic!("{p}"));
    let mut store = Store::open_in_memory().unwrap();
    // Next to the embedded office, in the same database.
    store.save_dataset(&kinerja::embedded::dataset().unwrap()).unwrap();
    let id = store.save_dataset(&imported).unwrap();
    assert_eq!(store.offices().unwrap().len(), 2);
    let d = store.load_dataset(id).unwrap();
    assert_eq!(d, imported);
    let s = Settings::default();
    let cap = |code| indicator_capaian(&d, &s, code, 2025).unwrap().value.number().unwrap();
    // Lower is better, standard rule: (2 − 18 / 20) × 100.
    assert_eq!(cap("IKA"), Decimal::from(110));
    // Range 7.00–7.50, above the range: (2 − 7.8 / 7.5) × 100.
    assert_eq!(cap("IKB"), Decimal::from(96));
    // Lower is better, inverse rule: 10 / 8 × 100.
    assert_eq!(cap("IKC"), Decimal::from(125));

    let report = check(&d, &s, None);
    let found: Vec<(String, String, FindingKind)> = report
        .findings
        .iter()
        .map(|f| (f.subject.clone(), kinerja::text::field_label(&f.field, kinerja::format::Lang::Id), f.kind))
        .collect();
    assert_eq!(
        found,
        vec![
            ("indicator:IKB".to_string(), "capaian (%)".to_string(), FindingKind::Mismatch),
            ("indicator:IKA".to_string(), "realisasi".to_string(), FindingKind::Mismatch),
            ("budget:1".to_string(), "pagu".to_string(), FindingKind::Mismatch),
        ],
        "{:#?}",
        report.findings
    );
    // The recorded 18 % does not follow from its raw figures: 95 ÷ 500 × 100 = 19.
    let ika = report.findings.iter().find(|f| f.subject == "indicator:IKA").unwrap();
    assert_eq!(ika.reported, Some(Decimal::from(18)));
    assert_eq!(ika.computed, Some(Decimal::from(19)));

    // Rencana Aksi: IKC adds up its quarters (2 + 3 + 1 + 2 = 8, as recorded); without the
    // recorded figure, the year's realisation follows from the quarters.
    let ikc = d.indicator("IKC").unwrap();
    assert_eq!(kinerja::calc::resolve::quarter_realisasi(&d, ikc, 2025), Some((Decimal::from(8), 4)));
    let mut without = d.clone();
    without.realisations.retain(|r| r.indicator != "IKC");
    assert_eq!(kinerja::calc::resolve::effective_realisasi(&without, ikc, 2025).unwrap(), Decimal::from(8));
    // A recorded figure that disagrees with the quarters is a finding; so is a budget line whose
    // quarterly realisations do not add up.
    let mut off = d.clone();
    off.realisations.iter_mut().find(|r| r.indicator == "IKC").unwrap().realisasi = Decimal::from(9);
    off.budget_quarters[0].realisasi = kinerja::domain::Money::from_rupiah(1);
    let fields: Vec<String> = check(&off, &s, None)
        .findings
        .iter()
        .map(|f| format!("{} {}", f.subject, kinerja::text::field_label(&f.field, kinerja::format::Lang::Id)))
        .collect();
    assert!(fields.contains(&"indicator:IKC realisasi (triwulan)".to_string()), "{fields:?}");
    assert!(fields.contains(&"budget:1 realisasi (triwulan)".to_string()), "{fields:?}");

    // The generated table layout works for an office without a stored one.
    let t = build_table(&d, &s, "3.1", 2025, TableOptions::default()).unwrap();
    assert_eq!(t.rows.len(), 3);
}

#[test]
fn printed_averages_of_all_iku_and_per_sasaran_are_checked() {
    use kinerja::calc::check::Issue;
    use kinerja::calc::resolve::resolve;
    let mut d = read_dataset(&DirSource(folder())).unwrap_or_else(|p| panic!("{p}"));
    let s = Settings::default();
    // Capaian 2025: IKA 110, IKB 96, IKC 125, all three IKU of sasaran S1: (110 + 96 + 125) / 3
    // = 110,333…
    let all = resolve(&d, &s, 2025, "sasaran:*", "avg_capaian").unwrap().value.number().unwrap();
    assert_eq!(all.round_dp(2), Decimal::new(11033, 2));
    let s1 = resolve(&d, &s, 2025, "sasaran:S1", "avg_capaian").unwrap().value.number().unwrap();
    assert_eq!(s1, all);
    let before = check(&d, &s, None).findings.len();
    // Printed 110,33 for all IKU agrees; 111,33 for S1 is a slip.
    for (subject, printed) in [("sasaran:*", "110.33"), ("sasaran:S1", "111.33")] {
        d.printed_figures.push(kinerja::domain::PrintedFigure {
            year: 2025,
            table: "3.1".into(),
            place: kinerja::domain::Place::Table,
            subject: subject.into(),
            field: "avg_capaian".into(),
            printed: printed.into(),
            value: Some(printed.parse().unwrap()),
            note: String::new(),
        });
    }
    let report = check(&d, &s, None);
    assert_eq!(report.findings.len(), before + 1, "{:#?}", report.findings);
    let f = report.findings.iter().find(|f| f.field == "avg_capaian").unwrap();
    assert_eq!((f.subject.as_str(), &f.issue), ("sasaran:S1", &Issue::Printed));
    assert!(report.unverified.iter().all(|u| u.field != "avg_capaian"), "{:#?}", report.unverified);
    // A year outside every Renstra period has no IKU to average.
    assert!(resolve(&d, &s, 2040, "sasaran:*", "avg_capaian").is_err());
}

#[test]
fn renstra_baseline_and_end_target_with_capaian_against_it() {
    use kinerja::calc::resolve::resolve;
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(folder()).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    // IKA (lower is better) from 24 % in 2024 to 12 % in 2029; IKB a range at the end.
    std::fs::write(
        dir.path().join("renstra_baselines.csv"),
        "indicator,baseline_year,baseline,end_target,end_target_high,note\n\
         IKA,2024,24,12,,\n\
         IKB,2024,6.5,7.00,7.50,\n",
    )
    .unwrap();
    let imported = read_dataset(&DirSource(dir.path().to_path_buf())).unwrap_or_else(|p| panic!("{p}"));
    let mut store = Store::open_in_memory().unwrap();
    let id = store.save_dataset(&imported).unwrap();
    let d = store.load_dataset(id).unwrap();
    assert_eq!(d, imported, "the baselines survive the database");
    let s = Settings::default();
    let value = |code: &str, field: &str| resolve(&d, &s, 2025, code, field).unwrap().value.number().unwrap();
    assert_eq!(value("indicator:IKA", "baseline"), Decimal::from(24));
    assert_eq!(value("indicator:IKA", "end_target"), Decimal::from(12));
    // Realisation 2025 of 18 against the end target 12, lower is better: (2 − 18 / 12) × 100 = 50.
    assert_eq!(value("indicator:IKA", "capaian_end_pct"), Decimal::from(50));
    // IKB 7,8 above the end range 7,00–7,50: (2 − 7,8 / 7,5) × 100 = 96.
    assert_eq!(value("indicator:IKB", "capaian_end_pct"), Decimal::from(96));
    // IKC has no baseline row: cannot be computed, naming the file.
    let e = resolve(&d, &s, 2025, "indicator:IKC", "capaian_end_pct").unwrap_err();
    assert!(e.message(kinerja::format::Lang::En).contains("renstra_baselines.csv"));

    // A row for an unknown indicator and an end range written high → low are refused.
    std::fs::write(
        dir.path().join("renstra_baselines.csv"),
        "indicator,baseline_year,baseline,end_target,end_target_high,note\nIKX,2024,1,2,,\nIKB,2024,6.5,7.50,7.00,\n",
    )
    .unwrap();
    let problems = read_dataset(&DirSource(dir.path().to_path_buf())).unwrap_err().0;
    let at = |line: usize, column: &str| {
        problems
            .iter()
            .any(|p| p.file == "renstra_baselines.csv" && p.line == Some(line) && p.column.as_deref() == Some(column))
    };
    assert!(at(2, "indicator") && at(3, "end_target_high"), "{problems:#?}");
}
