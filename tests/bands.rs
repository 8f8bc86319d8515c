//! An office's own achievement bands (achievement_bands.csv) and the categories its report
//! prints (printed_figures.csv, field `category`): imported, stored, checked.

use kinerja::calc::check::{check, FindingKind, Issue};
use kinerja::calc::Settings;
use kinerja::format::Lang;
use kinerja::interchange::{read_dataset, DirSource, ProblemKind};
use kinerja::storage::Store;
use std::path::{Path, PathBuf};

fn contoh() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/dinas-contoh")
}

/// The made-up office of `tests/data/dinas-contoh` in a fresh folder, with `bands` as its
/// achievement_bands.csv and `categories` added to its printed figures.
fn office_with(dir: &Path, bands: &str, categories: &str) {
    for entry in std::fs::read_dir(contoh()).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
    }
    std::fs::write(dir.join("achievement_bands.csv"), bands).unwrap();
    let printed = std::fs::read_to_string(dir.join("printed_figures.csv")).unwrap();
    std::fs::write(dir.join("printed_figures.csv"), format!("{printed}{categories}")).unwrap();
}

/// "> 100 SB, > 80–100 B, > 55–80 C, < 55 K", as many provincial reports print it.
const SCALE: &str = "period,position,code,name,lower,lower_inclusive
2025-2029,1,SB,Sangat Baik,100,false
2025-2029,2,B,Baik,80,false
2025-2029,3,C,Cukup,55,false
2025-2029,4,K,Kurang,,false
";

#[test]
fn printed_categories_are_checked_against_the_office_scale() {
    let dir = tempfile::tempdir().unwrap();
    // Capaian 2025 (tests/second_office.rs): IKA 110, IKB 96, IKC 125. IKA is SB, printed by
    // code; IKC is SB, printed by name in other case; IKB (96) is B but printed Sangat Baik.
    office_with(
        dir.path(),
        SCALE,
        "2025,3.1,table,indicator:IKA,category,SB,,\n\
         2025,3.1,table,indicator:IKB,category,Sangat Baik,,\n\
         2025,3.1,table,indicator:IKC,category,sangat baik,,\n",
    );
    let imported = read_dataset(&DirSource(dir.path().to_path_buf())).unwrap_or_else(|p| panic!("{p}"));
    assert_eq!(imported.achievement_bands.len(), 4);
    let mut store = Store::open_in_memory().unwrap();
    let id = store.save_dataset(&imported).unwrap();
    let d = store.load_dataset(id).unwrap();
    assert_eq!(d, imported, "the bands survive the database");

    let base = check(&kinerja::interchange::read_dataset(&DirSource(contoh())).unwrap(), &Settings::default(), None);
    let r = check(&d, &Settings::default(), None);
    assert_eq!(r.findings.len(), base.findings.len() + 1, "{:#?}", r.findings);
    let f = r.findings.iter().find(|f| f.field == "category").expect("the slip is found");
    assert_eq!(f.subject, "indicator:IKB");
    assert_eq!(f.kind, FindingKind::Mismatch);
    assert_eq!(
        f.issue,
        Issue::PrintedCategory {
            printed: "Sangat Baik".into(),
            computed: Some("B".into()),
            computed_name: "Baik".into()
        }
    );
    assert_eq!(f.issue.code(), "printed_category_mismatch");
    let id_text = kinerja::text::finding(f, Lang::Id);
    assert!(id_text.contains("dicetak 'Sangat Baik'") && id_text.contains("termasuk 'Baik' (B)"), "{id_text}");
    let en_text = kinerja::text::finding(f, Lang::En);
    assert!(en_text.contains("falls in 'Baik' (B)") && en_text.contains("96"), "{en_text}");
    assert!(r.unverified.len() == base.unverified.len(), "every category could be checked");
}

#[test]
fn a_category_outside_every_band_and_a_period_without_bands() {
    let dir = tempfile::tempdir().unwrap();
    // "80–100 Baik, 50–80 Cukup" with inclusive lower bounds and no open band: all three
    // capaian (110, 96, 125) are Baik; a printed Cukup for IKA is a slip.
    office_with(
        dir.path(),
        "period,position,code,name,lower,lower_inclusive\n2025-2029,1,Baik,,80,true\n2025-2029,2,Cukup,,50,true\n",
        "2025,3.1,table,indicator:IKA,category,Cukup,,\n2025,3.1,table,indicator:IKB,category,Baik,,\n",
    );
    let d = read_dataset(&DirSource(dir.path().to_path_buf())).unwrap_or_else(|p| panic!("{p}"));
    let r = check(&d, &Settings::default(), None);
    let cats: Vec<_> = r.findings.iter().filter(|f| f.field == "category").collect();
    assert_eq!(cats.len(), 1, "{cats:#?}");
    assert_eq!(
        cats[0].issue,
        Issue::PrintedCategory { printed: "Cukup".into(), computed: Some("Baik".into()), computed_name: String::new() }
    );

    // Without achievement_bands.csv (an older dataset) a printed category cannot be checked:
    // it is listed as unverified, naming the missing scale.
    let dir = tempfile::tempdir().unwrap();
    office_with(dir.path(), "", "2025,3.1,table,indicator:IKA,category,SB,,\n");
    std::fs::remove_file(dir.path().join("achievement_bands.csv")).unwrap();
    let d = read_dataset(&DirSource(dir.path().to_path_buf())).unwrap_or_else(|p| panic!("{p}"));
    let r = check(&d, &Settings::default(), None);
    let u = r.unverified.iter().find(|u| u.field == "category").expect("listed as unverified");
    assert!(u.reason.message(Lang::En).contains("achievement_bands.csv"), "{}", u.reason.message(Lang::En));
}

#[test]
fn a_scale_out_of_order_is_refused_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    office_with(
        dir.path(),
        "period,position,code,name,lower,lower_inclusive\n\
         2025-2029,1,SB,,100,false\n\
         2025-2029,2,K,,,false\n\
         2025-2029,3,B,,80,false\n\
         2025-2029,4,C,,90,false\n\
         2030-2034,1,SB,,100,false\n\
         2025-2029,5,SB,,10,false\n",
        "",
    );
    let problems = read_dataset(&DirSource(dir.path().to_path_buf())).unwrap_err().0;
    let at = |line: usize, column: &str| {
        problems
            .iter()
            .find(|p| p.file == "achievement_bands.csv" && p.line == Some(line) && p.column.as_deref() == Some(column))
            .map(|p| p.kind.clone())
    };
    assert_eq!(at(3, "lower"), Some(ProblemKind::BandOpenNotLast), "{problems:#?}");
    assert_eq!(at(5, "lower"), Some(ProblemKind::BandOrder { above: "B".into() }), "{problems:#?}");
    assert!(matches!(at(6, "period"), Some(ProblemKind::UnknownReference { .. })), "{problems:#?}");
    assert!(matches!(at(7, "code"), Some(ProblemKind::Duplicate(_))), "{problems:#?}");
    assert!(ProblemKind::BandOpenNotLast.message(Lang::Id).contains("batas bawah"));
    assert!(ProblemKind::BandOrder { above: "B".into() }.message(Lang::En).contains("band above it ('B')"));
}

#[test]
fn the_capaian_table_shows_the_category_when_the_office_has_a_scale() {
    use kinerja::report::{build_table, TableOptions};
    let dir = tempfile::tempdir().unwrap();
    office_with(dir.path(), SCALE, "");
    let d = read_dataset(&DirSource(dir.path().to_path_buf())).unwrap_or_else(|p| panic!("{p}"));
    let t = build_table(&d, &Settings::default(), "3.1", 2025, TableOptions::default()).unwrap();
    let shown = format!("{t:?}");
    // IKA 110 and IKC 125 are SB, IKB 96 is B.
    assert_eq!(t.columns.last().map(|c| c.key.as_str()), Some("kategori"), "{shown}");
    let plain = build_table(
        &read_dataset(&DirSource(contoh())).unwrap(),
        &Settings::default(),
        "3.1",
        2025,
        TableOptions::default(),
    )
    .unwrap();
    assert_eq!(plain.columns.len() + 1, t.columns.len(), "no category column without a scale");
    let last: Vec<String> = t.rows.iter().map(|r| format!("{:?}", r.cells.last().unwrap())).collect();
    assert!(last[0].contains("\"SB\"") && last[1].contains("\"B\"") && last[2].contains("\"SB\""), "{last:?}");
}
