//! The plan above the office (issue 14): the city plan's misi above the office's tujuan, and
//! sasaran that hang directly under a misi. The dataset is the reference report's, written to a
//! folder and given misi there: period 2024-2026 gets misi M1 (tujuan T1 serves it, with its
//! sasaran S1) and M2, under which sasaran S2 now hangs without a tujuan; T2 serves no misi.

use kinerja::calc::check::check;
use kinerja::calc::resolve::{resolve, Value};
use kinerja::calc::Settings;
use kinerja::domain::*;
use kinerja::format::Lang;
use kinerja::interchange::{read_dataset, write_dataset, DirSource, Problem, ProblemKind, Ref};
use kinerja::report::{build_table, Cell, TableOptions};
use kinerja::storage::Store;
use rust_decimal::Decimal;
use std::path::Path;
use std::str::FromStr;

const M1: &str = "Mewujudkan tata kelola pemerintahan yang baik";
const M2: &str = "Mewujudkan perekonomian daerah yang berdaya saing";

fn write_folder(dir: &Path, d: &Dataset) {
    for (name, bytes) in write_dataset(d) {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
}

fn replace_in(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} contains {from}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// The reference dataset's files with misi: the folder as a user would write it.
fn misi_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write_folder(dir.path(), &kinerja::embedded::dataset().unwrap());
    std::fs::write(
        dir.path().join("misi.csv"),
        format!("period,code,position,name\n2024-2026,M1,1,{M1}\n2024-2026,M2,2,{M2}\n"),
    )
    .unwrap();
    replace_in(dir.path(), "tujuan.csv", "Kinerja DISKOPUKM,\n", "Kinerja DISKOPUKM,M1\n");
    replace_in(dir.path(), "sasaran.csv", "T2,S2,1,Meningkatnya Daya Saing Koperasi dan UMKM,", "");
    // Written last on purpose: a file's order is not the plan's.
    let path = dir.path().join("sasaran.csv");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text = text.replace("\n\n", "\n");
    text.push_str(",S2,1,Meningkatnya Daya Saing Koperasi dan UMKM,M2\n");
    std::fs::write(&path, text).unwrap();
    dir
}

fn misi_dataset() -> Dataset {
    let dir = misi_folder();
    read_dataset(&DirSource(dir.path().to_path_buf())).unwrap_or_else(|p| panic!("{:#?}", p.0))
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn misi_are_read_with_their_tujuan_and_sasaran() {
    let d = misi_dataset();
    assert_eq!(
        d.misi,
        vec![
            Misi { period: "2024-2026".into(), code: "M1".into(), position: 1, name: M1.into() },
            Misi { period: "2024-2026".into(), code: "M2".into(), position: 2, name: M2.into() },
        ]
    );
    assert_eq!(d.tujuan.iter().map(|t| t.misi.as_deref()).collect::<Vec<_>>(), [Some("M1"), None]);
    let s2 = d.sasaran.iter().find(|s| s.code == "S2").unwrap();
    assert_eq!((s2.tujuan.as_deref(), s2.misi.as_deref()), (None, Some("M2")));
    assert_eq!(s2.parent(), Some(SasaranParent::Misi("M2")));
    assert_eq!(d.period_of_sasaran(s2), Some("2024-2026"));
    // The plan's order: S1 (misi 1, through T1), then S2 (misi 2).
    let codes: Vec<&str> = d.sasaran_of_period("2024-2026").iter().map(|s| s.code.as_str()).collect();
    assert_eq!(codes, ["S1", "S2"]);
    let ikus: Vec<&str> = d.ikus_of_period("2024-2026").iter().map(|i| i.code.as_str()).collect();
    assert_eq!(ikus, ["IKU1", "IKU2", "IKU3"]);
}

#[test]
fn a_written_dataset_with_misi_reads_back_to_the_same_bytes() {
    let d = misi_dataset();
    let written = write_dataset(&d);
    let misi = written.iter().find(|(n, _)| *n == "misi.csv").unwrap();
    assert_eq!(
        String::from_utf8_lossy(&misi.1),
        format!("period,code,position,name\n2024-2026,M1,1,{M1}\n2024-2026,M2,2,{M2}\n")
    );
    let sasaran = written.iter().find(|(n, _)| *n == "sasaran.csv").unwrap();
    assert!(String::from_utf8_lossy(&sasaran.1).starts_with("tujuan,code,position,name,misi\n"));
    let dir = tempfile::tempdir().unwrap();
    write_folder(dir.path(), &d);
    let back = read_dataset(&DirSource(dir.path().to_path_buf())).unwrap();
    assert_eq!(back, d);
    assert_eq!(write_dataset(&back), written);
}

#[test]
fn a_dataset_with_misi_survives_the_store() {
    let d = misi_dataset();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("misi.sqlite")).unwrap();
    let id = store.save_dataset(&d).unwrap();
    assert_eq!(store.load_dataset(id).unwrap(), d);
}

#[test]
fn the_goals_table_shows_each_misi_above_what_serves_it() {
    let d = misi_dataset();
    let t = build_table(&d, &Settings::default(), "tujuan-sasaran", 2024, TableOptions::default()).unwrap();
    let rows: Vec<(u8, &str, Vec<String>)> = t
        .rows
        .iter()
        .map(|r| {
            let texts = r.cells[..3]
                .iter()
                .map(|c| match c {
                    Cell::Text(s) => s.clone(),
                    Cell::Empty => String::new(),
                    other => format!("{other:?}"),
                })
                .collect();
            (r.level, r.subject.as_str(), texts)
        })
        .collect();
    let t1 = "Meningkatnya Kualitas Manajemen dan Kinerja DISKOPUKM";
    let t2 = "Meningkatnya Pertumbuhan Ekonomi Sektor Perdagangan dan Jasa (Koperasi dan UMKM)";
    let s1 = "Meningkatnya Akuntabilitas dan Kualitas Perencanaan dan Penganggaran DISKOPUKM";
    let s2 = "Meningkatnya Daya Saing Koperasi dan UMKM";
    let v = |a: &str, b: &str, c: &str| vec![a.to_string(), b.to_string(), c.to_string()];
    assert_eq!(
        rows,
        vec![
            (0, "misi:M1", v(&format!("MISI 1: {M1}"), "", "")),
            (1, "indicator:IT1", v(t1, "", "Nilai AKIP Diskopukm")),
            (2, "indicator:IKU1", v(t1, s1, "Nilai AKIP Diskopukm")),
            (0, "misi:M2", v(&format!("MISI 2: {M2}"), "", "")),
            (2, "indicator:IKU2", v("", s2, "Persentase Peningkatan Volume Usaha Koperasi")),
            (2, "indicator:IKU3", v("", s2, "Persentase Peningkatan Volume Usaha UMKM")),
            // T2 serves no misi: after them, as a period without misi shows it.
            (0, "indicator:IT2", v(t2, "", "Persentase peningkatan Nilai tambah Koperasi dan UMKM")),
        ]
    );
    // The misi row spans the table: every other cell is empty.
    assert!(t.rows[0].cells[1..].iter().all(|c| *c == Cell::Empty));
    let en = build_table(
        &d,
        &Settings::default(),
        "tujuan-sasaran",
        2024,
        TableOptions { lang: Lang::En, ..Default::default() },
    )
    .unwrap();
    assert_eq!(en.rows[0].cells[0], Cell::Text(format!("MISSION 1: {M1}")));

    // The IKU dictionary names S2 for its indicators like any sasaran.
    let dict = build_table(&d, &Settings::default(), "iku", 2024, TableOptions::default()).unwrap();
    let sasaran: Vec<&Cell> = dict.rows.iter().map(|r| &r.cells[1]).collect();
    assert_eq!(sasaran, [&Cell::text(s1), &Cell::text(s2), &Cell::text(s2)]);
}

#[test]
fn figures_of_a_sasaran_under_a_misi_are_computed() {
    let d = misi_dataset();
    let s = Settings::default();
    // IKU2: realisasi 1.05 on target 1 → 105 %; IKU3: 1.01 on 1 → 101 %; (105 + 101) / 2 = 103.
    let avg = resolve(&d, &s, 2024, "sasaran:S2", "avg_capaian").unwrap();
    assert_eq!(avg.value, Value::Number(dec("103")));
    // Both sasaran are still efficient as the report says ("2 (dua)"): S2 counts though it has
    // no tujuan.
    let n = resolve(&d, &s, 2024, "sasaran:*", "count_efficient").unwrap();
    assert_eq!(n.value, Value::Number(dec("2")));
    // Moving S2 under a misi changes no figure: the reference's 21 findings, no more.
    assert_eq!(check(&d, &s, None).findings.len(), 21);
    assert_eq!(check(&kinerja::embedded::dataset().unwrap(), &s, None).findings.len(), 21);
}

fn problems(edit: impl FnOnce(&Path)) -> Vec<Problem> {
    let dir = misi_folder();
    edit(dir.path());
    read_dataset(&DirSource(dir.path().to_path_buf())).expect_err("refused").0
}

fn only(p: &[Problem]) -> (&str, Option<usize>, Option<&str>, &ProblemKind) {
    assert_eq!(p.len(), 1, "{p:#?}");
    (p[0].file.as_str(), p[0].line, p[0].column.as_deref(), &p[0].kind)
}

#[test]
fn every_misi_problem_is_refused_with_its_place() {
    // A tujuan naming a misi that does not exist.
    let p = problems(|dir| replace_in(dir, "tujuan.csv", "DISKOPUKM,M1", "DISKOPUKM,M9"));
    let unknown = ProblemKind::UnknownReference { what: Ref::Misi, value: "M9".into() };
    assert_eq!(only(&p), ("tujuan.csv", Some(2), Some("misi"), &unknown));
    assert!(p[0].message(Lang::Id).contains("tujuan.csv, baris 2, kolom 'misi': misi 'M9' tidak ditemukan"));
    assert!(p[0]
        .message(Lang::En)
        .contains("tujuan.csv, line 2, column 'misi': misi (of the city plan) 'M9' does not exist"));

    // A tujuan serving a misi of another period.
    let p = problems(|dir| {
        let path = dir.join("misi.csv");
        let mut text = std::fs::read_to_string(&path).unwrap();
        text.push_str("2018-2023,M3,1,Misi lama\n");
        std::fs::write(path, text).unwrap();
        replace_in(dir, "tujuan.csv", "DISKOPUKM,M1", "DISKOPUKM,M3");
    });
    let other = ProblemKind::MisiOfOtherPeriod {
        misi: "M3".into(),
        misi_period: "2018-2023".into(),
        period: "2024-2026".into(),
    };
    assert_eq!(only(&p), ("tujuan.csv", Some(2), Some("misi"), &other));
    assert!(p[0].message(Lang::Id).contains("milik periode '2018-2023', bukan periode '2024-2026'"));
    assert!(p[0].message(Lang::En).contains("belongs to period '2018-2023', not to this tujuan's period '2024-2026'"));

    // A sasaran under both a tujuan and a misi (line 3: S2, written last).
    let p = problems(|dir| replace_in(dir, "sasaran.csv", ",S2,", "T2,S2,"));
    assert_eq!(only(&p), ("sasaran.csv", Some(3), Some("misi"), &ProblemKind::SasaranParent { both: true }));
    assert!(p[0].message(Lang::En).contains("names both a tujuan and a misi"));

    // A sasaran under neither.
    let p = problems(|dir| replace_in(dir, "sasaran.csv", "UMKM,M2", "UMKM,"));
    assert_eq!(only(&p), ("sasaran.csv", Some(3), Some("tujuan"), &ProblemKind::SasaranParent { both: false }));
    assert!(p[0].message(Lang::Id).contains("sasaran tanpa tujuan dan tanpa misi"));

    // A sasaran under a misi that does not exist.
    let p = problems(|dir| replace_in(dir, "sasaran.csv", "UMKM,M2", "UMKM,M7"));
    let unknown = ProblemKind::UnknownReference { what: Ref::Misi, value: "M7".into() };
    assert_eq!(only(&p), ("sasaran.csv", Some(3), Some("misi"), &unknown));

    // Two misi with one code.
    let p = problems(|dir| replace_in(dir, "misi.csv", "2024-2026,M2,2", "2024-2026,M1,2"));
    assert!(p.iter().any(|x| x.file == "misi.csv"
        && x.line == Some(3)
        && x.column.as_deref() == Some("code")
        && matches!(&x.kind, ProblemKind::Duplicate(k) if k.contains("M1"))));

    // A misi of a period that does not exist.
    let p = problems(|dir| replace_in(dir, "misi.csv", "2024-2026,M2", "2030-2034,M2"));
    let unknown = ProblemKind::UnknownReference { what: Ref::Period, value: "2030-2034".into() };
    assert!(p
        .iter()
        .any(|x| (x.file.as_str(), x.line, x.column.as_deref(), &x.kind)
            == ("misi.csv", Some(3), Some("period"), &unknown)));
}

#[test]
fn files_without_misi_read_as_before() {
    // A version-1 sasaran.csv (no misi column) whose tujuan is empty: the sasaran names neither.
    let dir = tempfile::tempdir().unwrap();
    write_folder(dir.path(), &kinerja::embedded::dataset().unwrap());
    std::fs::remove_file(dir.path().join("misi.csv")).unwrap();
    std::fs::write(
        dir.path().join("tujuan.csv"),
        "period,code,position,name\n2024-2026,T1,1,Satu\n2024-2026,T2,2,Dua\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("sasaran.csv"), "tujuan,code,position,name\nT1,S1,1,Satu\nT2,S2,1,Dua\n").unwrap();
    let d = read_dataset(&DirSource(dir.path().to_path_buf())).unwrap();
    assert!(d.misi.is_empty());
    assert_eq!(d.sasaran[1].tujuan.as_deref(), Some("T2"));
    assert_eq!(d.sasaran[1].misi, None);
    std::fs::write(dir.path().join("sasaran.csv"), "tujuan,code,position,name\nT1,S1,1,Satu\n,S2,1,Dua\n").unwrap();
    let p = read_dataset(&DirSource(dir.path().to_path_buf())).unwrap_err().0;
    assert_eq!(only(&p), ("sasaran.csv", Some(3), Some("tujuan"), &ProblemKind::SasaranParent { both: false }));
}
