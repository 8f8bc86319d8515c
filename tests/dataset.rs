//! The interchange format and the embedded dataset; importing an office again.

mod common;

use kinerja::domain::*;
use kinerja::entity::{each_part, Entity, Part, PartVisitor};
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
        // An optional file the embedded dataset leaves out is written with its header alone.
        let original = original.unwrap_or_else(|| match name {
            n if n == NarrativeSection::FILE => b"year,section,text\n",
            // Nor the city plan's misi.
            n if n == Misi::FILE => b"period,code,position,name\n",
            // The reference report prints no achievement categories.
            n if n == AchievementBand::FILE => b"period,position,code,name,lower,lower_inclusive\n",
            // Nor does it record the Renstra's baselines as such.
            n if n == RenstraBaseline::FILE => b"indicator,baseline_year,baseline,end_target,end_target_high,note\n",
            _ => panic!("{name} is embedded"),
        });
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
    assert!(p.iter().any(|x| x.kind == ProblemKind::YearOutsidePeriod { year: 2031, start: 2024, end: 2026 }));

    let p = problems_after(|dir| std::fs::write(dir.join("awards.csv"), [0xff, 0xfe, 0x00, 0x41]).unwrap());
    assert_eq!(p[0].kind, ProblemKind::NotUtf8);
}

fn kinerja(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_kinerja")).args(args).output().expect("kinerja runs")
}

/// Every row of a dataset but the office's own: what an import writes.
fn rows(d: &Dataset) -> usize {
    struct Count<'a>(&'a Dataset, usize);
    impl PartVisitor for Count<'_> {
        type Error = std::convert::Infallible;
        fn visit<P: Part>(&mut self) -> Result<(), Self::Error> {
            self.1 += P::rows(self.0).len();
            Ok(())
        }
    }
    let mut c = Count(d, 0);
    let Ok(()) = each_part(&mut c);
    c.1
}

#[test]
fn reimporting_an_office_keeps_its_audit_trail_and_settings_after_a_backup() {
    use kinerja::domain::{Change, IndicatorValue, Op};
    use kinerja::storage::{list_backups, Store};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.sqlite");
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    write_folder(&data, &dataset());

    let (office, edited) = {
        let mut store = Store::open(&db).unwrap();
        let office = store.save_dataset(&dataset()).unwrap();
        // One edit (one audit row) and one setting, as the window makes them.
        let old = dataset().renstra_target("IKU1", 2026).map(|t| t.target).expect("IKU1 has a 2026 target");
        let op = Op::SetValue {
            value: IndicatorValue::RenstraTarget,
            indicator: "IKU1".into(),
            year: 2026,
            old: Some(old),
            new: rust_decimal::Decimal::new(9999, 2),
        };
        store.apply_change(office, &Change { description: "target IKU1 2026".into(), ops: vec![op] }, "Siti").unwrap();
        store.set_setting(office, "capaian_cap", "120").unwrap();
        (office, store.audit_log(office, None, 100).unwrap())
    };
    assert_eq!(edited.len(), 1);
    assert!(list_backups(&db).is_empty(), "no backup before the import");

    let out = kinerja(&["--db", &db.display().to_string(), "import", &data.display().to_string()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("cadangan"), "says where the backup is: {stderr}");

    let store = Store::open(&db).unwrap();
    let offices = store.offices().unwrap();
    assert_eq!(offices.len(), 1, "the office is replaced, not duplicated");
    assert_eq!(offices[0].id, office, "the office keeps its row");
    let log = store.audit_log(office, None, 100).unwrap();
    assert_eq!(log.len(), 2, "the edit's row and the import's: {log:?}");
    assert_eq!(log[1], edited[0], "the edit's row is untouched");
    let import = &log[0];
    assert_eq!((import.action.as_str(), import.record.as_str()), ("impor", "office:DISKOPUKM-BKS"));
    assert_eq!(import.new, format!("{} baris", rows(&dataset())));
    assert_eq!(import.old, import.new, "the same data as before the edit, row for row");
    assert_eq!(store.setting(office, "capaian_cap").unwrap().as_deref(), Some("120"), "the setting is kept");
    // The data is the file's again: the edited target is back.
    assert_eq!(store.load_dataset(office).unwrap(), dataset());
    let backups = list_backups(&db);
    assert_eq!(backups.len(), 1, "{backups:?}");
    // The backup holds the database as it was just before: the edited target and its audit row.
    let before = Store::open(&backups[0]).unwrap();
    assert_eq!(before.audit_log(office, None, 100).unwrap(), edited);
    let t = before.load_dataset(office).unwrap().renstra_target("IKU1", 2026).map(|t| t.target);
    assert_eq!(t, Some(rust_decimal::Decimal::new(9999, 2)));
}

#[test]
fn importing_a_new_office_writes_no_audit_row_and_no_backup() {
    use kinerja::storage::{list_backups, Store};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.sqlite");
    let mut other = dataset();
    other.office.code = "LAIN".into();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    write_folder(&data, &other);
    let db_arg = db.display().to_string();
    // The first command creates the database with the embedded office.
    assert_eq!(kinerja(&["--db", &db_arg, "offices"]).status.code(), Some(0));
    let out = kinerja(&["--db", &db_arg, "import", &data.display().to_string()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let store = Store::open(&db).unwrap();
    assert_eq!(store.offices().unwrap().len(), 2);
    let id = store.office_id("LAIN").unwrap().expect("imported");
    assert!(store.audit_log(id, None, 10).unwrap().is_empty());
    assert!(list_backups(&db).is_empty());
}

/// A dataset of the embedded office with `n` sub-kegiatan in one year, listed children first:
/// every line's parent comes after it, so a search from the top for each parent reads nearly
/// the whole list.
fn wide_budget(n: usize) -> Dataset {
    let mut d = dataset();
    d.budget_lines.retain(|b| b.year != 2030);
    d.budget_quarters.retain(|q| q.year != 2030);
    let line = |kode: String, parent: Option<String>, level: BudgetLevel, position: usize| BudgetLine {
        year: 2030,
        kode,
        parent,
        level,
        position: position as i64,
        name: "Baris uji".into(),
        pagu_murni: Some(Money::from_rupiah(1000)),
        pagu_perubahan: None,
        realisasi: Some(Money::from_rupiah(900)),
        ..BudgetLine::new(2030, "", None, level, 0, "")
    };
    let kegiatan = 100;
    let mut lines: Vec<BudgetLine> = (0..n)
        .map(|i| {
            line(format!("9.{}.{i}", i % kegiatan), Some(format!("9.{}", i % kegiatan)), BudgetLevel::SubKegiatan, i)
        })
        .collect();
    lines.extend((0..kegiatan).map(|k| line(format!("9.{k}"), Some("9".into()), BudgetLevel::Kegiatan, k)));
    lines.push(line("9".into(), None, BudgetLevel::Program, 99));
    d.budget_lines.extend(lines);
    d
}

/// Seconds to read and store a dataset written to files, the best of two runs.
fn import_seconds(d: &Dataset) -> f64 {
    let dir = tempfile::tempdir().unwrap();
    write_folder(dir.path(), d);
    (0..2)
        .map(|_| {
            let started = std::time::Instant::now();
            let back = read_dataset(&DirSource(dir.path().to_path_buf())).expect("valid");
            let mut store = kinerja::storage::Store::open_in_memory().unwrap();
            store.save_dataset(&back).unwrap();
            started.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

#[test]
fn import_time_grows_linearly_with_the_budget_lines() {
    let small = import_seconds(&wide_budget(5_000));
    let large = import_seconds(&wide_budget(40_000));
    // Eight times the lines: linear work takes about 8 times as long, quadratic work 64 times.
    // The bound leaves room for a busy machine and for the fixed cost of the rest of the data.
    let ratio = large / small;
    assert!(ratio < 20.0, "5 000 lines {small:.3} s, 40 000 lines {large:.3} s: {ratio:.1} times as long");
}

#[test]
fn reimporting_from_the_window_backs_up_first_and_keeps_the_audit_trail() {
    use egui_kittest::kittest::Queryable;
    use kinerja::domain::{Change, IndicatorValue, Op};
    use kinerja::storage::{list_backups, Store};
    use kinerja::ui::{KinerjaApp, UiState};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.sqlite");
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    write_folder(&data, &dataset());
    let office = {
        let mut store = Store::open(&db).unwrap();
        let office = store.save_dataset(&dataset()).unwrap();
        let old = dataset().realisation("IKU1", 2024).map(|r| r.realisasi).expect("IKU1 has a 2024 realisation");
        let op = Op::SetValue {
            value: IndicatorValue::Realisation,
            indicator: "IKU1".into(),
            year: 2024,
            old: Some(old),
            new: old + rust_decimal::Decimal::ONE,
        };
        store
            .apply_change(office, &Change { description: "realisasi IKU1 2024".into(), ops: vec![op] }, "Siti")
            .unwrap();
        office
    };

    let mut h = common::harness_of(KinerjaApp::new(db.clone(), UiState::default()));
    common::wait_for_integrity_check(&mut h);
    common::open_menu(&mut h);
    h.get_by_label("Impor dataset…").click_accesskit();
    h.run_steps(3);
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Berkas").focus();
    h.run_steps(1);
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Berkas").type_text(&data.display().to_string());
    h.run_steps(2);
    h.get_by_label("Impor").click_accesskit();
    h.run_steps(1);
    common::wait_for_job(&mut h);
    let msg = h.state().message().map(str::to_string).unwrap_or_default();
    assert!(msg.starts_with("Dataset diimpor:"), "{msg}");
    drop(h);

    let backups = list_backups(&db);
    assert_eq!(backups.len(), 1, "a backup before the office's data was replaced");
    assert!(msg.ends_with(&format!("cadangan: {}", backups[0].display())), "the message names it: {msg}");
    let store = Store::open(&db).unwrap();
    let log = store.audit_log(office, None, 10).unwrap();
    let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["impor", "ubah"], "newest first");
    assert_eq!(store.load_dataset(office).unwrap(), dataset(), "the file's data, the edit replaced");
}
