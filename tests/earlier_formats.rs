//! Datasets written before issue 14 changed the format import unchanged.
//!
//! `tests/data/before-issue-14/` holds the reference office and the made-up office exactly as
//! they were committed before issue 14 (commit 07afcce^): `budget_lines.csv` in format version 1
//! (no source, spending, alokasi, fisik or sisa), no misi, bands or baselines. They are kept as
//! files, not rebuilt from today's writer, so that a change to the reader that breaks an older
//! file fails here.

use kinerja::calc::check::check;
use kinerja::calc::Settings;
use kinerja::domain::*;
use kinerja::interchange::{read_dataset, write_dataset, DirSource};
use std::path::PathBuf;

fn old(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/before-issue-14").join(name)
}

fn read(name: &str) -> Dataset {
    read_dataset(&DirSource(old(name))).unwrap_or_else(|p| panic!("{name}: {p}"))
}

#[test]
fn the_reference_as_written_before_issue_14_is_todays_reference() {
    let d = read("bekasi-2024");
    // The only file that changed is budget_lines.csv, whose version-1 lines are read as APBD
    // programme lines with no alokasi, fisik or sisa: exactly what the embedded dataset holds.
    assert_eq!(d, kinerja::embedded::dataset().unwrap());
    assert!(d.budget_lines.iter().all(|b| b.source == FundingSource::Apbd
        && b.spending == SpendingType::Program
        && b.alokasi.is_none()
        && b.fisik_pct.is_none()
        && b.sisa.is_none()));
    // Its 21 findings, as the reference's (tests/check.rs lists them one by one).
    assert_eq!(check(&d, &Settings::default(), None).findings.len(), 21);
}

#[test]
fn an_older_file_is_written_back_in_todays_format() {
    let d = read("bekasi-2024");
    let files: std::collections::BTreeMap<&str, Vec<u8>> = write_dataset(&d).into_iter().collect();
    let embedded: std::collections::BTreeMap<&str, Vec<u8>> =
        kinerja::embedded::files().iter().map(|(n, b)| (*n, b.to_vec())).collect();
    // Every file the reference has is written as the embedded (today's) one; the writer may
    // add files of its own (empty optional files, their headings only).
    for (name, bytes) in &embedded {
        assert_eq!(files.get(name), Some(bytes), "{name}");
    }
    let old_budget = std::fs::read_to_string(old("bekasi-2024").join("budget_lines.csv")).unwrap();
    assert!(old_budget.starts_with("year,kode,parent,level,position,name,pagu_murni,pagu_perubahan,realisasi,note\n"));
    let new_budget = String::from_utf8(files["budget_lines.csv"].clone()).unwrap();
    assert!(new_budget.starts_with(
        "year,kode,parent,level,position,name,pagu_murni,pagu_perubahan,realisasi,note,source,spending,alokasi,fisik_pct,sisa\n"
    ));
}

#[test]
fn the_made_up_office_as_written_before_issue_14_imports_and_checks_the_same() {
    let before = read("dinas-contoh");
    let now = read_dataset(&DirSource(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/dinas-contoh")))
        .unwrap_or_else(|p| panic!("{p}"));
    // One printed figure moved table when Kinerja's own numbering stopped depending on the
    // indicator count (docs/dataset-format.md, report_tables.csv); the data are otherwise equal.
    let mut renumbered = before.clone();
    for p in &mut renumbered.printed_figures {
        if p.subject == "budget:*" && p.field == "serapan_pct" {
            p.table = "3.4".into();
        }
    }
    assert_eq!(renumbered, now);
    let s = Settings::default();
    let subjects = |d: &Dataset| -> Vec<(String, String)> {
        check(d, &s, None).findings.into_iter().map(|f| (f.subject, f.field)).collect()
    };
    assert_eq!(subjects(&before), subjects(&now));
}
