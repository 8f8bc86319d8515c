//! The consistency checker on the reference report: it must find the report's own slips, and
//! nothing where the report is consistent.

use kinerja::calc::check::{check, FindingKind};
use kinerja::calc::Settings;
use kinerja::format::Lang;
use kinerja::text;
use rust_decimal::Decimal;
use std::str::FromStr;

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn finds_exactly_the_reference_reports_slips() {
    let d = kinerja::embedded::dataset().unwrap();
    let report = check(&d, &Settings::default(), None);
    // The column as the Indonesian window and command line name it.
    let fields: Vec<String> = report.findings.iter().map(|f| text::field(&f.field, f.place, Lang::Id)).collect();
    let found: Vec<(&str, &str, &str, FindingKind)> = report
        .findings
        .iter()
        .zip(&fields)
        .map(|(f, field)| (f.table.as_str(), f.subject.as_str(), field.as_str(), f.kind))
        .collect();
    use FindingKind::*;
    let expected = vec![
        // Tabel 1.2: subtotals that are not the sum of their rows, and rows without a count.
        ("1.2", "asset:1.2", "nilai", Mismatch),
        ("1.2", "asset:1.2.1", "nilai", Mismatch),
        ("1.2", "asset:1.2.4", "nilai", Mismatch),
        ("1.2", "asset:1.2.7", "nilai", Mismatch),
        ("1.2", "asset:1.2.7.1", "nilai", Mismatch),
        ("1.2", "asset:1.4.1", "jumlah", Missing),
        ("1.2", "asset:1.4.2", "jumlah", Missing),
        // Tabel 3.1: capaian 104 for 1.05 / 1; the narrative's 1.04 and 100 %.
        ("3.1", "indicator:IKU2", "capaian (%)", Mismatch),
        ("3.1", "indicator:IKU2", "realisasi (narasi)", Mismatch),
        ("3.1", "indicator:IKU2", "capaian (%) (narasi)", Mismatch),
        ("3.1", "indicator:IKU3", "capaian (%) (narasi)", Mismatch),
        // The realisations do not follow from the raw figures by the stated formulas.
        ("3.1", "indicator:IKU2", "realisasi", Mismatch),
        ("3.1", "indicator:IKU3", "realisasi", Mismatch),
        // Tabel 3.6: 7.39 % for 127.019.891 / 160.000.000.
        ("3.6", "budget:1.4.5", "% serapan", Mismatch),
        // The narrative says 0.2 % where Tabel 3.9 prints 0.3.
        ("3.9", "indicator:PI5", "realisasi (narasi)", Mismatch),
        // Narrative totals under Tabel 3.10.
        ("3.10", "support:IKU2", "realisasi (narasi)", Mismatch),
        ("3.10", "support:IKU2", "% serapan (narasi)", Mismatch),
        // The worked calculation for IK3 uses the cooperatives' volumes.
        ("3.11", "indicator:IKU3", "data tahun n (perhitungan)", Mismatch),
        ("3.11", "indicator:IKU3", "data tahun n−1 (perhitungan)", Mismatch),
        // "tiga indikator program telah tercapai" — the table has two.
        ("3.14", "program_indicators:IKU3", "jumlah indikator tercapai (narasi)", Mismatch),
        // Narrative serapan under Tabel 3.16.
        ("3.16", "support:IKU3", "% serapan (narasi)", Mismatch),
    ];
    assert_eq!(found, expected, "{:#?}", report.findings);

    let slip = report.findings.iter().find(|f| f.subject == "budget:1.4.5").unwrap();
    assert_eq!(slip.reported, Some(dec("7.39")));
    assert_eq!(slip.computed.unwrap().round_dp(2), dec("79.39"));
    assert!(text::formula(&slip.formula, Lang::Id).contains("127.019.891"));
    let message = text::finding(slip, Lang::Id);
    assert!(message.contains("7,39") && message.contains("79,39"), "{message}");

    let formula = report.findings.iter().find(|f| f.subject == "indicator:IKU3" && f.field == "realisasi").unwrap();
    let message = text::finding(formula, Lang::Id);
    assert!(message.contains("tanpa × 100"), "explains how the printed number was made: {message}");

    // Printed figures without the data to check them are listed apart, not as findings.
    assert_eq!(report.unverified.len(), 2);
}

#[test]
fn a_year_filter_limits_the_check() {
    let d = kinerja::embedded::dataset().unwrap();
    let r2023 = check(&d, &Settings::default(), Some(2023));
    assert!(r2023.findings.is_empty(), "{:#?}", r2023.findings);
    assert_eq!(r2023.unverified.len(), 1);
}

#[test]
fn settings_change_the_computation() {
    let d = kinerja::embedded::dataset().unwrap();
    let mut s = Settings::default();
    s.apply("efficiency_rule", "margin:15").unwrap();
    let r = check(&d, &s, Some(2024));
    // Sasaran 2: average capaian 103 vs average serapan 90.55 is within ±15: "cukup efisien",
    // which disagrees with the printed "efisien".
    assert!(
        r.findings.iter().any(|f| f.subject == "sasaran:S2" && text::field(&f.field, f.place, Lang::Id) == "efisiensi"),
        "{:#?}",
        r.findings
    );
}
